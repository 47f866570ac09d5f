// User actions shared by menus, shortcuts and panels: commands, selection, find, undo, clipboard,
// zoom.
#include <algorithm>
#include <cctype>

#include "app_impl.h"

namespace scholion::ui {

std::string UiState::annotatorName() const {
  return editor.annotator().empty() ? std::string("anonymous") : editor.annotator();
}

bool UiState::apply(Result<Command> cmd) {
  if (!cmd) {
    setMessage(cmd.error(), true);
    return false;
  }
  DocumentState* d = doc();
  if (!d) return false;
  if (cmd->empty()) {
    setMessage("Nothing to change");
    return false;
  }
  std::string what = cmd->description;
  Status st = d->apply(std::move(*cmd), editor.schema());
  if (!st) {
    setMessage(st.error(), true);
    return false;
  }
  setMessage(what);
  return true;
}

void UiState::clearSelection() {
  selStart = selEnd = 0;
  selectedSpan.clear();
  selectedRelation.clear();
  relating = false;
}

void UiState::setTextSelection(uint32_t start, uint32_t end) {
  DocumentState* d = doc();
  if (!d) return;
  const uint32_t n = static_cast<uint32_t>(d->document().length());
  start = std::min(start, n);
  end = std::min(end, n);
  if (start > end) std::swap(start, end);
  selStart = start;
  selEnd = end;
  anchor = start;
  selectedSpan.clear();
  selectedRelation.clear();
}

void UiState::selectSpan(const std::string& id, bool scroll) {
  selectedSpan = id;
  selectedRelation.clear();
  selStart = selEnd = 0;
  listScrollToSelected = true;
  if (scroll) {
    if (const Span* sp = doc() ? doc()->span(id) : nullptr) scrollToRange(sp->start, sp->end);
  }
}

void UiState::scrollToRange(uint32_t start, uint32_t end) {
  scrollToCp = start;
  scrollCentered = false;
  (void)end;
}

void UiState::switchDocument(std::size_t index) {
  if (index >= editor.documentCount() || index == editor.active()) return;
  editor.setActive(index);
  clearSelection();
  matches.clear();
  findQuery.clear();
  restoreScrollY = 0;
  saveOnce = true;
  if (findOpen && findBuf[0]) runFind();
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
  DocumentState* d = doc();
  if (!d) return;
  if (hasSelection()) {
    Result<Command> cmd = cmdAddSpan(*d, editor.schema(), label, selStart, selEnd, annotatorName());
    std::string id;
    if (cmd)
      for (const Change& c : cmd->changes)
        if (c.kind == Change::Kind::AddSpan) id = c.span.id;
    if (apply(std::move(cmd))) {
      selStart = selEnd = 0;
      if (!id.empty()) selectSpan(id, false);
    }
  } else if (!selectedSpan.empty()) {
    apply(cmdRelabelSpan(*d, selectedSpan, label));
  } else {
    setMessage("Select some text first (drag across it or double-click a word)");
  }
}

void UiState::undo() {
  DocumentState* d = doc();
  if (!d || !d->canUndo()) return setMessage("Nothing to undo");
  std::string what = d->undoDescription();
  d->undo();
  if (!selectedSpan.empty() && !d->span(selectedSpan)) selectedSpan.clear();
  if (!selectedRelation.empty() && !d->relation(selectedRelation)) selectedRelation.clear();
  setMessage("Undid: " + what);
}

void UiState::redo() {
  DocumentState* d = doc();
  if (!d || !d->canRedo()) return setMessage("Nothing to redo");
  std::string what = d->redoDescription();
  d->redo();
  if (!selectedSpan.empty() && !d->span(selectedSpan)) selectedSpan.clear();
  if (!selectedRelation.empty() && !d->relation(selectedRelation)) selectedRelation.clear();
  setMessage("Redid: " + what);
}

void UiState::copySelection() {
  DocumentState* d = doc();
  if (!d) return;
  std::string text;
  if (hasSelection())
    text = d->document().slice(selStart, selEnd);
  else if (const Span* sp = selectedSpan.empty() ? nullptr : d->span(selectedSpan))
    text = sp->text;
  if (text.empty()) return setMessage("Nothing selected to copy");
  platform.setClipboard(text);
  setMessage("Copied " + std::to_string(text.size()) + " bytes");
}

void UiState::deleteSelected() {
  DocumentState* d = doc();
  if (!d) return;
  if (!selectedRelation.empty()) {
    if (apply(cmdDeleteRelation(*d, selectedRelation))) selectedRelation.clear();
  } else if (!selectedSpan.empty()) {
    if (apply(cmdDeleteSpan(*d, selectedSpan))) selectedSpan.clear();
  }
}

void UiState::setZoom(float z) {
  zoom = std::clamp(z, 0.6f, 3.0f);
  saveOnce = true;
}

void UiState::labelEveryOccurrence(const std::string& label) {
  DocumentState* d = doc();
  if (!d) return;
  std::string needle;
  if (hasSelection())
    needle = d->document().slice(selStart, selEnd);
  else if (const Span* sp = selectedSpan.empty() ? nullptr : d->span(selectedSpan))
    needle = sp->text;
  if (needle.empty()) return setMessage("Select the text to label everywhere first");
  apply(cmdLabelEveryOccurrence(*d, editor.schema(), needle, label, annotatorName()));
}

void UiState::labelMatches(const std::string& label) {
  DocumentState* d = doc();
  if (!d) return;
  if (matches.empty()) return setMessage("No search results to label");
  apply(cmdLabelRanges(*d, editor.schema(), matches, label, annotatorName()));
}

void UiState::runFind() {
  matches.clear();
  currentMatch = -1;
  findQuery = findBuf;
  findDocIndex = editor.active();
  DocumentState* d = doc();
  if (!d || findQuery.empty()) return;
  const std::string& t = d->document().text();
  const std::string& q = findQuery;
  auto eq = [this](char a, char b) {
    return findCaseSensitive ? a == b
                             : std::tolower(static_cast<unsigned char>(a)) ==
                                   std::tolower(static_cast<unsigned char>(b));
  };
  const OffsetIndex& off = d->document().offsets();
  constexpr std::size_t kMaxMatches = 100000;
  auto it = t.begin();
  while (matches.size() < kMaxMatches) {
    it = std::search(it, t.end(), q.begin(), q.end(), eq);
    if (it == t.end()) break;
    std::size_t b = static_cast<std::size_t>(it - t.begin());
    uint32_t cs = static_cast<uint32_t>(off.cpOfByte(b));
    uint32_t ce = static_cast<uint32_t>(off.cpOfByte(b + q.size()));
    matches.push_back(Fragment{cs, ce});
    it += static_cast<std::ptrdiff_t>(q.size());
  }
  if (!matches.empty()) {
    // The first match after the current scroll position feels most natural; start at the first.
    currentMatch = 0;
    scrollToRange(matches[0].start, matches[0].end);
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
