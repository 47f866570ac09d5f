// W3C Web Annotation export (see format_webanno.h).
#include "format_webanno.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

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

}  // namespace

std::string writeWebAnnotation(const Workspace& ws, const WebAnnoOptions& options) {
  json items = json::array();
  for (const DocumentData& d : ws.documents) {
    OffsetIndex index(d.text);
    const uint32_t length = static_cast<uint32_t>(index.codePoints());
    std::string source = d.name.empty() ? d.id : d.name;
    std::vector<const AnnotationLayer*> layers{&d.annotations};
    if (options.includeOtherLayers) {
      for (const auto& o : d.others) layers.push_back(&o);
    }
    for (const AnnotationLayer* layer : layers) {
      std::string base = "urn:scholion:" + encode(d.id) + ":";
      if (layer != &d.annotations) base += encode(layer->annotator) + ":";
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
  json collection = json::object();
  if (!options.context.empty()) collection["@context"] = options.context;
  collection["type"] = "AnnotationCollection";
  collection["label"] = ws.schema.name.empty() ? "Scholion annotations" : ws.schema.name;
  collection["total"] = items.size();
  collection["first"] = {{"type", "AnnotationPage"}, {"startIndex", 0}, {"items", items}};
  return dumpJson(collection, 2) + "\n";
}

}  // namespace scholion
