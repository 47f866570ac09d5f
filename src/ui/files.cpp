// Documents in and out: opened files (text, HTML, Scholion JSON), export, autosave and the UI
// state.
#include <algorithm>
#include <cctype>

#include "app_impl.h"
#include "format_util.h"
#include "html_text.h"
#include "json_util.h"
#include "scholion_json.h"
#include "text.h"

namespace scholion::ui {
namespace {

std::string uniqueId(const Editor& ed, const std::string& base) {
  auto used = [&](const std::string& id) {
    for (std::size_t i = 0; i < ed.documentCount(); ++i)
      if (ed.doc(i).data().id == id) return true;
    return false;
  };
  if (!used(base)) return base;
  for (int n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (!used(id)) return id;
  }
}

}  // namespace

std::string safeFilePart(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80)
      out.push_back(static_cast<char>(c));  // UTF-8 letters are kept as they are
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  while (!out.empty() && out.front() == '.') out.erase(out.begin());  // no hidden files
  return out.empty() ? std::string("untitled") : out;
}

std::string UiState::addTextDocument(const std::string& name, const std::string& bytes) {
  std::string text = bytes;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // BOM
  if (auto bad = firstInvalidUtf8(text))
    return name + ": not UTF-8 text (invalid byte at offset " + std::to_string(*bad) +
           "); nothing was opened";
  if (text.find('\0') != std::string::npos)
    return name + ": looks like a binary file (contains NUL bytes); nothing was opened";
  DocumentData d;
  d.id = uniqueId(editor, safeFilePart(fileStem(name)));
  d.name = name;
  d.sha256 = sha256Hex(text);
  d.text = std::move(text);
  Result<std::size_t> r = editor.addDocument(std::move(d));
  if (!r) return name + ": " + r.error();
  editor.setActive(*r);
  clearSelection();
  matches.clear();
  restoreScrollY = 0;
  return "";
}

void UiState::openFiles(std::vector<OpenedFile> files) {
  // Scholion JSON is parsed once, here; the classroom may take it (an exercise, hand-ins).
  std::vector<ParsedFile> scholion;
  auto takeScholion = [&](std::vector<OpenedFile>& from) {
    std::vector<OpenedFile> rest;
    for (OpenedFile& f : from) {
      if (lowerExtension(f.name) == "json" &&
          formatFromFileName(f.name, f.bytes) == Format::Scholion)
        scholion.push_back(ParsedFile{f.name, parseScholionJson(f.bytes)});
      else
        rest.push_back(std::move(f));
    }
    from = std::move(rest);
  };
  takeScholion(files);
  if (!files.empty())
    classroom.wantFiles = false;  // student hand-ins are Scholion JSON files only
  else if (classroomTakeFiles(*this, scholion))
    return;
  std::string errors = takeExchangeFiles(files);  // zips, brat, CoNLL, doccano, Label Studio
  takeScholion(files);                            // what the zips held of it
  auto addError = [&](const std::string& e) { errors += (errors.empty() ? "" : "\n") + e; };
  for (ParsedFile& p : scholion) {
    if (!p.workspace)
      addError(p.name + ": " + p.workspace.error());
    else
      pendingImports.push_back(
          PendingImport{p.name, std::move(*p.workspace), Format::Scholion, {}});
  }
  int opened = 0;
  for (OpenedFile& f : files) {
    std::string ext = lowerExtension(f.name);
    std::string err;
    if (ext == "html" || ext == "htm" || ext == "xhtml") {
      if (auto bad = firstInvalidUtf8(f.bytes))
        err = f.name + ": not UTF-8 (invalid byte at offset " + std::to_string(*bad) + ")";
      else
        err = addTextDocument(f.name, htmlToText(f.bytes));
    } else {
      err = addTextDocument(f.name, f.bytes);
    }
    if (!err.empty())
      addError(err);
    else
      ++opened;
  }
  if (!errors.empty())
    setMessage(errors, true);
  else if (opened)
    setMessage("Opened " + std::to_string(opened) + " document(s)");
}

void UiState::importWorkspace(PendingImport& imp, bool replace, bool asOtherLayer) {
  Workspace in = std::move(imp.workspace);
  if (replace) {
    if (in.annotator.empty()) in.annotator = editor.annotator();
    Status st = editor.replaceWorkspace(std::move(in));
    if (!st) return setMessage(imp.name + ": " + st.error(), true);
    clearSelection();
    matches.clear();
    restoreScrollY = 0;
    return setMessage("Opened workspace " + imp.name);
  }
  // Merge: same text (hash) -> the imported layer joins that document; else a new document.
  Workspace ws = editor.snapshot();
  int layers = 0, added = 0;
  const std::size_t firstNew = ws.documents.size();
  for (DocumentData& d : in.documents) {
    auto same = std::find_if(ws.documents.begin(), ws.documents.end(),
                             [&](const DocumentData& o) { return o.sha256 == d.sha256; });
    if (same == ws.documents.end()) {
      std::string id = d.id;
      int n = 2;
      while (std::any_of(ws.documents.begin(), ws.documents.end(),
                         [&](const DocumentData& o) { return o.id == id; }))
        id = d.id + "-" + std::to_string(n++);
      d.id = id;
      ws.documents.push_back(std::move(d));
      ++added;
      continue;
    }
    if (asOtherLayer) {
      AnnotationLayer layer = std::move(d.annotations);
      if (layer.annotator.empty()) layer.annotator = in.annotator.empty() ? imp.name : in.annotator;
      auto& others = same->others;
      others.erase(
          std::remove_if(others.begin(), others.end(),
                         [&](const AnnotationLayer& l) { return l.annotator == layer.annotator; }),
          others.end());
      others.push_back(std::move(layer));
    } else {
      std::string me = same->annotations.annotator;
      same->annotations = std::move(d.annotations);
      if (!me.empty()) same->annotations.annotator = me;
    }
    for (AnnotationLayer& l : d.others) same->others.push_back(std::move(l));
    ++layers;
  }
  // Labels the file uses but the open schema lacks join it (colours kept, hotkeys left to the
  // schema's owner), so merged spans show with their colours and can be edited.
  for (const SpanLabel& l : in.schema.spanLabels)
    if (!ws.schema.findLabel(l.name)) {
      SpanLabel copy;
      copy.name = l.name;
      copy.color = l.color;
      ws.schema.spanLabels.push_back(std::move(copy));
    }
  addMissingToSchema(ws.schema, ws);
  if (added > 0) ws.activeDocument = firstNew;  // show what was opened
  Status st = editor.replaceWorkspace(std::move(ws));
  if (!st) return setMessage(imp.name + ": " + st.error(), true);
  clearSelection();
  if (added > 0) {
    matches.clear();
    restoreScrollY = 0;
  }
  if (layers == 0 && imp.format != Format::Scholion)
    setMessage("Opened " + imp.name + ": " + std::to_string(added) + " new document(s)");
  else if (layers == 0)
    setMessage(imp.name +
                   " was made for a different text (no open document has the same content "
                   "hash): its " +
                   std::to_string(added) + " document(s) were opened as new documents",
               true);
  else
    setMessage("Merged " + imp.name + ": " + std::to_string(layers) + " matching document(s), " +
               std::to_string(added) + " new");
}

std::string UiState::workspaceExportStem() const {
  const ExerciseInfo& ex = editor.exercise();
  std::string base = ex.enabled && !ex.title.empty() ? ex.title : std::string("workspace");
  return safeFilePart(base) + "-" + safeFilePart(annotatorName());
}

void UiState::exportWorkspace(bool currentOnly) {
  if (!hasDoc()) return setMessage("Nothing to export", true);
  Workspace ws = editor.snapshot();
  std::string file = workspaceExportStem() + ".scholion.json";
  if (currentOnly) {
    DocumentData d = std::move(ws.documents[editor.active()]);
    ws.documents.clear();
    ws.documents.push_back(std::move(d));
    ws.activeDocument = 0;
    file = safeFilePart(fileStem(ws.documents[0].name)) + "-" + safeFilePart(annotatorName()) +
           ".scholion.json";
  }
  std::string err = platform.download(file, writeScholionJson(ws), "application/json");
  if (!err.empty())
    setMessage("Export failed: " + err, true);
  else
    setMessage(std::string(platform.kind()) == std::string("web") ? "Downloaded " + file
                                                                  : "Saved " + file);
}

void UiState::autosaveTick(bool force) {
  const double now = platform.now();
  const uint64_t rev = editor.revision();
  if (rev != seenRevision) {
    seenRevision = rev;
    lastChangeTime = now;
  }
  bool pending = rev != savedRevision || saveOnce;
  if (!pending) return;
  // Debounced: ~1 s after the last change; after a failure, retry every 10 s.
  double wait = saveError.empty() ? 1.0 : 10.0;
  if (!force && now - lastChangeTime < wait) return;
  std::string err = autosaver.save(editor.snapshot(), uiStateJson());
  lastChangeTime = now;
  if (err.empty()) {
    savedRevision = rev;
    saveOnce = false;
    editor.markSaved();
    saveError.clear();
  } else {
    saveError = err;
  }
}

std::string UiState::uiStateJson() const {
  nlohmann::json j;
  j["active"] = editor.active();
  j["scroll"] = scrollY;
  j["zoom"] = zoom;
  j["dark"] = dark;
  j["left"] = showLeft;
  j["right"] = showRight;
  return dumpJson(j);
}

void UiState::restoreUiState(const std::string& text) {
  if (text.empty()) return;
  Result<nlohmann::json> j = parseJsonSafely(text, "uiState", 8);
  if (!j || !j->is_object()) return;
  auto num = [&](const char* k, double def) {
    auto it = j->find(k);
    return (it != j->end() && it->is_number()) ? it->get<double>() : def;
  };
  auto flag = [&](const char* k, bool def) {
    auto it = j->find(k);
    return (it != j->end() && it->is_boolean()) ? it->get<bool>() : def;
  };
  double active = num("active", 0);
  if (active >= 0 && active < static_cast<double>(editor.documentCount()))
    editor.setActive(static_cast<std::size_t>(active));
  restoreScrollY = static_cast<float>(std::max(0.0, num("scroll", 0)));
  zoom = std::clamp(static_cast<float>(num("zoom", 1)), 0.6f, 3.0f);
  dark = flag("dark", false);
  showLeft = flag("left", true);
  showRight = flag("right", true);
}

}  // namespace scholion::ui
