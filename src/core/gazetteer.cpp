// Gazetteer parsing (TSV or CSV) with errors that name the line.
#include "gazetteer.h"

#include "document.h"
#include "text.h"

namespace scholion {
namespace {

bool endsWithCsv(const std::string& name) {
  return name.size() >= 4 && asciiLower(name.substr(name.size() - 4)) == ".csv";
}

// Splits one CSV record starting at `pos` (which it advances past the record's line end); a
// quoted field may hold commas, quotes ("") and line breaks. Returns false on a bad quote.
bool csvRecord(std::string_view s, std::size_t& pos, std::vector<std::string>& fields,
               std::size_t& lineBreaks, std::string& why) {
  fields.assign(1, "");
  bool quoted = false, wasQuoted = false;
  while (pos < s.size()) {
    char c = s[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < s.size() && s[pos] == '"') {
          fields.back() += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++lineBreaks;
        fields.back() += c;
      }
    } else if (c == '"') {
      if (wasQuoted || !fields.back().empty()) {
        why = "a quote inside an unquoted field (quote the whole field and double the quote)";
        return false;
      }
      quoted = wasQuoted = true;
    } else if (c == ',') {
      fields.emplace_back();
      wasQuoted = false;
    } else if (c == '\n') {
      break;
    } else if (c == '\r' && pos < s.size() && s[pos] == '\n') {
      continue;
    } else {
      if (wasQuoted) {
        why = "text after a closing quote";
        return false;
      }
      fields.back() += c;
    }
  }
  if (quoted) {
    why = "a quoted field is never closed";
    return false;
  }
  return true;
}

std::vector<std::string> tsvRecord(std::string_view line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == '\t')
      fields.emplace_back();
    else if (c != '\r')
      fields.back() += c;
  }
  return fields;
}

std::string trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \r"), e = s.find_last_not_of(" \r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

Result<std::vector<PhraseEntry>> parseGazetteer(std::string_view bytes, const std::string& name) {
  if (auto bad = firstInvalidUtf8(bytes))
    return fail(name + ": not UTF-8 text (invalid byte at offset " + std::to_string(*bad) + ")");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const bool csv = endsWithCsv(name);
  const char* sep = csv ? "a comma" : "a tab";
  std::vector<PhraseEntry> out;
  std::vector<std::string> fields;
  std::size_t pos = 0, line = 1;
  bool first = true;
  while (pos < bytes.size()) {
    const std::size_t at = line;
    std::size_t breaks = 0;
    if (csv) {
      std::string why;
      if (!csvRecord(bytes, pos, fields, breaks, why))
        return fail(name + ":" + std::to_string(at) + ": " + why);
    } else {
      std::size_t nl = bytes.find('\n', pos);
      std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
      fields = tsvRecord(bytes.substr(pos, end - pos));
      pos = end + 1;
    }
    line += breaks + 1;
    const bool isFirst = first;
    first = false;
    std::string text0 = trimmed(fields[0]);
    if (fields.size() == 1 && (text0.empty() || text0[0] == '#')) continue;
    if (!text0.empty() && text0[0] == '#') continue;
    if (isFirst && fields.size() >= 2 && asciiLower(text0) == "text" &&
        asciiLower(trimmed(fields[1])) == "label")
      continue;
    auto where = [&] { return name + ":" + std::to_string(at) + ": "; };
    if (fields.size() < 2)
      return fail(where() + "no " + std::string(sep + 2) + " between the text and the label " +
                  "(expected text" + (csv ? "," : "<TAB>") + "label)");
    if (fields.size() > 3)
      return fail(where() + std::to_string(fields.size()) + " columns; expected 2 or 3 (text, " +
                  "label, case)");
    PhraseEntry e;
    e.text = trimmed(fields[0]);
    e.label = trimmed(fields[1]);
    if (e.text.empty()) return fail(where() + "the text is empty");
    if (e.label.empty()) return fail(where() + "the label is empty");
    if (tokenize(e.text).empty())
      return fail(where() + "the text \"" + e.text + "\" has no word in it");
    if (fields.size() == 3) {
      std::string rule = asciiLower(trimmed(fields[2]));
      if (rule == "ignore-case")
        e.ignoreCase = true;
      else if (rule != "exact" && !rule.empty())
        return fail(where() + "unknown case rule \"" + trimmed(fields[2]) +
                    "\" (use exact or ignore-case)");
    }
    out.push_back(std::move(e));
  }
  if (out.empty()) return fail(name + ": no entries (expected lines text<TAB>label)");
  return out;
}

}  // namespace scholion
