// The screen-reader mirror's sentences: where the caret is, what is selected, the span there.
#include "accessible_text.h"

#include <algorithm>

#include "grapheme.h"

namespace scholion {
namespace {

constexpr std::size_t kSentenceBytes = 1200;  // a sentence read out is cut after about this much
constexpr std::size_t kPieceBytes = 300;      // a selection, span text, value or note

// `s` cut after about `max` bytes at a grapheme cluster boundary, with "…" when cut.
std::string cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t next = graphemeEndUtf8(s, i);
    if (next > max) break;
    i = next;
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

// Line breaks and tabs read as spaces.
std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string quoted(std::string_view s, std::size_t max) {
  return "\xE2\x80\x9C" + oneLine(cut(s, max)) + "\xE2\x80\x9D";
}

std::size_t wordsIn(const Document& d, uint32_t a, uint32_t b) {
  std::size_t n = 0;
  for (std::size_t t = d.tokenAtOrAfter(a); t < d.tokens().size() && d.tokens()[t].start < b; ++t)
    if (d.tokens()[t].kind != TokenKind::Punctuation) ++n;
  return n;
}

std::string caretLine(const Document& d, uint32_t caret, std::size_t si) {
  const std::vector<Sentence>& ss = d.sentences();
  const std::size_t t = d.tokenAtOrAfter(caret);
  if (t >= d.tokens().size()) return "Caret at the end of the document";
  const Token& tok = d.tokens()[t];
  std::string line = std::string(caret > tok.start ? "Caret inside " : "Caret before ") +
                     quoted(d.sliceView(tok.start, tok.end), kPieceBytes);
  if (si < ss.size() && t >= ss[si].firstToken && t < ss[si].firstToken + ss[si].tokenCount)
    line += ", word " + std::to_string(t - ss[si].firstToken + 1) + " of " +
            std::to_string(ss[si].tokenCount) + " in sentence " + std::to_string(si + 1);
  line += ", line " + std::to_string(d.lineOf(caret) + 1);
  return line;
}

}  // namespace

std::size_t sentenceAtCaret(const Document& d, uint32_t caret) {
  const std::vector<Sentence>& ss = d.sentences();
  if (ss.empty()) return 0;
  // The first sentence that ends after the caret: the caret is in it or before it.
  auto it = std::upper_bound(ss.begin(), ss.end(), caret,
                             [](uint32_t cp, const Sentence& s) { return cp < s.end; });
  if (it == ss.end()) return ss.size() - 1;
  return static_cast<std::size_t>(it - ss.begin());
}

const Span* spanAtCaret(const std::vector<Span>& spans, uint32_t caret) {
  const Span* best = nullptr;
  for (const Span& sp : spans) {
    if (sp.start > caret || sp.end <= caret) continue;
    if (!sp.fragments.empty() &&
        std::none_of(sp.fragments.begin(), sp.fragments.end(),
                     [&](const Fragment& f) { return f.start <= caret && caret < f.end; }))
      continue;
    const uint32_t len = sp.end - sp.start;
    if (!best || len < best->end - best->start ||
        (len == best->end - best->start && sp.start < best->start))
      best = &sp;
  }
  return best;
}

std::string describeSpan(const Span& span, const Schema& schema, const std::vector<Span>& spans,
                         const std::vector<Relation>& relations) {
  std::string out = span.label;
  if (const SpanLabel* l = schema.findLabel(span.label)) {
    if (!l->hotkey.empty()) out += " (key " + l->hotkey + ")";
  } else {
    out += " (not in the schema)";
  }
  out += ": " + quoted(span.text, kPieceBytes);
  if (!span.fragments.empty()) out += ", in " + std::to_string(span.fragments.size()) + " pieces";
  out += ".";
  // Attributes in the schema's order, then any the schema does not know.
  std::vector<const std::string*> done;
  auto attr = [&](const std::string& name, const std::string& value) {
    out += " " + oneLine(cut(name, kPieceBytes)) + ": " +
           (value == "true" ? std::string("yes") : oneLine(cut(value, kPieceBytes))) + ".";
  };
  for (const AttributeDef& a : schema.attributes) {
    auto it = span.attributes.find(a.name);
    if (it == span.attributes.end()) continue;
    attr(it->first, it->second);
    done.push_back(&it->first);
  }
  for (const auto& [name, value] : span.attributes)
    if (std::find(done.begin(), done.end(), &name) == done.end()) attr(name, value);
  if (!span.note.empty()) out += " Note: " + oneLine(cut(span.note, kPieceBytes)) + ".";
  // Relations, at most a few: "member-of Organization “China”", "from Person “X”: meets-with".
  constexpr int kMaxRelations = 6;
  int told = 0, more = 0;
  for (const Relation& r : relations) {
    const bool outgoing = r.from == span.id, incoming = r.to == span.id;
    if (!outgoing && !incoming) continue;
    if (told == kMaxRelations) {
      ++more;
      continue;
    }
    const std::string& otherId = outgoing ? r.to : r.from;
    auto other =
        std::find_if(spans.begin(), spans.end(), [&](const Span& sp) { return sp.id == otherId; });
    const std::string otherText =
        other == spans.end() ? otherId : other->label + " " + quoted(other->text, 80);
    out += told == 0 ? " Relations: " : "; ";
    out += outgoing ? oneLine(cut(r.label, kPieceBytes)) + " " + otherText
                    : "from " + otherText + ": " + oneLine(cut(r.label, kPieceBytes));
    ++told;
  }
  if (told) out += more ? "; and " + std::to_string(more) + " more." : ".";
  return out;
}

AccessibleMirror buildAccessibleMirror(const Document& d, const std::vector<Span>& spans,
                                       const std::vector<Relation>& relations, const Schema& schema,
                                       uint32_t caret, uint32_t selStart, uint32_t selEnd,
                                       const Span* selected) {
  AccessibleMirror m;
  caret = std::min(caret, static_cast<uint32_t>(d.length()));
  const std::vector<Sentence>& ss = d.sentences();
  const std::size_t si = sentenceAtCaret(d, caret);
  if (si < ss.size())
    m.sentence = "Sentence " + std::to_string(si + 1) + " of " + std::to_string(ss.size()) + ": " +
                 oneLine(cut(d.sliceView(ss[si].start, ss[si].end), kSentenceBytes));
  else
    m.sentence = "The document has no sentences";
  m.caret = caretLine(d, caret, si);
  if (selEnd > selStart && selEnd <= d.length()) {
    const std::size_t words = wordsIn(d, selStart, selEnd);
    m.selection = "Selected " + quoted(d.sliceView(selStart, selEnd), kPieceBytes) + ", " +
                  std::to_string(words) + (words == 1 ? " word" : " words") +
                  ". A label key or Enter labels it.";
  } else if (selected) {
    m.selection = "Selected the span " + quoted(selected->text, kPieceBytes) +
                  ". A label key relabels it, Enter opens its label menu, Delete removes it.";
  } else {
    m.selection = "Nothing selected. Shift with the arrows selects from the caret.";
  }
  const Span* sp = selected ? selected : spanAtCaret(spans, caret);
  m.span = sp ? describeSpan(*sp, schema, spans, relations) : std::string("No span at the caret");
  return m;
}

}  // namespace scholion
