// Autosave: a manifest pointing at one record per document and one per text, written
// incrementally (only what changed) and in slices; older single-key saves are migrated.
#include "autosave.h"

#include "json_util.h"
#include "scholion_json.h"
#include "text.h"

namespace scholion {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// The key names carry the autosave layout version. Version 1 was the whole workspace under one
// key; it is read once and removed by the first save in the new layout.
constexpr const char* kLegacyWorkspaceKey = "autosave/v1/workspace";
constexpr const char* kLegacyUiKey = "autosave/v1/ui";
constexpr const char* kManifestKey = "autosave/v2/manifest";
constexpr const char* kUiKey = "autosave/v2/ui";
constexpr const char* kManifestFormat = "scholion-autosave";
constexpr int kManifestVersion = 2;

std::string textKeyOf(const DocumentState& d) {
  const std::string& sha = d.data().sha256;
  return std::string("autosave/v2/text/") + (sha.empty() ? sha256Hex(d.data().text) : sha);
}

}  // namespace

struct Autosaver::Job {
  struct Part {
    std::string key;
    std::string_view bytes;  // in a writer's record or a document's text, both held by the job
  };
  std::vector<SavedDoc> docs;                                  // what the new manifest points at
  std::vector<std::unique_ptr<DocumentRecordWriter>> writers;  // per document; null = unchanged
  std::size_t current = 0;
  std::vector<Part> parts;  // what is handed to the store, one part per step
  std::size_t nextPart = 0;
  bool partsQueued = false;
  std::vector<std::string> written;  // keys given to the store, removed again if the save fails
  ojson manifest;
  std::string manifestText, ui;
  bool writeManifest = false, writeUi = false, committing = false;
  uint64_t generation = 0;
};

Autosaver::Autosaver(KeyValueStore& store) : store_(store) {}
Autosaver::~Autosaver() = default;

bool Autosaver::busy() const {
  return job_ != nullptr;
}

namespace {

// The manifest: the workspace without its documents, and where each document is. The number of
// parts of a record or text is listed when it is more than one (earlier saves have one).
template <class Doc>
ojson manifestJson(const Editor& ed, const std::vector<Doc>& saved, uint64_t generation) {
  Workspace header;
  header.exercise = ed.exercise();
  header.schema = ed.schema();
  header.annotator = ed.annotator();
  header.progress = ed.progress();
  header.activeDocument = ed.active();
  ojson docs = ojson::array();
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    const DocumentData& d = ed.doc(i).data();
    ojson entry = {{"id", d.id},
                   {"name", d.name},
                   {"sha256", d.sha256},
                   {"text", saved[i].textKey},
                   {"record", saved[i].recordKey}};
    if (saved[i].textParts > 1) entry["textParts"] = saved[i].textParts;
    if (saved[i].recordParts > 1) entry["recordParts"] = saved[i].recordParts;
    docs.push_back(std::move(entry));
  }
  ojson m = ojson::object();
  m["format"] = kManifestFormat;
  m["version"] = kManifestVersion;
  m["generation"] = generation;
  m["workspace"] = scholionRootJson(header);
  m["documents"] = std::move(docs);
  return m;
}

std::string dumpManifest(const ojson& m) {
  return m.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// A count of parts from the manifest: absent is one (saves written before parts existed).
bool partsOf(const json& d, const char* member, std::size_t& parts) {
  parts = 1;
  if (!d.contains(member)) return true;
  const json& v = d[member];
  if (!v.is_number_unsigned() || v.get<uint64_t>() < 1 || v.get<uint64_t>() > (1u << 24))
    return false;
  parts = static_cast<std::size_t>(v.get<uint64_t>());
  return true;
}

// Reads the parts of one record into `value`; false if one is missing.
bool readParts(KeyValueStore& store, const std::string& key, std::size_t parts,
               std::string& value) {
  value.clear();
  std::string part;
  for (std::size_t p = 0; p < parts; ++p) {
    if (!store.storageGet(partKey(key, p), part)) return false;
    value += part;
  }
  return true;
}

void removeParts(KeyValueStore& store, const std::string& key, std::size_t parts) {
  for (std::size_t p = 0; p < std::max<std::size_t>(parts, 1); ++p)
    store.storageRemove(partKey(key, p));
}

}  // namespace

void Autosaver::begin(const Editor& editor, const std::string& uiState) {
  job_ = std::make_unique<Job>();
  Job& job = *job_;
  job.generation = generation_ + 1;
  bool anyWriter = false;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    std::shared_ptr<const DocumentState> state = editor.docPtr(i);
    SavedDoc doc;
    doc.state = state;
    doc.revision = state->revision();
    const SavedDoc* before = nullptr;
    for (const SavedDoc& s : saved_)
      if (s.state == state) before = &s;
    doc.textKey = before ? before->textKey : textKeyOf(*state);
    doc.textParts = before ? before->textParts : 0;
    if (before && before->revision == doc.revision) {
      doc.recordKey = before->recordKey;
      doc.recordParts = before->recordParts;
      job.writers.push_back(nullptr);
    } else {
      doc.recordKey = "autosave/v2/doc/" + std::to_string(job.generation) + "-" + std::to_string(i);
      job.writers.push_back(std::make_unique<DocumentRecordWriter>(state));
      anyWriter = true;
    }
    job.docs.push_back(std::move(doc));
  }
  // A new record means a new manifest. Without one: unchanged when the same documents under the
  // same records and the same header, compared with the generation of the stored manifest.
  job.writeManifest = anyWriter || legacy_ ||
                      dumpManifest(manifestJson(editor, job.docs, generation_)) != savedManifest_;
  // The parts of new records are filled in once they are written (commit()).
  if (job.writeManifest) job.manifest = manifestJson(editor, job.docs, job.generation);
  job.ui = uiState;
  job.writeUi = uiState != savedUi_ || legacy_;
}

SaveProgress Autosaver::step(std::size_t items) {
  if (!job_) return SaveProgress::Idle;
  Job& job = *job_;
  if (job.committing) {
    std::string error;
    switch (store_.storageCommitState(error)) {
      case KeyValueStore::CommitState::Pending:
        return SaveProgress::Committing;
      case KeyValueStore::CommitState::Done:
        return finish();
      case KeyValueStore::CommitState::Failed:
        error_ = error.empty() ? std::string("the browser refused to save") : error;
        job_.reset();
        return SaveProgress::Failed;
    }
  }
  while (job.current < job.writers.size() && !job.writers[job.current]) ++job.current;
  if (job.current < job.writers.size()) {
    DocumentRecordWriter& w = *job.writers[job.current];
    if (w.stale()) {
      job_.reset();
      return SaveProgress::Restart;
    }
    if (w.step(items)) ++job.current;
    return SaveProgress::Working;
  }
  // The records are complete: handed to the store one part per step (the browser converts and
  // keeps each part; nothing is stored before the commit).
  if (!job.partsQueued) queueParts();
  if (job.nextPart < job.parts.size()) {
    const Job::Part& part = job.parts[job.nextPart++];
    Status st = store_.storageSet(part.key, std::string(part.bytes));
    if (!st) return failJob(st.error());
    job.written.push_back(part.key);
    return SaveProgress::Working;
  }
  return commit();
}

void Autosaver::queueParts() {
  Job& job = *job_;
  job.partsQueued = true;
  for (std::size_t i = 0; i < job.docs.size(); ++i) {
    SavedDoc& doc = job.docs[i];
    if (job.writers[i]) {
      doc.revision = job.writers[i]->revision();  // the state the record holds
      std::vector<std::string_view> parts = splitIntoParts(job.writers[i]->text(), partBytes_);
      doc.recordParts = parts.size();
      for (std::size_t p = 0; p < parts.size(); ++p)
        job.parts.push_back({partKey(doc.recordKey, p), parts[p]});
    }
    if (doc.textParts > 0) continue;
    // Texts never change: one record per text, written once, its parts as first written.
    for (const SavedDoc& s : saved_)
      if (s.textKey == doc.textKey) doc.textParts = s.textParts;
    for (std::size_t j = 0; j < i && doc.textParts == 0; ++j)
      if (job.docs[j].textKey == doc.textKey) doc.textParts = job.docs[j].textParts;
    if (doc.textParts > 0) continue;
    std::vector<std::string_view> parts = splitIntoParts(doc.state->data().text, partBytes_);
    doc.textParts = parts.size();
    for (std::size_t p = 0; p < parts.size(); ++p)
      job.parts.push_back({partKey(doc.textKey, p), parts[p]});
  }
}

SaveProgress Autosaver::failJob(const std::string& error) {
  for (const std::string& k : job_->written) store_.storageRemove(k);
  error_ = error;
  job_.reset();
  return SaveProgress::Failed;
}

SaveProgress Autosaver::commit() {
  Job& job = *job_;
  Status st = okStatus();
  auto put = [&](const std::string& key, const std::string& value) {
    if (!st) return;
    st = store_.storageSet(key, value);
    if (st) job.written.push_back(key);
  };
  // The manifest last: it switches to the new records only once they are all written.
  if (job.writeManifest) {
    ojson& docs = job.manifest["documents"];
    for (std::size_t i = 0; i < job.docs.size() && i < docs.size(); ++i) {
      if (job.docs[i].textParts > 1) docs[i]["textParts"] = job.docs[i].textParts;
      if (job.docs[i].recordParts > 1) docs[i]["recordParts"] = job.docs[i].recordParts;
    }
    job.manifestText = dumpManifest(job.manifest);
    put(kManifestKey, job.manifestText);
  }
  if (job.writeUi) put(kUiKey, job.ui);
  if (!st) return failJob(st.error());
  // Records the new manifest no longer points at.
  auto referenced = [&](const std::string& key) {
    for (const SavedDoc& d : job.docs)
      if (d.recordKey == key || d.textKey == key) return true;
    return false;
  };
  for (const SavedDoc& s : saved_) {
    if (!referenced(s.recordKey)) removeParts(store_, s.recordKey, s.recordParts);
    if (!referenced(s.textKey)) removeParts(store_, s.textKey, s.textParts);
  }
  if (legacy_) {
    store_.storageRemove(kLegacyWorkspaceKey);
    store_.storageRemove(kLegacyUiKey);
  }
  store_.storageCommit();
  job.committing = true;
  return step(0);
}

SaveProgress Autosaver::finish() {
  Job& job = *job_;
  lastWritten_ = 0;
  for (const auto& w : job.writers) lastWritten_ += w ? 1 : 0;
  // Keep only one entry per key that the store holds now.
  saved_ = std::move(job.docs);
  if (job.writeManifest) {
    savedManifest_ = std::move(job.manifestText);
    generation_ = job.generation;
  }
  if (job.writeUi) savedUi_ = std::move(job.ui);
  legacy_ = false;
  error_.clear();
  job_.reset();
  return SaveProgress::Saved;
}

SaveProgress Autosaver::saveNow(const Editor& editor, const std::string& uiState) {
  if (job_ && job_->committing) {
    SaveProgress p = step(0);
    if (p == SaveProgress::Committing || p == SaveProgress::Failed) return p;
  }
  begin(editor, uiState);
  SaveProgress p = SaveProgress::Working;
  while (p == SaveProgress::Working) p = step(SIZE_MAX);
  return p;
}

Result<SavedSession> Autosaver::load() {
  SavedSession session;
  std::string text;
  legacy_ = store_.storageGet(kLegacyWorkspaceKey, text);
  std::string manifestJson;
  if (!store_.storageGet(kManifestKey, manifestJson)) {
    if (!legacy_) return fail("No saved workspace.");
    // The older layout, migrated by the format reader itself.
    Result<Workspace> ws = parseScholionJson(text);
    if (!ws)
      return fail("The saved workspace could not be read (it is kept, not deleted): " + ws.error());
    session.workspace = std::move(ws.value());
    if (!store_.storageGet(kLegacyUiKey, session.uiState)) session.uiState.clear();
    return session;
  }
  const std::string kept = " (it is kept, not deleted)";
  Result<json> m = parseJsonSafely(manifestJson, "autosave manifest");
  if (!m) return fail("The saved workspace could not be read" + kept + ": " + m.error());
  if (!m->is_object() || m->value("format", "") != kManifestFormat || !(*m)["version"].is_number())
    return fail("The saved workspace could not be read" + kept + ": not an autosave manifest");
  if ((*m)["version"].get<double>() > kManifestVersion)
    return fail("The saved workspace was written by a newer Scholion" + kept + ".");
  const json& docs = (*m)["documents"];
  if (!docs.is_array() || !(*m)["workspace"].is_object())
    return fail("The saved workspace could not be read" + kept +
                ": the manifest lists no documents");
  std::vector<DocumentRecordRef> refs;
  std::vector<std::string> texts, records;
  for (const json& d : docs) {
    DocumentRecordRef ref;
    if (d.is_object()) {
      ref.id = d.value("id", "");
      ref.name = d.value("name", "");
      ref.sha256 = d.value("sha256", "");
      ref.textKey = d.value("text", "");
      ref.recordKey = d.value("record", "");
      if (!partsOf(d, "textParts", ref.textParts) || !partsOf(d, "recordParts", ref.recordParts))
        return fail("The saved workspace could not be read" + kept +
                    ": the manifest gives document \"" + ref.name +
                    "\" an impossible number of parts");
    }
    texts.emplace_back();
    records.emplace_back();
    if (!readParts(store_, ref.textKey, ref.textParts, texts.back()) ||
        !readParts(store_, ref.recordKey, ref.recordParts, records.back()))
      return fail("The saved workspace could not be read" + kept + ": the records of document \"" +
                  ref.name + "\" are missing");
    session.recordKeys.push_back(ref.recordKey);
    session.recordParts.push_back(ref.recordParts);
    session.textParts.push_back(ref.textParts);
    refs.push_back(std::move(ref));
  }
  Result<Workspace> ws = assembleWorkspace(dumpJson((*m)["workspace"]), refs, texts, records);
  if (!ws) return fail("The saved workspace could not be read" + kept + ": " + ws.error());
  session.workspace = std::move(*ws);
  const json& gen = (*m)["generation"];
  session.generation = gen.is_number_unsigned() ? gen.get<uint64_t>() : 0;
  if (!store_.storageGet(kUiKey, session.uiState)) session.uiState.clear();
  return session;
}

void Autosaver::adopt(const Editor& editor, const SavedSession& session) {
  job_.reset();
  saved_.clear();
  savedManifest_.clear();
  generation_ = std::max(generation_, session.generation);
  savedUi_ = legacy_ ? std::string() : session.uiState;
  const std::size_t n = editor.documentCount();
  if (session.recordKeys.size() != n || session.recordParts.size() != n ||
      session.textParts.size() != n)
    return;  // all written next time
  for (std::size_t i = 0; i < n; ++i) {
    SavedDoc d;
    d.state = editor.docPtr(i);
    d.revision = d.state->revision();
    d.recordKey = session.recordKeys[i];
    d.recordParts = session.recordParts[i];
    d.textKey = textKeyOf(*d.state);
    d.textParts = session.textParts[i];
    saved_.push_back(std::move(d));
  }
  savedManifest_ = dumpManifest(manifestJson(editor, saved_, generation_));
}

bool Autosaver::hasSave() {
  std::string value;
  return store_.storageGet(kManifestKey, value) || store_.storageGet(kLegacyWorkspaceKey, value);
}

void Autosaver::clear() {
  job_.reset();
  for (const SavedDoc& s : saved_) {
    removeParts(store_, s.recordKey, s.recordParts);
    removeParts(store_, s.textKey, s.textParts);
  }
  for (const char* k : {kManifestKey, kUiKey, kLegacyWorkspaceKey, kLegacyUiKey})
    store_.storageRemove(k);
  store_.storageCommit();
  saved_.clear();
  savedManifest_.clear();
  savedUi_.clear();
  legacy_ = false;
}

}  // namespace scholion
