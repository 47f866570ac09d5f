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
  std::vector<SavedDoc> docs;                                  // what the new manifest points at
  std::vector<std::unique_ptr<DocumentRecordWriter>> writers;  // per document; null = unchanged
  std::size_t current = 0;
  std::string manifest, ui;
  bool writeManifest = false, writeUi = false, committing = false;
  uint64_t generation = 0;
};

Autosaver::Autosaver(KeyValueStore& store) : store_(store) {}
Autosaver::~Autosaver() = default;

bool Autosaver::busy() const {
  return job_ != nullptr;
}

namespace {

// The manifest: the workspace without its documents, and where each document is.
std::string manifestText(const Editor& ed, const std::vector<std::string>& recordKeys,
                         const std::vector<std::string>& textKeys, uint64_t generation) {
  Workspace header;
  header.exercise = ed.exercise();
  header.schema = ed.schema();
  header.annotator = ed.annotator();
  header.activeDocument = ed.active();
  ojson docs = ojson::array();
  for (std::size_t i = 0; i < ed.documentCount(); ++i) {
    const DocumentData& d = ed.doc(i).data();
    docs.push_back({{"id", d.id},
                    {"name", d.name},
                    {"sha256", d.sha256},
                    {"text", textKeys[i]},
                    {"record", recordKeys[i]}});
  }
  ojson m = ojson::object();
  m["format"] = kManifestFormat;
  m["version"] = kManifestVersion;
  m["generation"] = generation;
  m["workspace"] = scholionRootJson(header);
  m["documents"] = std::move(docs);
  return m.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace

void Autosaver::begin(const Editor& editor, const std::string& uiState) {
  job_ = std::make_unique<Job>();
  Job& job = *job_;
  job.generation = generation_ + 1;
  std::vector<std::string> recordKeys, textKeys;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    std::shared_ptr<const DocumentState> state = editor.docPtr(i);
    SavedDoc doc;
    doc.state = state;
    doc.revision = state->revision();
    const SavedDoc* before = nullptr;
    for (const SavedDoc& s : saved_)
      if (s.state == state) before = &s;
    doc.textKey = before ? before->textKey : textKeyOf(*state);
    if (before && before->revision == doc.revision) {
      doc.recordKey = before->recordKey;
      job.writers.push_back(nullptr);
    } else {
      doc.recordKey = "autosave/v2/doc/" + std::to_string(job.generation) + "-" + std::to_string(i);
      job.writers.push_back(std::make_unique<DocumentRecordWriter>(state));
    }
    recordKeys.push_back(doc.recordKey);
    textKeys.push_back(doc.textKey);
    job.docs.push_back(std::move(doc));
  }
  // Unchanged when the same documents under the same records and the same header: compared
  // with the generation of the stored manifest.
  job.manifest = manifestText(editor, recordKeys, textKeys, generation_);
  job.writeManifest = job.manifest != savedManifest_ || legacy_;
  if (job.writeManifest) job.manifest = manifestText(editor, recordKeys, textKeys, job.generation);
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
  return commit();
}

SaveProgress Autosaver::commit() {
  Job& job = *job_;
  std::vector<std::string> written;  // new keys, removed again if a write fails
  Status st = okStatus();
  auto put = [&](const std::string& key, const std::string& value) {
    if (!st) return;
    st = store_.storageSet(key, value);
    if (st) written.push_back(key);
  };
  for (std::size_t i = 0; i < job.docs.size(); ++i) {
    SavedDoc& doc = job.docs[i];
    if (job.writers[i]) {
      doc.revision = job.writers[i]->revision();  // the state the record holds
      put(doc.recordKey, job.writers[i]->text());
    }
    bool stored = false;  // texts never change: one record per text, written once
    for (const SavedDoc& s : saved_) stored = stored || s.textKey == doc.textKey;
    for (const std::string& k : written) stored = stored || k == doc.textKey;
    if (!stored) put(doc.textKey, doc.state->data().text);
  }
  // The manifest last: it switches to the new records only once they are all written.
  if (job.writeManifest) put(kManifestKey, job.manifest);
  if (job.writeUi) put(kUiKey, job.ui);
  if (!st) {
    for (const std::string& k : written) store_.storageRemove(k);
    error_ = st.error();
    job_.reset();
    return SaveProgress::Failed;
  }
  // Records the new manifest no longer points at.
  auto referenced = [&](const std::string& key) {
    for (const SavedDoc& d : job.docs)
      if (d.recordKey == key || d.textKey == key) return true;
    return false;
  };
  for (const SavedDoc& s : saved_) {
    if (!referenced(s.recordKey)) store_.storageRemove(s.recordKey);
    if (!referenced(s.textKey)) store_.storageRemove(s.textKey);
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
    savedManifest_ = std::move(job.manifest);
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
    }
    texts.emplace_back();
    records.emplace_back();
    if (!store_.storageGet(ref.textKey, texts.back()) ||
        !store_.storageGet(ref.recordKey, records.back()))
      return fail("The saved workspace could not be read" + kept + ": the records of document \"" +
                  ref.name + "\" are missing");
    session.recordKeys.push_back(ref.recordKey);
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
  if (session.recordKeys.size() != editor.documentCount()) return;  // all written next time
  std::vector<std::string> textKeys;
  for (std::size_t i = 0; i < editor.documentCount(); ++i) {
    SavedDoc d;
    d.state = editor.docPtr(i);
    d.revision = d.state->revision();
    d.recordKey = session.recordKeys[i];
    d.textKey = textKeyOf(*d.state);
    textKeys.push_back(d.textKey);
    saved_.push_back(std::move(d));
  }
  savedManifest_ = manifestText(editor, session.recordKeys, textKeys, generation_);
}

bool Autosaver::hasSave() {
  std::string value;
  return store_.storageGet(kManifestKey, value) || store_.storageGet(kLegacyWorkspaceKey, value);
}

void Autosaver::clear() {
  job_.reset();
  for (const SavedDoc& s : saved_) {
    store_.storageRemove(s.recordKey);
    store_.storageRemove(s.textKey);
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
