// User actions shared by menus, shortcuts and panels: commands, selection, find, undo, clipboard,
// zoom.
#include <algorithm>
#include <cctype>

#include "panels.h"
#include "suggest_ui.h"
#include "text_view.h"

namespace scholion::ui {

std::string UiState::annotatorName() const {
  return editor.annotator().empty() ? std::string("anonymous") : editor.annotator();
}

bool UiState::apply(Result<Command> cmd) {
  if (!cmd) {
    setMessage(cmd.error(), true);
    return false;
  }
  if (!hasDoc()) return false;
  if (cmd->empty()) {
    setMessage("Nothing to change");
    return false;
  }
  std::string what = cmd->description;
  if (!applyToDocument(editor.active(), std::move(*cmd))) return false;
  setMessage(what);
  return true;
}

bool UiState::editable() {
  if (!save.readOnly()) return true;
  setMessage("Read-only: this workspace is being edited in another tab", true);
  return false;
}

bool UiState::applyToDocument(std::size_t index, Command cmd) {
  if (!editable()) return false;
  Status st = editor.apply(index, std::move(cmd));
  if (!st) setMessage(st.error(), true);
  return static_cast<bool>(st);
}

bool UiState::applyEdit(WorkspaceEdit edit) {
  if (!editable()) return false;
  const std::size_t activeBefore = editor.active();
  const std::size_t countBefore = editor.documentCount();
  Status st = editor.apply(std::move(edit));
  if (!st) {
    setMessage(st.error(), true);
    return false;
  }
  afterWorkspaceChange(activeBefore, countBefore);
  save.once = true;
  return true;
}

void UiState::afterWorkspaceChange(std::size_t activeBefore, std::size_t countBefore) {
  onWorkspaceReplaced();
  if (editor.active() != activeBefore || editor.documentCount() != countBefore)
    onActiveDocumentChanged();
}

void UiState::onActiveDocumentChanged() {
  clearSelection();
  sel.caret = sel.anchor = 0;
  find.clearMatches();
  view.reset();
  note.close();
  save.once = true;  // the active document is part of the saved UI state
  if (find.open && find.buf[0]) runFind();
}

void UiState::onWorkspaceReplaced() {
  // Ids and indices may point into documents that are gone or changed.
  const DocumentState* d = doc();
  if (!d || (!sel.span.empty() && !d->span(sel.span)) ||
      (!sel.relation.empty() && !d->relation(sel.relation)))
    clearSelection();
  gesture.reset();
  if (find.docIndex >= editor.documentCount()) find.clearMatches();
  list.invalidate();
  if (!note.span.empty() && (!d || !d->span(note.span))) note.close();
  dialogs.onWorkspaceReplaced();
  classroom.onWorkspaceReplaced(editor.documentCount());
  suggest.onWorkspaceReplaced();
  access.onWorkspaceReplaced();
}

void UiState::clearSelection() {
  sel.clear();
  gesture.relating = false;
}

void UiState::setTextSelection(uint32_t start, uint32_t end) {
  const DocumentState* d = doc();
  if (!d) return;
  const uint32_t n = static_cast<uint32_t>(d->document().length());
  start = std::min(start, n);
  end = std::min(end, n);
  if (start > end) std::swap(start, end);
  sel.selectText(start, end);
}

void UiState::selectSpan(const std::string& id, bool scroll) {
  sel.selectSpan(id);
  if (const Span* sp = doc() ? doc()->span(id) : nullptr) sel.caret = sel.anchor = sp->start;
  list.scrollToSelected = true;
  if (scroll) {
    if (const Span* sp = doc() ? doc()->span(id) : nullptr) scrollToRange(sp->start, sp->end);
  }
}

void UiState::scrollToRange(uint32_t start, uint32_t end) {
  view.scrollTo(start);
  (void)end;
}

void UiState::switchDocument(std::size_t index) {
  if (index >= editor.documentCount() || index == editor.active()) return;
  editor.setActive(index);
  onActiveDocumentChanged();
}

const SpanLabel* UiState::labelForHotkey(const std::string& key) const {
  const auto& labels = editor.schema().spanLabels;
  bool anyHotkey = false;
  for (const SpanLabel& l : labels) {
    if (l.hotkey.empty()) continue;
    anyHotkey = true;
    if (l.hotkey.size() == key.size() &&
        std::equal(l.hotkey.begin(), l.hotkey.end(), key.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return &l;
  }
  // Schemas without hotkeys: 1-9 pick the labels in order.
  if (!anyHotkey && key.size() == 1 && key[0] >= '1' && key[0] <= '9') {
    std::size_t i = static_cast<std::size_t>(key[0] - '1');
    if (i < labels.size()) return &labels[i];
  }
  return nullptr;
}

void UiState::labelSelection(const std::string& label) {
  const DocumentState* d = doc();
  if (!d) return;
  if (sel.hasText()) {
    Result<Command> cmd =
        cmdAddSpan(*d, editor.schema(), label, sel.start, sel.end, annotatorName());
    std::string id;
    if (cmd)
      for (const Change& c : cmd->changes)
        if (c.kind == Change::Kind::AddSpan) id = c.span.id;
    if (apply(std::move(cmd)) && !id.empty()) selectSpan(id, false);
  } else if (!sel.span.empty()) {
    apply(cmdRelabelSpan(*d, sel.span, label));
  } else {
    setMessage("Select some text first (drag across it or double-click a word)");
  }
}

void UiState::undo() {
  stepHistory(true);
}

void UiState::redo() {
  stepHistory(false);
}

void UiState::stepHistory(bool undoing) {
  if (!editable()) return;
  if (stepSuggestionHistory(*this, undoing)) return;  // a rejection came after the editor's step
  const char* none = undoing ? "Nothing to undo" : "Nothing to redo";
  if (!(undoing ? editor.canUndo() : editor.canRedo())) return setMessage(none);
  const std::string what = undoing ? editor.undoDescription() : editor.redoDescription();
  const std::size_t activeBefore = editor.active(), countBefore = editor.documentCount();
  Status st = undoing ? editor.undo() : editor.redo();
  if (!st) return setMessage(st.error().empty() ? none : st.error(), true);
  afterWorkspaceChange(activeBefore, countBefore);
  setMessage((undoing ? "Undid: " : "Redid: ") + what);
}

void UiState::copySelection() {
  const DocumentState* d = doc();
  if (!d) return;
  std::string text;
  if (sel.hasText())
    text = d->document().slice(sel.start, sel.end);
  else if (const Span* sp = sel.span.empty() ? nullptr : d->span(sel.span))
    text = sp->text;
  if (text.empty()) return setMessage("Nothing selected to copy");
  platform.setClipboard(text);
  setMessage("Copied " + std::to_string(text.size()) + " bytes");
}

void UiState::deleteSelected() {
  const DocumentState* d = doc();
  if (!d) return;
  if (!sel.relation.empty()) {
    if (apply(cmdDeleteRelation(*d, sel.relation))) sel.clear();
  } else if (!sel.span.empty()) {
    const Span* sp = d->span(sel.span);
    std::string what = sel.span;
    if (sp) {  // the label and up to 80 bytes of the text, cut at a character boundary
      std::size_t cut = std::min<std::size_t>(sp->text.size(), 80);
      while (cut > 0 && cut < sp->text.size() &&
             (static_cast<unsigned char>(sp->text[cut]) & 0xC0) == 0x80)
        --cut;
      what = sp->label + " \xE2\x80\x9C" + sp->text.substr(0, cut) +
             (cut < sp->text.size() ? "\xE2\x80\xA6\xE2\x80\x9D" : "\xE2\x80\x9D");
    }
    if (apply(cmdDeleteSpan(*d, sel.span))) {
      sel.clear();
      setMessage("Deleted " + what + " (Ctrl+Z brings it back)");
    }
  }
}

void UiState::setZoom(float z) {
  prefs.zoom = std::clamp(z, 0.6f, 3.0f);
  save.once = true;
}

void UiState::labelEveryOccurrence(const std::string& label) {
  const DocumentState* d = doc();
  if (!d) return;
  std::string needle;
  if (sel.hasText())
    needle = d->document().slice(sel.start, sel.end);
  else if (const Span* sp = sel.span.empty() ? nullptr : d->span(sel.span))
    needle = sp->text;
  if (needle.empty()) return setMessage("Select the text to label everywhere first");
  apply(cmdLabelEveryOccurrence(*d, editor.schema(), needle, label, annotatorName()));
}

void UiState::labelMatches(const std::string& label) {
  const DocumentState* d = doc();
  if (!d) return;
  if (find.matches.empty()) return setMessage("No search results to label");
  apply(cmdLabelRanges(*d, editor.schema(), find.matches, label, annotatorName()));
}

void UiState::runFind() {
  find.matches.clear();
  find.current = -1;
  find.query = find.buf;
  find.docIndex = editor.active();
  const DocumentState* d = doc();
  if (!d || find.query.empty()) return;
  const std::string& t = d->document().text();
  const std::string& q = find.query;
  auto eq = [this](char a, char b) {
    return find.caseSensitive ? a == b
                              : std::tolower(static_cast<unsigned char>(a)) ==
                                    std::tolower(static_cast<unsigned char>(b));
  };
  const OffsetIndex& off = d->document().offsets();
  constexpr std::size_t kMaxMatches = 100000;
  auto it = t.begin();
  while (find.matches.size() < kMaxMatches) {
    it = std::search(it, t.end(), q.begin(), q.end(), eq);
    if (it == t.end()) break;
    std::size_t b = static_cast<std::size_t>(it - t.begin());
    uint32_t cs = static_cast<uint32_t>(off.cpOfByte(b));
    uint32_t ce = static_cast<uint32_t>(off.cpOfByte(b + q.size()));
    find.matches.push_back(Fragment{cs, ce});
    it += static_cast<std::ptrdiff_t>(q.size());
  }
  if (!find.matches.empty()) {
    // The first match after the current scroll position feels most natural; start at the first.
    find.current = 0;
    scrollToRange(find.matches[0].start, find.matches[0].end);
  }
}

}  // namespace scholion::ui

namespace scholion::ui {

void snapToTokens(const Document& d, uint32_t& start, uint32_t& end) {
  const auto& toks = d.tokens();
  if (toks.empty() || end <= start) return;
  // Start: to the start of the token it falls in, or forward to the next token (skips spaces).
  std::size_t i = d.tokenAtOrAfter(start);
  if (i < toks.size() && toks[i].start < end) start = toks[i].start;
  // End: to the end of the token holding end-1, or back to the previous token's end.
  std::size_t j = d.tokenAtOrAfter(end - 1);
  if (j < toks.size() && toks[j].start <= end - 1) {
    end = toks[j].end;
  } else if (j > 0) {
    end = std::max(start, toks[j - 1].end);
  }
  if (end < start) end = start;
}

uint32_t tokenEndAfter(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = d.tokenAtOrAfter(cp);
  if (i < toks.size() && toks[i].end <= cp) ++i;
  if (i < toks.size() && toks[i].end == cp) ++i;
  return i < toks.size() ? toks[i].end : cp;
}

uint32_t tokenEndBefore(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = std::min(d.tokenAtOrAfter(cp), toks.size());
  while (i > 0) {
    --i;
    if (toks[i].end < cp) return toks[i].end;
  }
  return cp;
}

uint32_t tokenStartBefore(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = d.tokenAtOrAfter(cp);
  if (i > toks.size()) i = toks.size();
  while (i > 0) {
    --i;
    if (toks[i].start < cp) return toks[i].start;
  }
  return cp;
}

uint32_t tokenStartAfter(const Document& d, uint32_t cp) {
  const auto& toks = d.tokens();
  std::size_t i = d.tokenAtOrAfter(cp + 1);
  return i < toks.size() ? toks[i].start : cp;
}

}  // namespace scholion::ui
