// A small Markdown reader for the project's own docs shown in the app (headings, paragraphs,
// bullet and numbered lists, pipe tables, `code` and **bold** marks dropped).
#pragma once

#include <string>
#include <vector>

namespace scholion::ui {

struct MarkdownBlock {
  enum class Kind { Title, Heading, Paragraph, Bullet, Numbered, Table };
  Kind kind = Kind::Paragraph;
  std::string text;                            // without marks; the number for Numbered
  std::string number;                          // "1." for Numbered items
  std::vector<std::vector<std::string>> rows;  // Table: header row first, cells trimmed
};

// Parsed once (the docs are embedded and never change while the app runs).
std::vector<MarkdownBlock> parseMarkdown(const std::string& text);

// Draws the blocks in the current window, wrapped to its width.
void drawMarkdown(const std::vector<MarkdownBlock>& blocks);

}  // namespace scholion::ui
