// A save of a tiny workspace into a store that keeps nothing: run once before the first real
// save so that the save's code is ready (a browser compiles wasm functions when first called).
#pragma once

namespace scholion {

// Begins, writes and commits the save of a two-span, one-relation workspace through the same
// Autosaver code as a real save, twice (a new save, then one after an edit). Nothing is stored.
// True when both saves went all the way through.
bool rehearseAutosave();

}  // namespace scholion
