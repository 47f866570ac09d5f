// HTML to plain text for "Open document": a small tolerant scanner, not a full HTML parser.
#include "html_text.h"

#include <cctype>
#include <cstdint>

#include "text.h"

namespace scholion {
namespace {

bool isBlock(const std::string& tag) {
  static const char* const kBlocks[] = {
      "p",       "div",     "br",      "li",     "ul",     "ol",         "h1",
      "h2",      "h3",      "h4",      "h5",     "h6",     "tr",         "table",
      "section", "article", "header",  "footer", "nav",    "blockquote", "pre",
      "hr",      "dt",      "dd",      "dl",     "figure", "figcaption", "main",
      "form",    "address", "caption", "body",   "html"};
  for (const char* b : kBlocks)
    if (tag == b) return true;
  return false;
}

bool isDropped(const std::string& tag) {
  return tag == "script" || tag == "style" || tag == "head" || tag == "noscript" ||
         tag == "template" || tag == "title";
}

struct NamedEntity {
  const char* name;
  uint32_t cp;
};
const NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},     {"cent", 0xA2},
    {"sect", 0xA7},    {"deg", 0xB0},      {"middot", 0xB7},   {"laquo", 0xAB},   {"raquo", 0xBB},
    {"bull", 0x2022},  {"eacute", 0xE9},   {"egrave", 0xE8},   {"agrave", 0xE0},  {"uuml", 0xFC},
    {"ouml", 0xF6},    {"auml", 0xE4},     {"szlig", 0xDF},    {"ccedil", 0xE7},  {"times", 0xD7},
    {"shy", 0xAD},     {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003}};

// Decodes the entity starting at html[i] == '&'; on success appends it and advances i past ';'.
bool decodeEntity(std::string_view html, std::size_t& i, std::string& out) {
  std::size_t semi = html.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return false;
  std::string_view body = html.substr(i + 1, semi - i - 1);
  if (body.empty()) return false;
  uint32_t cp = 0;
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return false;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      if (cp > 0x10FFFF) return false;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  } else {
    bool found = false;
    for (const NamedEntity& e : kEntities)
      if (body == e.name) {
        cp = e.cp;
        found = true;
        break;
      }
    if (!found) return false;
  }
  appendUtf8(out, cp);
  i = semi + 1;
  return true;
}

// Appends text collapsing whitespace (unless in <pre>).
class Writer {
 public:
  std::string out;
  bool pre = false;
  void text(char c) {
    if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
      pendingSpace_ = true;
      return;
    }
    if (pendingSpace_ && !out.empty() && out.back() != '\n') out.push_back(' ');
    pendingSpace_ = false;
    out.push_back(c);
  }
  void raw(const std::string& s) {
    for (char c : s) text(c);
  }
  // <br>: a new line (at most one empty line in a row, none at the start).
  void lineBreak() {
    trim();
    if (out.empty()) return;
    std::size_t n = out.size();
    if (n >= 2 && out[n - 1] == '\n' && out[n - 2] == '\n') return;
    out.push_back('\n');
  }
  // A block boundary: continue on a fresh line (no new line when already at one).
  void endLine() {
    trim();
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  }
  // A paragraph boundary: an empty line before the next text.
  void endParagraph() {
    endLine();
    std::size_t n = out.size();
    if (n >= 1 && !(n >= 2 && out[n - 2] == '\n')) out.push_back('\n');
  }

 private:
  void trim() {
    pendingSpace_ = false;
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }

 public:
 private:
  bool pendingSpace_ = false;
};

}  // namespace

std::string htmlToText(std::string_view html) {
  Writer w;
  std::size_t i = 0;
  const std::size_t n = html.size();
  while (i < n) {
    char c = html[i];
    if (c == '&') {
      std::string ent;
      if (decodeEntity(html, i, ent)) {
        w.raw(ent);  // no-break spaces stay: they are text, not layout
        continue;
      }
      w.text(c);
      ++i;
      continue;
    }
    if (c != '<') {
      w.text(c);
      ++i;
      continue;
    }
    // Comments and doctype.
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t e = html.find("-->", i + 4);
      i = (e == std::string_view::npos) ? n : e + 3;
      continue;
    }
    std::size_t j = i + 1;
    bool closing = j < n && html[j] == '/';
    if (closing) ++j;
    std::size_t nameStart = j;
    while (j < n && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) ++j;
    if (j == nameStart && !(j < n && html[j] == '!')) {  // "<" not starting a tag: plain text
      w.text(c);
      ++i;
      continue;
    }
    std::string tag = asciiLower(html.substr(nameStart, j - nameStart));
    // Skip to the end of the tag, honouring quoted attribute values.
    char quote = 0;
    while (j < n) {
      char d = html[j];
      if (quote) {
        if (d == quote) quote = 0;
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>') {
        break;
      }
      ++j;
    }
    i = (j < n) ? j + 1 : n;
    if (!closing && isDropped(tag)) {
      std::string close = "</" + tag;
      std::size_t k = i;
      // Case-insensitive search for the closing tag.
      while (k < n) {
        k = html.find("</", k);
        if (k == std::string_view::npos) break;
        if (asciiLower(html.substr(k, close.size())) == close) break;
        k += 2;
      }
      if (k == std::string_view::npos || k >= n) {
        i = n;
      } else {
        std::size_t e = html.find('>', k);
        i = (e == std::string_view::npos) ? n : e + 1;
      }
      continue;
    }
    if (tag == "pre") {
      w.endLine();
      w.pre = !closing;
      continue;
    }
    if (tag == "br") {
      w.lineBreak();
      continue;
    }
    if (isBlock(tag)) {
      bool paragraph =
          (tag == "p" || (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'));
      if (paragraph)
        w.endParagraph();
      else
        w.endLine();
      continue;
    }
    if (tag == "td" || tag == "th") w.text(' ');
  }
  std::string out = std::move(w.out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (!out.empty()) out.push_back('\n');
  return out;
}

}  // namespace scholion
