// A small Markdown reader for the project's own docs shown in the app: parse once, draw each
// frame without allocating.
#include "markdown_view.h"

#include <imgui.h>

namespace scholion::ui {
namespace {

std::string trim(const std::string& s) {
  const std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// `code`, **bold** and *emphasis* read as plain text on screen; escaped pipes become pipes.
// (The docs shown never use a literal asterisk.)
std::string plain(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '`' || s[i] == '*') continue;
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') continue;
    out += s[i];
  }
  return out;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string t = trim(line);
  if (!t.empty() && t.front() == '|') t.erase(0, 1);
  if (!t.empty() && t.back() == '|') t.pop_back();
  std::string cell;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (t[i] == '|') {
      out.push_back(plain(trim(cell)));
      cell.clear();
    } else {
      cell += t[i];
    }
  }
  out.push_back(plain(trim(cell)));
  return out;
}

bool isRule(const std::vector<std::string>& row) {
  for (const std::string& c : row)
    if (c.empty() || c.find_first_not_of("-: ") != std::string::npos) return false;
  return true;
}

// "12. text" -> 3 (the length of "12. "), else 0.
std::size_t numberedPrefix(const std::string& t) {
  std::size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  return i > 0 && i + 1 < t.size() && t[i] == '.' && t[i + 1] == ' ' ? i + 2 : 0;
}

}  // namespace

std::vector<MarkdownBlock> parseMarkdown(const std::string& text) {
  std::vector<MarkdownBlock> blocks;
  bool open = false;  // the last block takes continuation lines
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    const std::string t = trim(line);
    if (t.empty()) {
      open = false;
      continue;
    }
    using K = MarkdownBlock::Kind;
    MarkdownBlock b;
    if (t[0] == '|') {
      std::vector<std::string> row = cells(t);
      if (!blocks.empty() && blocks.back().kind == K::Table && open) {
        if (!isRule(row)) blocks.back().rows.push_back(std::move(row));
        continue;
      }
      b.kind = K::Table;
      b.rows.push_back(std::move(row));
    } else if (t.rfind("## ", 0) == 0 || t.rfind("### ", 0) == 0) {
      b.kind = K::Heading;
      b.text = plain(trim(t.substr(t.find(' '))));
    } else if (t.rfind("# ", 0) == 0) {
      b.kind = K::Title;
      b.text = plain(trim(t.substr(2)));
    } else if (t.rfind("- ", 0) == 0 || t.rfind("* ", 0) == 0) {
      b.kind = K::Bullet;
      b.text = plain(trim(t.substr(2)));
    } else if (std::size_t n = numberedPrefix(t)) {
      b.kind = K::Numbered;
      b.number = t.substr(0, n - 1);
      b.text = plain(trim(t.substr(n)));
    } else if (open && !blocks.empty() && blocks.back().kind != K::Table &&
               blocks.back().kind != K::Title && blocks.back().kind != K::Heading) {
      blocks.back().text += ' ' + plain(t);  // a wrapped line of the same paragraph or item
      continue;
    } else {
      b.kind = K::Paragraph;
      b.text = plain(t);
    }
    open = b.kind != K::Title && b.kind != K::Heading;
    blocks.push_back(std::move(b));
  }
  return blocks;
}

void drawMarkdown(const std::vector<MarkdownBlock>& blocks) {
  using K = MarkdownBlock::Kind;
  ImGui::PushTextWrapPos(0.0f);
  int tableId = 0;
  for (const MarkdownBlock& b : blocks) {
    switch (b.kind) {
      case K::Title:
        ImGui::TextUnformatted(b.text.c_str());
        ImGui::Separator();
        break;
      case K::Heading:
        ImGui::Spacing();
        ImGui::Spacing();
        ImGui::TextUnformatted(b.text.c_str());
        ImGui::Separator();
        break;
      case K::Paragraph:
        ImGui::Spacing();
        ImGui::TextUnformatted(b.text.c_str());
        break;
      case K::Bullet:
        ImGui::Bullet();
        ImGui::TextUnformatted(b.text.c_str());
        break;
      case K::Numbered:
        ImGui::Indent();
        ImGui::TextUnformatted(b.number.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(b.text.c_str());
        ImGui::Unindent();
        break;
      case K::Table: {
        const int columns = b.rows.empty() ? 0 : static_cast<int>(b.rows[0].size());
        ImGui::PushID(tableId++);
        if (columns > 0 && ImGui::BeginTable("##md-table", columns,
                                             ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                                 ImGuiTableFlags_SizingStretchProp)) {
          for (std::size_t r = 0; r < b.rows.size(); ++r) {
            ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : 0);
            for (int c = 0; c < columns; ++c) {
              ImGui::TableNextColumn();
              if (c < static_cast<int>(b.rows[r].size()))
                ImGui::TextUnformatted(b.rows[r][c].c_str());
            }
          }
          ImGui::EndTable();
        }
        ImGui::PopID();
        break;
      }
    }
  }
  ImGui::PopTextWrapPos();
}

}  // namespace scholion::ui
