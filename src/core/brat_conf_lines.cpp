// brat .conf sections and type hierarchies, read the way projectconfig.py reads them.
#include "brat_conf_lines.h"

#include <cctype>
#include <string>

namespace scholion {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

std::string bratTrim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && isSpace(s[b])) ++b;
  while (e > b && isSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> bratSplit(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (;;) {
    auto p = s.find(sep, b);
    out.push_back(s.substr(b, p == std::string::npos ? std::string::npos : p - b));
    if (p == std::string::npos) break;
    b = p + 1;
  }
  return out;
}

namespace {

// Trimmed, non-empty pieces.
std::vector<std::string> pieces(const std::string& s, char sep) {
  std::vector<std::string> out;
  for (const auto& p : bratSplit(s, sep)) {
    std::string t = bratTrim(p);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

bool hasSpace(const std::string& s) {
  for (char c : s)
    if (isSpace(c)) return true;
  return false;
}

const char* const kReservedNames[] = {
    "ANY",     "ENTITY",  "RELATION",  "EVENT",   "NONE", "EMPTY",   "REL-TYPE", "URL",
    "URLBASE", "UNICODE", "GLYPH-POS", "DEFAULT", "NORM", "OVERLAP", "OVL-TYPE", "INHERIT"};

bool isReservedName(const std::string& name) {
  for (const char* n : kReservedNames)
    if (name == n) return true;
  return false;
}

// Macro expansion as brat's repeated str.replace over the macros in order does it (a name inside
// the value of macro M is expanded only if it comes after M), built in one pass and bounded the way
// XML parsers bound entity expansion: by nesting depth, by the length of a line and by the bytes
// a section may gain in all.
constexpr int kMaxMacroDepth = 16;
constexpr std::size_t kMaxMacroLine = 64 * 1024;
constexpr std::size_t kMaxMacroOutput = 1024 * 1024;

struct MacroExpansion {
  const std::map<std::string, std::string>& macros;
  std::size_t& budget;
  std::string error;

  static bool nameChar(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }
  // Appends `text` expanded to `out`; `inside` is the macro whose value `text` is (nullptr: the
  // line itself). False, with `error` set, when a bound is reached.
  bool expand(const std::string& text, const std::string* inside, int depth, std::string& out) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t close = std::string::npos;
      if (text[i] == '<') {
        std::size_t j = i + 1;
        while (j < text.size() && nameChar(text[j])) ++j;
        if (j > i + 1 && j < text.size() && text[j] == '>') close = j;
      }
      auto m =
          close == std::string::npos ? macros.end() : macros.find(text.substr(i, close - i + 1));
      if (m == macros.end() || (inside && !(*inside < m->first))) {
        if (!grow(out, 1)) return false;
        out += text[i++];
        continue;
      }
      if (depth + 1 > kMaxMacroDepth) {
        error = "macros nested more than " + std::to_string(kMaxMacroDepth) + " deep (" + m->first +
                " inside " + (inside ? *inside : std::string("the line")) + ")";
        return false;
      }
      if (!expand(m->second, &m->first, depth + 1, out)) return false;
      i = close + 1;
    }
    return true;
  }
  bool grow(const std::string& out, std::size_t n) {
    if (out.size() + n > kMaxMacroLine) {
      error = "macro expansion makes this line longer than " + std::to_string(kMaxMacroLine) +
              " bytes (macros expanding into each other?)";
      return false;
    }
    if (budget < n) {
      error = "macro-expanded lines of this section pass " + std::to_string(kMaxMacroOutput) +
              " bytes in all; the rest of the section is not read";
      budget = 0;
      return false;
    }
    budget -= n;
    return true;
  }
};

struct RawLine {
  std::size_t lineNo;
  std::string text;
};

// projectconfig.py __read_term_hierarchy for one section.
std::vector<BratTypeLine> readHierarchy(const std::vector<RawLine>& lines, const std::string& file,
                                        bool tabTerms, BratConfReport& report) {
  std::vector<BratTypeLine> out;
  std::map<std::string, std::string> macros;       // "<NAME>" -> value, this section only
  std::map<std::size_t, std::size_t> lastAtDepth;  // depth -> index in out
  std::size_t budget = kMaxMacroOutput;            // bytes of macro-expanded lines still allowed
  auto error = [&](std::size_t lineNo, const std::string& what) {
    report.errors.push_back(file + ":" + std::to_string(lineNo) + ": " + what);
  };
  for (const RawLine& raw : lines) {
    std::string l = raw.text;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    std::string t = bratTrim(l);
    if (t.empty() || t[0] == '#') continue;
    if (t.find_first_not_of('-') == std::string::npos) continue;  // "----": a menu separator
    // "<NAME>=value" (NAME of [a-zA-Z_-]).
    if (l[0] == '<') {
      auto close = l.find('>');
      bool name = close != std::string::npos && close > 1;
      for (std::size_t i = 1; name && i < close; ++i)
        name = std::isalpha(static_cast<unsigned char>(l[i])) || l[i] == '_' || l[i] == '-';
      if (name && close + 1 < l.size() && l[close + 1] == '=') {
        std::string n = l.substr(1, close - 1);
        if (isReservedName(n))
          error(raw.lineNo, "<" + n + "> is a reserved name and cannot be redefined");
        else
          macros["<" + n + ">"] = bratTrim(l.substr(close + 2));
        continue;
      }
    }
    if (!macros.empty()) {
      MacroExpansion x{macros, budget, {}};
      std::string expanded;
      x.expand(l, nullptr, 0, expanded);
      if (!x.error.empty()) {
        error(raw.lineNo, x.error);
        if (budget == 0) break;  // the section's allowance is spent: stop reading it
        continue;
      }
      l = std::move(expanded);
    }
    bool undefined = false;
    for (std::size_t p = 0; (p = l.find('<', p)) != std::string::npos; ++p) {
      auto close = l.find('>', p);
      if (close == std::string::npos) break;
      std::string m = l.substr(p, close - p + 1);
      if (!isBratReserved(m)) {
        error(raw.lineNo, "undefined macro " + m + " (macros belong to the section they are in)");
        undefined = true;
        break;
      }
    }
    if (undefined) continue;
    std::size_t indent = 0;
    while (indent < l.size() && isSpace(l[indent])) ++indent;
    std::string body = l.substr(indent), terms, args;
    auto sep = tabTerms ? body.find('\t') : body.find_first_of(" \t\r\n\f\v");
    terms = body.substr(0, sep);
    args = sep == std::string::npos ? "" : body.substr(sep + 1);
    std::vector<std::string> argList = pieces(args, ',');
    // Old configurations had spaces in type names, separated from the arguments by a tab.
    bool spaced = false;
    for (const auto& a : argList) spaced = spaced || hasSpace(a);
    if (!tabTerms && spaced && body.find('\t') != std::string::npos) {
      auto tab = body.find('\t');
      terms = body.substr(0, tab);
      args = body.substr(tab + 1);
      argList = pieces(args, ',');
      report.warnings.push_back(file + ":" + std::to_string(raw.lineNo) +
                                ": a space in a type name is deprecated in brat");
    }
    std::vector<std::string> termList = pieces(terms, '|');
    if (termList.empty()) {
      error(raw.lineNo, "empty type name");
      continue;
    }
    BratTypeLine node;
    node.lineNo = raw.lineNo;
    for (auto& term : termList) {
      if (term[0] == '!') {
        term = term.substr(1);
        node.unused = true;
      }
    }
    node.name = termList[0];
    if (node.name.empty()) {
      error(raw.lineNo, "empty type name");
      continue;
    }
    // <INHERIT>: the arguments of the parent line.
    std::vector<std::string> expanded;
    bool ok = true;
    for (const auto& a : argList) {
      if (a != "<INHERIT>") {
        expanded.push_back(a);
        continue;
      }
      auto parent = lastAtDepth.find(indent - 1);
      if (indent == 0 || parent == lastAtDepth.end()) {
        error(raw.lineNo, "<INHERIT> without a parent line");
        ok = false;
        break;
      }
      for (const auto& pa : out[parent->second].args) {
        std::string joined;
        for (const auto& ty : pa.types) joined += (joined.empty() ? "" : "|") + ty;
        expanded.push_back(pa.key + ":" + joined);
      }
    }
    if (!ok) continue;
    for (const auto& a : expanded) {
      node.argText += (node.argText.empty() ? "" : ", ") + a;
      auto colon = a.find(':');
      if (colon == std::string::npos || hasSpace(a)) {
        error(raw.lineNo, "cannot read the argument '" + a + "' (expected Key:Type)");
        ok = false;
        break;
      }
      BratArg arg;
      arg.key = a.substr(0, colon);
      for (const auto& ty : bratSplit(a.substr(colon + 1), '|')) {
        if (bratTrim(ty).empty() && !arg.reserved()) {
          error(raw.lineNo, "empty type in the argument '" + a + "'");
          ok = false;
        }
        if (!bratTrim(ty).empty()) arg.types.push_back(bratTrim(ty));
      }
      node.args.push_back(std::move(arg));
    }
    if (!ok) continue;
    if (indent > 0) {
      auto parent = lastAtDepth.find(indent - 1);
      if (parent == lastAtDepth.end()) {
        error(raw.lineNo,
              "no parent for this indented line (one more space or tab than a line "
              "above it is a child of that line)");
        continue;
      }
      node.parent = out[parent->second].name;
    }
    // A line at this depth ends the deeper levels above it.
    for (auto it = lastAtDepth.begin(); it != lastAtDepth.end();)
      it = it->first > indent ? lastAtDepth.erase(it) : std::next(it);
    lastAtDepth[indent] = out.size();
    out.push_back(std::move(node));
  }
  return out;
}

}  // namespace

bool isBratReserved(const std::string& s) {
  return s.size() > 2 && s.front() == '<' && s.back() == '>' &&
         isReservedName(s.substr(1, s.size() - 2));
}

std::string bratStorageForm(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c) || c == '_' || c == '-') {
      out += static_cast<char>(c);
    } else if (c < 0x80 || (c & 0xC0) == 0xC0) {
      out += '_';  // one '_' per character (continuation bytes add none)
    }
  }
  return out;
}

std::map<std::string, std::vector<BratTypeLine>> readBratConf(
    const std::string& bytes, const std::string& file, const std::set<std::string>& expected,
    const std::set<std::string>& optional, BratConfReport& report,
    const std::set<std::string>& tabTerms) {
  std::map<std::string, std::vector<RawLine>> sections;
  std::string section;  // "" = before any header (brat's "general", never read)
  bool ignored = true;
  std::size_t lineNo = 0;
  for (const std::string& line : bratSplit(bytes, '\n')) {
    ++lineNo;
    std::string t = bratTrim(line);
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') {
      section = t.substr(1, t.size() - 2);
      if (section == "spans") section = "entities";  // SECTION_ALIAS
      ignored = !expected.count(section);
      if (ignored) {
        report.warnings.push_back(file + ":" + std::to_string(lineNo) + ": unexpected section [" +
                                  section + "]: its contents are ignored");
      }
      sections[section];
      continue;
    }
    if (!ignored) sections[section].push_back({lineNo, line});
  }
  std::map<std::string, std::vector<BratTypeLine>> out;
  for (const auto& name : expected) {
    auto it = sections.find(name);
    if (it == sections.end()) {
      if (!optional.count(name))
        report.warnings.push_back(file + ": missing section [" + name + "]");
      out[name];
      continue;
    }
    out[name] = readHierarchy(it->second, file, tabTerms.count(name) > 0, report);
  }
  return out;
}

}  // namespace scholion
