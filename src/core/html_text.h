// Plain text from an HTML page: scripts and styles dropped, entities decoded, blocks become lines.
#pragma once

#include <string>
#include <string_view>

namespace scholion {

// Extracts readable text from (valid UTF-8) HTML. Tags are removed; <script>, <style>, <head>
// <title> aside, <noscript> and <template> contents are dropped; named (common) and numeric
// entities are decoded (invalid or unknown ones are kept as written); block elements (p, div, br,
// li, h1-h6, tr, ...) end a line; runs of spaces inside a line collapse to one; at most one empty
// line separates paragraphs; <pre> keeps its whitespace. Never fails: malformed markup is text.
std::string htmlToText(std::string_view html);

}  // namespace scholion
