// Autosave records: a document's annotations written in slices, and the workspace reassembled.
#include "autosave_record.h"

#include "json_util.h"
#include "scholion_json.h"

namespace scholion {
namespace {

// What a span or relation takes in a record, about: 110 bytes in the 1 MiB benchmark workspace.
constexpr std::size_t kRecordBytesPerItem = 128;

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

void appendJson(std::string& out, const ojson& j) {
  out += j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

void appendMember(std::string& out, const char* name, const std::string& value) {
  out += ",\"";
  out += name;
  out += "\":";
  appendJsonString(out, value);
}

}  // namespace

// The same bytes as spanJson(s) dumped compactly, without building a JSON object per span
// (which made writing a record several times slower; tested against spanJson).
void appendSpanRecord(std::string& out, const Span& s) {
  out += "{\"id\":";
  appendJsonString(out, s.id);
  appendMember(out, "label", s.label);
  out += ",\"start\":" + std::to_string(s.start) + ",\"end\":" + std::to_string(s.end);
  appendMember(out, "text", s.text);
  if (!s.fragments.empty()) {
    out += ",\"fragments\":[";
    for (std::size_t i = 0; i < s.fragments.size(); ++i) {
      out += i ? ",[" : "[";
      out += std::to_string(s.fragments[i].start) + "," + std::to_string(s.fragments[i].end) + "]";
    }
    out += ']';
  }
  if (!s.attributes.empty()) {
    out += ",\"attributes\":";
    appendJson(out, ojson(s.attributes));
  }
  if (!s.note.empty()) appendMember(out, "note", s.note);
  if (!s.annotator.empty()) appendMember(out, "annotator", s.annotator);
  out += '}';
}

// The same bytes as relationJson(r) dumped compactly.
void appendRelationRecord(std::string& out, const Relation& r) {
  out += "{\"id\":";
  appendJsonString(out, r.id);
  appendMember(out, "label", r.label);
  appendMember(out, "from", r.from);
  appendMember(out, "to", r.to);
  if (!r.note.empty()) appendMember(out, "note", r.note);
  out += '}';
}

DocumentRecordWriter::DocumentRecordWriter(std::shared_ptr<const DocumentState> doc)
    : doc_(std::move(doc)), revision_(doc_->revision()) {
  // Room for the whole record up front (about 110 bytes a span or relation, with its text): a
  // growing string would copy all it holds, megabytes for a large document, inside one step.
  const DocumentData& d = doc_->data();
  std::size_t items = d.annotations.spans.size() + d.annotations.relations.size();
  for (const AnnotationLayer& l : d.others) items += l.spans.size() + l.relations.size();
  out_.reserve(256 + items * kRecordBytesPerItem);
  out_ = "{\"layers\":[";
}

const AnnotationLayer& DocumentRecordWriter::layer() const {
  const DocumentData& d = doc_->data();
  return layer_ == 0 ? d.annotations : d.others[layer_ - 1];
}

template <class T>
bool DocumentRecordWriter::appendItems(const std::vector<T>& list, std::size_t& done,
                                       std::size_t items, void (*append)(std::string&, const T&)) {
  for (; item_ < list.size() && done < items; ++item_, ++done) {
    if (item_ > 0) out_ += ',';
    append(out_, list[item_]);
  }
  return item_ == list.size();
}

bool DocumentRecordWriter::step(std::size_t items) {
  const std::size_t layers = doc_->data().others.size() + 1;
  std::size_t done = 0;
  while (phase_ != Phase::Done && done < items) {
    switch (phase_) {
      case Phase::LayerStart:
        if (layer_ > 0) out_ += ',';
        out_ += "{\"annotator\":";
        appendJson(out_, ojson(layer().annotator));
        out_ += ",\"spans\":[";
        phase_ = Phase::Spans;
        item_ = 0;
        break;
      case Phase::Spans:
        if (appendItems(layer().spans, done, items, appendSpanRecord)) {
          out_ += "],\"relations\":[";
          phase_ = Phase::Relations;
          item_ = 0;
        }
        break;
      case Phase::Relations:
        if (appendItems(layer().relations, done, items, appendRelationRecord))
          phase_ = Phase::LayerEnd;
        break;
      case Phase::LayerEnd:
        out_ += "],\"documentLabels\":";
        appendJson(out_, ojson(layer().documentLabels));
        out_ += ",\"extras\":";
        appendJson(out_, ojson(layer().extras));
        if (!(layer().progress == WorkProgress{})) {
          out_ += ",\"progress\":";
          appendJson(out_, progressJson(layer().progress));
        }
        out_ += '}';
        if (++layer_ < layers) {
          phase_ = Phase::LayerStart;
        } else {
          out_ += "]}";
          phase_ = Phase::Done;
        }
        break;
      case Phase::Done:
        break;
    }
  }
  return phase_ == Phase::Done;
}

std::vector<std::string_view> splitIntoParts(std::string_view bytes, std::size_t partBytes) {
  std::vector<std::string_view> parts;
  const std::size_t size = bytes.size();
  const std::size_t step = partBytes < 4 ? 4 : partBytes;  // room for one whole character
  std::size_t at = 0;
  do {
    std::size_t end = size - at <= step ? size : at + step;
    // Not inside a character: back to the first byte of the one that would be cut.
    while (end < size && end > at && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) --end;
    if (end == at) end = size - at <= step ? size : at + step;  // not UTF-8: cut anyway
    parts.push_back(bytes.substr(at, end - at));
    at = end;
  } while (at < size);
  return parts;
}

std::string partKey(const std::string& key, std::size_t part) {
  return part == 0 ? key : key + "/" + std::to_string(part);
}

Result<Workspace> assembleWorkspace(const std::string& manifestWorkspace,
                                    const std::vector<DocumentRecordRef>& refs,
                                    const std::vector<std::string>& texts,
                                    const std::vector<std::string>& records) {
  Result<json> root = parseJsonSafely(manifestWorkspace, "autosave manifest");
  if (!root) return fail(root.error());
  if (!root->is_object()) return fail("the autosave manifest is not a JSON object");
  json docs = json::array();
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const DocumentRecordRef& ref = refs[i];
    const std::string where = "document \"" + ref.name + "\" (" + ref.recordKey + ")";
    Result<json> rec = parseJsonSafely(records[i], ref.recordKey);
    if (!rec) return fail(where + ": " + rec.error());
    const json* layers = rec->is_object() ? &(*rec)["layers"] : nullptr;
    if (!layers || !layers->is_array() || layers->empty() || !(*layers)[0].is_object())
      return fail(where + ": no annotation layers in the record");
    json d = (*layers)[0];
    d["id"] = ref.id;
    d["name"] = ref.name;
    if (!ref.sha256.empty()) d["sha256"] = ref.sha256;
    d["text"] = texts[i];
    d["layers"] = json(layers->begin() + 1, layers->end());
    docs.push_back(std::move(d));
  }
  (*root)["documents"] = std::move(docs);
  return parseScholionJsonValue(*root);
}

}  // namespace scholion
