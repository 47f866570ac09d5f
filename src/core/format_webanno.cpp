// W3C Web Annotation export (see format_webanno.h).
#include "format_webanno.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "format_util.h"
#include "json_util.h"
#include "text.h"

namespace scholion {
namespace {

using json = nlohmann::json;

// Percent-encodes everything but RFC 3986 unreserved characters (ids go inside URNs).
std::string encode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

json textBody(const std::string& value, const char* purpose) {
  return {
      {"type", "TextualBody"}, {"purpose", purpose}, {"value", value}, {"format", "text/plain"}};
}

// brat lines kept aside: N lines become linking bodies of their span; the rest is counted.
struct BratExtras {
  std::map<std::string, std::vector<std::string>> links;  // span id -> "db:id" IRIs
  std::map<std::string, std::size_t> lost;                // what -> count
};

BratExtras readBratExtras(const AnnotationLayer& layer) {
  BratExtras out;
  auto it = layer.extras.find("brat");
  if (it == layer.extras.end()) return out;
  std::set<std::string> spanIds;
  for (const Span& sp : layer.spans) spanIds.insert(sp.id);
  const std::string& text = it->second;
  for (std::size_t b = 0; b < text.size();) {
    std::size_t nl = text.find('\n', b);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(b, nl - b);
    b = nl + 1;
    if (line.empty()) continue;
    char k = line[0];
    if (k == 'N') {
      // "N1<tab>Reference T1 Wikipedia:534366<tab>Barack Obama"
      auto tab = line.find('\t');
      std::string rest = tab == std::string::npos ? "" : line.substr(tab + 1);
      rest = rest.substr(0, rest.find('\t'));
      std::vector<std::string> f;
      for (std::size_t i = 0; i < rest.size();) {
        std::size_t sp = rest.find(' ', i);
        if (sp == std::string::npos) sp = rest.size();
        if (sp > i) f.push_back(rest.substr(i, sp - i));
        i = sp + 1;
      }
      if (f.size() == 3 && spanIds.count(f[1])) {
        std::string iri = f[2];
        if (!isAbsoluteIri(iri)) {
          auto colon = iri.find(':');
          iri = "urn:x-brat-norm:" + encode(iri.substr(0, colon)) + ":" +
                encode(colon == std::string::npos ? "" : iri.substr(colon + 1));
        }
        out.links[f[1]].push_back(iri);
        continue;
      }
      ++out.lost["brat normalisations of events or relations"];
    } else if (k == 'E') {
      ++out.lost["brat events"];
    } else if (k == '*') {
      ++out.lost["brat equivalences"];
    } else if (k == 'A' || k == 'M') {
      ++out.lost["brat attributes of events or relations"];
    } else {
      ++out.lost["other brat lines"];
    }
  }
  return out;
}

}  // namespace

const char kWebAnnoContext[] = "http://www.w3.org/ns/anno.jsonld";

bool isAbsoluteIri(const std::string& s) {
  auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^' || c == '`')
      return false;
  return true;
}

std::string writeWebAnnotation(const Workspace& ws, const WebAnnoOptions& options,
                               std::vector<std::string>* warnings) {
  auto warn = [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  };
  json items = json::array();
  std::string allHashes;
  for (const DocumentData& d : ws.documents) {
    OffsetIndex index(d.text);
    const uint32_t length = static_cast<uint32_t>(index.codePoints());
    const std::string sha = d.sha256.empty() ? sha256Hex(d.text) : d.sha256;
    allHashes += sha + "\n";
    const std::string name = d.name.empty() ? d.id : d.name;
    const std::string source =
        options.baseIri.empty() ? "urn:sha256:" + sha : options.baseIri + encode(name);
    const std::string docBase = options.baseIri.empty()
                                    ? "urn:scholion:" + sha + ":"
                                    : options.baseIri + "annotations/" + encode(name) + "/";
    std::vector<const AnnotationLayer*> layers{&d.annotations};
    if (options.includeOtherLayers) {
      for (const auto& o : d.others) layers.push_back(&o);
    } else if (!d.others.empty()) {
      warn(name + ": " + std::to_string(d.others.size()) +
           " other annotators' layers not exported (choose to include them)");
    }
    for (const AnnotationLayer* layer : layers) {
      std::string base = docBase;
      if (layer != &d.annotations)
        base += encode(layer->annotator) + (options.baseIri.empty() ? ":" : "/");
      BratExtras extras = readBratExtras(*layer);
      for (const auto& [what, n] : extras.lost)
        warn(name + ": " + std::to_string(n) + " " + what +
             " not exported (no Web Annotation "
             "form here)");
      auto target = [&](uint32_t start, uint32_t end) {
        uint32_t pre = start > options.quoteContext ? start - options.quoteContext : 0;
        uint32_t post = std::min<uint64_t>(length, uint64_t{end} + options.quoteContext);
        json quote = {{"type", "TextQuoteSelector"},
                      {"exact", sliceCp(d.text, index, start, end)},
                      {"prefix", sliceCp(d.text, index, pre, start)},
                      {"suffix", sliceCp(d.text, index, end, post)}};
        json position = {{"type", "TextPositionSelector"}, {"start", start}, {"end", end}};
        return json{{"source", source}, {"selector", json::array({quote, position})}};
      };
      for (const Span& s : layer->spans) {
        json a = {{"type", "Annotation"}, {"id", base + encode(s.id)}, {"motivation", "tagging"}};
        json body = json::array({textBody(s.label, "tagging")});
        for (const auto& [k, v] : s.attributes) body.push_back(textBody(k + "=" + v, "describing"));
        if (!s.note.empty()) body.push_back(textBody(s.note, "commenting"));
        if (auto l = extras.links.find(s.id); l != extras.links.end())
          for (const auto& iri : l->second)  // a SpecificResource: only those may carry a purpose
            body.push_back({{"type", "SpecificResource"}, {"source", iri}, {"purpose", "linking"}});
        a["body"] = body;
        if (s.fragments.empty()) {
          a["target"] = target(s.start, s.end);
        } else {
          json targets = json::array();
          for (const auto& f : s.fragments) targets.push_back(target(f.start, f.end));
          a["target"] = targets;
        }
        std::string creator = s.annotator.empty() ? layer->annotator : s.annotator;
        if (!creator.empty()) a["creator"] = {{"type", "Person"}, {"name", creator}};
        items.push_back(a);
      }
      for (const Relation& r : layer->relations) {
        json a = {{"type", "Annotation"},
                  {"id", base + encode(r.id)},
                  {"motivation", "linking"},
                  {"body", json::array({textBody(r.label, "tagging")})},
                  {"target", json::array({base + encode(r.from), base + encode(r.to)})}};
        if (!r.note.empty()) a["body"].push_back(textBody(r.note, "commenting"));
        items.push_back(a);
      }
      if (!layer->documentLabels.empty()) {
        json body = json::array();
        for (const auto& l : layer->documentLabels) body.push_back(textBody(l, "classifying"));
        items.push_back({{"type", "Annotation"},
                         {"id", base + "document-labels"},
                         {"motivation", "classifying"},
                         {"body", body},
                         {"target", source}});
      }
    }
  }
  const std::string collectionId = options.baseIri.empty()
                                       ? "urn:scholion:collection:" + sha256Hex(allHashes)
                                       : options.baseIri + "collection";
  const std::string pageId =
      options.baseIri.empty() ? collectionId + ":page:1" : collectionId + "?page=1";
  json collection = json::object();
  collection["@context"] = kWebAnnoContext;
  collection["id"] = collectionId;
  collection["type"] = "AnnotationCollection";
  collection["label"] = ws.schema.name.empty() ? "Scholion annotations" : ws.schema.name;
  collection["total"] = items.size();
  collection["first"] = {
      {"id", pageId},
      {"type", "AnnotationPage"},
      {"partOf", {{"id", collectionId}, {"label", collection["label"]}, {"total", items.size()}}},
      {"startIndex", 0},
      {"items", items}};
  return dumpJson(collection, 2) + "\n";
}

}  // namespace scholion
