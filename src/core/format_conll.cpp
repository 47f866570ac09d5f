// CoNLL / IOB import and export (see format_conll.h).
#include "format_conll.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "document.h"
#include "format_util.h"
#include "text.h"

namespace scholion {
namespace {

const char kExtrasKey[] = "conll";

struct OpenSpan {
  bool open = false;
  std::string type;
  uint32_t start = 0, end = 0;
};

// A document being rebuilt from CoNLL lines.
struct DocBuilder {
  std::string text;
  uint32_t cp = 0;
  bool sentenceOpen = false;
  std::vector<Span> spans;
  OpenSpan open;
  std::string extras = "nodocstart\n";
  bool started = false;  // has a DOCSTART line or tokens
  bool anyToken = false;

  void close() {
    if (!open.open) return;
    Span s;
    s.id = "T" + std::to_string(spans.size() + 1);
    s.label = open.type;
    s.start = open.start;
    s.end = open.end;
    spans.push_back(std::move(s));
    open.open = false;
  }
  void begin(const std::string& type, uint32_t start, uint32_t end) {
    close();
    open = {true, type, start, end};
  }
};

std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

// Every kind of annotation CoNLL cannot hold, counted per document.
void noteLosses(const DocumentData& d, std::vector<std::string>& notes) {
  const AnnotationLayer& layer = d.annotations;
  std::size_t attributes = 0, spanNotes = 0, relNotes = 0;
  for (const Span& s : layer.spans) {
    attributes += s.attributes.size();
    spanNotes += s.note.empty() ? 0 : 1;
  }
  for (const Relation& r : layer.relations) relNotes += r.note.empty() ? 0 : 1;
  // brat lines kept aside (events, normalisations, equivalences, ...), counted by kind.
  std::map<char, std::size_t> extras;
  if (auto it = layer.extras.find("brat"); it != layer.extras.end()) {
    for (std::size_t b = 0; b < it->second.size();) {
      auto nl = it->second.find('\n', b);
      if (nl == std::string::npos) nl = it->second.size();
      if (nl > b) ++extras[it->second[b]];
      b = nl + 1;
    }
  }
  auto note = [&](std::size_t n, const std::string& what) {
    if (n)
      notes.push_back(d.name + ": " + std::to_string(n) + " " + what +
                      " not exported (CoNLL has none)");
  };
  note(layer.relations.size(), "relations");
  note(attributes, "span attributes");
  note(spanNotes + relNotes, "notes");
  note(extras['E'], "brat events");
  note(extras['N'], "brat normalisations");
  note(extras['*'], "brat equivalences");
  note(extras['A'] + extras['M'], "brat attributes of events or relations");
  note(extras['#'], "other brat notes");
  note(layer.documentLabels.size(), "document labels");
  note(d.others.size(), "other annotators' layers");
}

struct TokenPos {
  uint32_t start, end, sentence;
};

}  // namespace

std::optional<BioScheme> bioSchemeFromName(std::string_view name) {
  std::string n(name);
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "iob1") return BioScheme::Iob1;
  if (n == "iob2" || n == "bio") return BioScheme::Iob2;
  if (n == "bioes" || n == "iobes") return BioScheme::Bioes;
  return std::nullopt;
}

std::string LeftOutSpan::describe() const {
  return document + ": span " + spanId + " [" + label + "] \"" + text + "\" left out: " + reason;
}

Result<Workspace> parseConll(const std::string& name, const std::string& bytes) {
  ErrorList errors(name);
  if (auto bad = firstInvalidUtf8(bytes)) {
    std::size_t line = 1 + std::count(bytes.begin(), bytes.begin() + *bad, '\n');
    auto ls = bytes.rfind('\n', *bad);
    std::size_t col = *bad - (ls == std::string::npos ? 0 : ls + 1) + 1;
    errors.add(line, col, "invalid UTF-8 at byte offset " + std::to_string(*bad));
    return errors.error();
  }
  std::vector<DocBuilder> docs(1);
  std::size_t lineNo = 0;
  for (std::size_t b = 0; b < bytes.size() && !errors.full();) {
    auto nl = bytes.find('\n', b);
    std::string_view line(bytes.data() + b, (nl == std::string::npos ? bytes.size() : nl) - b);
    b = nl == std::string::npos ? bytes.size() : nl + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    DocBuilder* d = &docs.back();
    auto cols = columns(line);
    if (cols.empty()) {  // sentence break
      d->close();
      d->sentenceOpen = false;
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      d->close();
      if (d->started) {
        docs.emplace_back();
        d = &docs.back();
      }
      d->started = true;
      d->extras = "docstart\t" + std::string(line) + "\n";
      continue;
    }
    if (cols.size() < 2) {
      errors.add(lineNo, 1, "expected a token and a tag, found one column");
      continue;
    }
    std::string_view token = cols[0], tag = cols.back();
    std::size_t tagCol =
        countCodePoints(std::string_view(line.data(), tag.data() - line.data())) + 1;
    char prefix = 'I';
    std::string type;
    if (tag == "O") {
      prefix = 'O';
    } else if (tag.size() >= 2 && tag[1] == '-' &&
               std::string_view("BIESLU").find(tag[0]) != std::string_view::npos) {
      prefix = tag[0];
      type = std::string(tag.substr(2));
      if (type.empty()) {
        errors.add(lineNo, tagCol, "tag '" + std::string(tag) + "' has no type");
        continue;
      }
    } else {
      type = std::string(tag);  // IO scheme: a bare type continues or starts a span
    }
    d->started = true;
    if (d->anyToken) {  // tokens joined by spaces, sentences by newlines
      d->text += d->sentenceOpen ? ' ' : '\n';
      d->cp += 1;
    }
    d->anyToken = true;
    uint32_t start = d->cp;
    d->text.append(token.data(), token.size());
    d->cp += static_cast<uint32_t>(countCodePoints(token));
    uint32_t end = d->cp;
    d->sentenceOpen = true;
    for (std::size_t i = 1; i + 1 < cols.size(); ++i) {
      if (i > 1) d->extras += ' ';
      d->extras.append(cols[i].data(), cols[i].size());
    }
    d->extras += '\n';
    bool same = d->open.open && d->open.type == type;
    switch (prefix) {
      case 'O':
        d->close();
        break;
      case 'B':
        d->begin(type, start, end);
        break;
      case 'I':
        if (same) {
          d->open.end = end;
        } else {
          d->begin(type, start, end);
        }
        break;
      case 'E':
      case 'L':
        if (same) {
          d->open.end = end;
        } else {
          d->begin(type, start, end);
        }
        d->close();
        break;
      default:  // S, U
        d->begin(type, start, end);
        d->close();
        break;
    }
  }
  if (!errors.empty()) return errors.error();
  Workspace ws;
  std::string stem = fileStem(name);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    DocBuilder& d = docs[i];
    d.close();
    if (!d.started && docs.size() > 1) continue;
    std::string docName = docs.size() == 1 ? stem : stem + "-" + std::to_string(i + 1);
    auto data = makeDocumentData(docName, docName, std::move(d.text));
    if (!data) return fail(data.error());
    DocumentData doc = std::move(data.value());
    OffsetIndex index(doc.text);
    for (auto& s : d.spans) s.text = sliceCp(doc.text, index, s.start, s.end);
    doc.annotations.spans = std::move(d.spans);
    doc.annotations.extras[kExtrasKey] = std::move(d.extras);
    ws.documents.push_back(std::move(doc));
  }
  ws.schema.name = stem;
  addMissingToSchema(ws.schema, ws);
  return ws;
}

Result<ConllExport> writeConll(const Workspace& ws, BioScheme scheme) {
  ConllExport out;
  std::set<std::string> renamed;
  const bool several = ws.documents.size() > 1;
  for (const DocumentData& d : ws.documents) {
    const AnnotationLayer& layer = d.annotations;
    std::vector<TokenPos> tokens;
    std::vector<std::string> middle;  // per token, from extras
    std::string docstart;
    // Documents imported from CoNLL: tokens are the space-separated words, lines are sentences.
    auto ex = layer.extras.find(kExtrasKey);
    if (ex != layer.extras.end()) {
      const std::string& e = ex->second;
      std::size_t b = 0;
      bool first = true;
      while (b < e.size()) {
        auto nl = e.find('\n', b);
        std::string line = e.substr(b, nl == std::string::npos ? std::string::npos : nl - b);
        b = nl == std::string::npos ? e.size() : nl + 1;
        if (first && line.rfind("docstart\t", 0) == 0) docstart = line.substr(9);
        if (!first) middle.push_back(line);
        first = false;
      }
      uint32_t cp = 0, sentence = 0, tokStart = 0;
      bool inTok = false;
      for (std::size_t i = 0; i < d.text.size();) {
        uint32_t c = decodeUtf8(d.text, i);
        if (c == ' ' || c == '\n') {
          if (inTok) tokens.push_back({tokStart, cp, sentence});
          inTok = false;
          if (c == '\n') ++sentence;
        } else if (!inTok) {
          inTok = true;
          tokStart = cp;
        }
        ++cp;
      }
      if (inTok) tokens.push_back({tokStart, cp, sentence});
      if (middle.size() != tokens.size()) {  // not from CoNLL after all: use the tokenizer
        tokens.clear();
        middle.clear();
        docstart.clear();
      }
    }
    if (tokens.empty() && !d.text.empty()) {
      auto doc = Document::create(d.text);
      if (!doc) return fail(d.name + ": " + doc.error());
      const auto& sents = doc.value()->sentences();
      const auto& toks = doc.value()->tokens();
      std::vector<uint32_t> sentOf(toks.size(), 0);
      for (std::size_t s = 0; s < sents.size(); ++s) {
        for (uint32_t t = 0; t < sents[s].tokenCount; ++t) {
          if (sents[s].firstToken + t < sentOf.size())
            sentOf[sents[s].firstToken + t] = static_cast<uint32_t>(s);
        }
      }
      for (std::size_t t = 0; t < toks.size(); ++t)
        tokens.push_back({toks[t].start, toks[t].end, sentOf[t]});
    }
    // Assign spans to tokens: earlier, then longer spans first; a later span that needs an
    // already tagged token cannot be expressed.
    std::vector<std::size_t> order(layer.spans.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const Span &x = layer.spans[a], &y = layer.spans[b];
      if (x.start != y.start) return x.start < y.start;
      return x.end > y.end;
    });
    std::vector<int> owner(tokens.size(), -1);
    std::vector<std::pair<std::size_t, std::size_t>> range(layer.spans.size(), {0, 0});
    for (std::size_t si : order) {
      const Span& s = layer.spans[si];
      auto leftOut = [&](const std::string& why) {
        out.leftOut.push_back({d.name, s.id, s.label, s.text, why});
      };
      if (!s.fragments.empty()) {
        leftOut("discontinuous spans cannot be expressed in BIO");
        continue;
      }
      std::size_t a = std::partition_point(tokens.begin(), tokens.end(),
                                           [&](const TokenPos& t) { return t.end <= s.start; }) -
                      tokens.begin();
      std::size_t e = a;
      while (e < tokens.size() && tokens[e].start < s.end) ++e;
      if (e == a) {
        leftOut("covers no token");
        continue;
      }
      if (tokens[a].sentence != tokens[e - 1].sentence) {
        leftOut("crosses a sentence boundary");
        continue;
      }
      int clash = -1;
      for (std::size_t t = a; t < e && clash < 0; ++t) clash = owner[t];
      if (clash >= 0) {
        leftOut("overlaps " + layer.spans[static_cast<std::size_t>(clash)].id);
        continue;
      }
      if (tokens[a].start != s.start || tokens[e - 1].end != s.end) {
        out.notes.push_back(d.name + ": span " + s.id + " widened to whole tokens");
      }
      for (std::size_t t = a; t < e; ++t) owner[t] = static_cast<int>(si);
      range[si] = {a, e};
    }
    noteLosses(d, out.notes);
    if (several || !docstart.empty()) {
      out.text += docstart.empty() ? std::string("-DOCSTART- O") : docstart;
      out.text += "\n\n";
    }
    OffsetIndex index(d.text);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      out.text += sliceCp(d.text, index, tokens[t].start, tokens[t].end);
      if (!middle.empty() && !middle[t].empty()) {
        out.text += ' ';
        out.text += middle[t];
      }
      out.text += ' ';
      if (owner[t] < 0) {
        out.text += 'O';
      } else {
        const std::size_t si = static_cast<std::size_t>(owner[t]);
        const Span& s = layer.spans[si];
        auto [a, e] = range[si];
        char p = 'I';
        if (scheme == BioScheme::Iob2) {
          p = t == a ? 'B' : 'I';
        } else if (scheme == BioScheme::Bioes) {
          p = e - a == 1 ? 'S' : t == a ? 'B' : t + 1 == e ? 'E' : 'I';
        } else if (t == a && t > 0 && owner[t - 1] >= 0 &&
                   tokens[t - 1].sentence == tokens[t].sentence &&
                   layer.spans[static_cast<std::size_t>(owner[t - 1])].label == s.label) {
          p = 'B';  // IOB1: B only between two adjacent spans of one type
        }
        out.text += p;
        out.text += '-';
        std::string tag = noSpaces(s.label);  // a tag is one column
        if (tag != s.label && renamed.insert(s.label).second)
          out.notes.push_back("label '" + s.label + "' written as '" + tag + "'");
        out.text += tag;
      }
      out.text += '\n';
      if (t + 1 == tokens.size() || tokens[t + 1].sentence != tokens[t].sentence) out.text += '\n';
    }
  }
  return out;
}

}  // namespace scholion
