// window.scholion: the JavaScript handle for tests and embedding pages (bundled as --pre-js).
/* global Module, ccall, UTF8ToString, _malloc, _free, HEAPU8, HEAPF32 */
var Module = typeof Module !== 'undefined' ? Module : {};
(function () {
  'use strict';
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  var statusEl = function () { return document.getElementById('status'); };
  function setStatus(text, isError) {
    var el = statusEl();
    if (!el) return;
    el.textContent = text;
    el.className = isError ? 'error' : (text ? '' : 'hidden');
  }
  // A float[4] (x, y, w, h in canvas CSS pixels) at heap address p, as page coordinates.
  function pageRect(p) {
    var f = Module.HEAPF32.subarray(p >> 2, (p >> 2) + 4);
    var box = Module.canvas.getBoundingClientRect();
    return { x: box.left + f[0], y: box.top + f[1], w: f[2], h: f[3] };
  }
  function nextFrame() { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); }
  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }
  // Large strings go through the heap: ccall's 'string' arguments are copied onto the 5 MB
  // wasm stack, which a big document or workspace would overflow.
  function withHeapString(str, fn) {
    var n = Module.lengthBytesUTF8(str) + 1;
    var p = Module._malloc(n);
    try { Module.stringToUTF8(str, p, n); return fn(p); } finally { Module._free(p); }
  }

  Module.canvas = document.getElementById('canvas');
  // Right clicks belong to the app (no inline handler in the page: the CSP allows none).
  Module.canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // The screen-reader mirror (AccessibleField order: sentence, caret, selection, span, status,
  // alert). A new text node each time, so a repeated message is read again.
  var A11Y_IDS = ['a11y-sentence', 'a11y-caret', 'a11y-selection', 'a11y-span', 'a11y-status', 'a11y-alert'];
  Module.scholionAccessibleText = function (field, text) {
    var el = document.getElementById(A11Y_IDS[field]);
    if (!el) return;
    var node = document.createElement('span');
    node.id = A11Y_IDS[field] + '-text';  // the text alone (the region's own name is its label)
    node.textContent = text;
    el.replaceChildren(node);
  };
  Module.print = function (t) { console.log(t); };
  Module.printErr = function (t) { console.warn(t); };
  Module.scholionFirstFrame = function () {
    if (Module.scholionMark) Module.scholionMark('ready');
    setStatus(''); resolveReady(); openFromUrl();
  };
  // ?open=URL, repeated for several files (a brat .txt, its .ann and annotation.conf; or a .zip):
  // a teacher's link straight to a document or exercise. The files go through the same path as
  // the file chooser, as one batch the app knows came from a link (it opens at once when nothing
  // would be lost). An address on another site is read only once the user agreed to it (the
  // question names it); the page's Content-Security-Policy reads other sites over https only.
  function openFromUrl() {
    var targets = new URLSearchParams(window.location.search).getAll('open').filter(Boolean);
    if (!targets.length) return;
    var fail = function (text) {
      setStatus(text, true);
      setTimeout(function () { setStatus(''); }, 8000);
      call('scholion_link_failed', null, [], []);
    };
    var urls = [];
    for (var i = 0; i < targets.length; i++) {
      try { urls.push(new URL(targets[i], window.location.href)); } catch (e) { return fail('Cannot open "' + targets[i] + '": not a valid address'); }
    }
    var foreign = urls.filter(function (u) { return u.origin !== window.location.origin; });
    var unreadable = foreign.filter(function (u) { return u.protocol !== 'https:'; });
    if (unreadable.length)
      return fail('Cannot open ' + unreadable[0].href + ': from other sites, only https addresses can be read');
    if (foreign.length && !window.confirm('This link asks Scholion to read ' +
        (foreign.length === 1 ? 'a file from another site' : foreign.length + ' files from other sites') +
        ':\n\n' + foreign.map(function (u) { return u.href; }).join('\n') + '\n\nRead ' +
        (foreign.length === 1 ? 'it' : 'them') + '?'))
      return fail('Nothing was opened: the link named another site (' + foreign[0].href + ')');
    Promise.all(urls.map(function (url) {
      return fetch(url.href).then(function (r) {
        if (!r.ok) throw new Error(url.href + ': the server answered ' + r.status);
        return r.arrayBuffer();
      }, function (e) { throw new Error(url.href + ': ' + (e && e.message ? e.message : e)); }).then(function (buf) {
        var name = decodeURIComponent(url.pathname.split('/').pop() || 'document.txt');
        return { name: name, arrayBuffer: function () { return Promise.resolve(buf); } };
      });
    })).then(function (files) {
      call('scholion_link_batch', null, [], []);
      return sendFiles(files);
    }).catch(function (e) {
      fail('Could not open ' + (e && e.message ? e.message : e));
    });
  }
  Module.scholionFatal = function (msg) { setStatus('Scholion could not start: ' + msg, true); rejectReady(new Error(msg)); };
  Module.onAbort = function (what) { setStatus('Scholion stopped: ' + what, true); rejectReady(new Error(String(what))); };

  // Hands files (from the chooser or a drop) to the app, one call per file.
  function sendFiles(files) {
    var list = Array.prototype.slice.call(files || []);
    if (!list.length) return Promise.resolve();
    return Promise.all(list.map(function (f) { return f.arrayBuffer(); })).then(function (buffers) {
      buffers.forEach(function (buf, i) {
        var bytes = new Uint8Array(buf);
        var p = Module._malloc(bytes.length || 1);
        Module.HEAPU8.set(bytes, p);
        call('scholion_file_opened', null, ['string', 'number', 'number', 'number'],
             [list[i].name, p, bytes.length, i === list.length - 1 ? 1 : 0]);
        Module._free(p);
      });
    });
  }
  // A real <input type=file>, kept in the page so browsers (and test drivers) see a file chooser.
  window.scholionOpenChooser = function (accept, multiple) {
    // A new element each time: Chromium does not reopen a chooser on an input it already used.
    var old = document.getElementById('scholion-file-input');
    if (old) old.remove();
    var input = document.createElement('input');
    input.type = 'file';
    input.id = 'scholion-file-input';
    input.style.display = 'none';
    input.accept = accept;
    input.multiple = !!multiple;
    input.addEventListener('change', function () { sendFiles(input.files); });
    document.body.appendChild(input);
    input.click();
  };

  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files) sendFiles(e.dataTransfer.files);
  });
  // Animation frames stop in background tabs: save when the page is hidden or closed.
  function flush() {
    if (!Module.calledRun) return;
    try { Module._scholion_flush_save(); } catch (e) { /* nothing to save */ }
    Module.scholionStore.runPending();  // the page may be going away: no later task
  }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); else wake(); });
  // The app draws only when something changed: a new window size or pixel ratio is such a change.
  function wake() { if (Module.calledRun) try { Module._scholion_wake(); } catch (e) {} }
  window.addEventListener('resize', wake);
  (function watchPixelRatio() {
    if (!window.matchMedia) return;
    var q = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    var onChange = function () { q.removeEventListener('change', onChange); wake(); watchPixelRatio(); };
    if (q.addEventListener) q.addEventListener('change', onChange);
  })();
  window.addEventListener('pagehide', flush);
  // Text input: a hidden text area keeps the keyboard focus. Its input events carry what was
  // typed, composed through an IME or dead keys, or pasted; control characters stay with the
  // key events, which bubble from it to SDL at the window.
  var ime = document.createElement('textarea');
  ime.id = 'scholion-text-input';
  ime.setAttribute('aria-label', 'Annotated text');
  ime.setAttribute('aria-roledescription', 'text annotator');
  ime.setAttribute('aria-describedby', 'a11y-help a11y-caret-text');
  ime.setAttribute('autocomplete', 'off');
  ime.setAttribute('autocapitalize', 'off');
  ime.spellcheck = false;
  ime.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;resize:none;z-index:-1;';
  // Pasted or dropped text keeps its line breaks and tabs (ImGui drops them where a field does
  // not take them); typed Enter and Tab arrive as keys instead.
  function sendText(t, keepLines) {
    var s = String(t || '');
    if (keepLines) s = s.replace(/\r\n?/g, '\n');
    var clean = Array.from(s).filter(function (c) {
      var n = c.codePointAt(0);
      return (n >= 32 && n !== 127) || (keepLines && (n === 10 || n === 9));
    }).join('');
    if (clean && Module.calledRun) withHeapString(clean, function (p) { Module._scholion_text_input(p); });
  }
  // The paste dialog takes the whole text of the paste event, whatever its size, with its line
  // breaks and tabs (a typed-into field would cut it).
  function onPaste(e) {
    if (!Module.calledRun || !Module._scholion_paste_wanted()) return;
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    e.stopPropagation();
    withHeapString(text.replace(/\r\n?/g, '\n'), function (p) { Module._scholion_paste_text(p); });
  }
  window.addEventListener('paste', onPaste, true);
  ime.addEventListener('input', function (e) {
    if (e.isComposing) return;
    if (e.inputType && e.inputType.indexOf('insert') !== 0) { ime.value = ''; return; }
    sendText(e.data != null ? e.data : ime.value,
             e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop');
    ime.value = '';
  });
  // Keys are taken at the window, whatever has the focus; the text area gets the focus back so
  // that the text they type still arrives as input events.
  window.addEventListener('keydown', function (e) {
    if (document.activeElement !== ime && e.target === document.body) focusInput();
    if (!e.isComposing) sendKey(e, true);
  }, true);
  window.addEventListener('keyup', function (e) { sendKey(e, false); }, true);
  ime.addEventListener('blur', function () { setTimeout(function () { if (document.activeElement === document.body || document.activeElement === Module.canvas) focusInput(); }, 0); });
  ime.addEventListener('compositionend', function (e) { sendText(e.data); ime.value = ''; });
  // DOM KeyboardEvent.code -> USB HID usage (= SDL scancode) for the keys the app uses.
  var SCANCODES = { Enter: 40, Escape: 41, Backspace: 42, Tab: 43, Space: 44, Minus: 45, Equal: 46,
    BracketLeft: 47, BracketRight: 48, Backslash: 49, Semicolon: 51, Quote: 52, Backquote: 53,
    Comma: 54, Period: 55, Slash: 56, Insert: 73, Home: 74, PageUp: 75, Delete: 76, End: 77,
    PageDown: 78, ArrowRight: 79, ArrowLeft: 80, ArrowDown: 81, ArrowUp: 82, NumpadSubtract: 86,
    NumpadAdd: 87, NumpadEnter: 88, Numpad0: 98, ControlLeft: 224, ShiftLeft: 225, AltLeft: 226,
    MetaLeft: 227, ControlRight: 228, ShiftRight: 229, AltRight: 230, MetaRight: 231 };
  function scancodeOf(code) {
    if (SCANCODES[code]) return SCANCODES[code];
    var m;
    if ((m = /^Key([A-Z])$/.exec(code))) return 4 + m[1].charCodeAt(0) - 65;
    if ((m = /^Digit([0-9])$/.exec(code))) return m[1] === '0' ? 39 : 29 + Number(m[1]);
    if ((m = /^F([0-9]+)$/.exec(code)) && Number(m[1]) <= 12) return 57 + Number(m[1]);
    if ((m = /^Numpad([1-9])$/.exec(code))) return 88 + Number(m[1]);
    return 0;
  }
  function sendKey(e, down) {
    // Ctrl+O opens the file chooser right here, inside the key press: browsers only show a
    // chooser during a user gesture, and the app's next frame may come too late under load.
    if ((e.ctrlKey || e.metaKey) && e.code === 'KeyO') {
      e.preventDefault();
      if (down && !e.repeat && Module.calledRun)
        window.scholionOpenChooser(call('scholion_open_accept', 'string', [], []), true);
      return;
    }
    var sc = scancodeOf(e.code);
    if (!sc || !Module.calledRun) return;
    var mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    call('scholion_key', null, ['number', 'number', 'number'], [sc, down ? 1 : 0, mods]);
    // Keep the browser from acting on keys the app uses, but let printable keys and the
    // clipboard shortcuts through, so their input and paste events still happen.
    var cmd = e.ctrlKey || e.metaKey;
    var clip = cmd && /^Key[CVX]$/.test(e.code);
    var printable = !cmd && e.key && e.key.length === 1;
    if (down && !clip && !printable && e.key !== 'Dead' && e.key !== 'Process') e.preventDefault();
  }
  function focusInput() { if (document.activeElement !== ime) ime.focus({ preventScroll: true }); }
  window.addEventListener('load', function () {
    document.body.appendChild(ime);
    if (Module.canvas) {
      Module.canvas.addEventListener('focus', focusInput);
      Module.canvas.addEventListener('mousedown', function () { setTimeout(focusInput, 0); });
    }
    focusInput();
  });

  window.scholion = {
    version: '@SCHOLION_VERSION@',
    ready: ready,
    documentText: function () { return call('scholion_document_text', 'string', [], []); },
    loadText: function (name, text) {
      withHeapString(text, function (p) { call('scholion_load_text', null, ['string', 'number'], [name, p]); });
    },
    exportJson: function () { return call('scholion_export_json', 'string', [], []); },
    importJson: function (text) {
      var err = withHeapString(text, function (p) { return call('scholion_import_json', 'string', ['number'], [p]); });
      return { ok: !err, error: err || null };
    },
    state: function () { return JSON.parse(call('scholion_state', 'string', [], [])); },
    select: function (start, end) { call('scholion_select', null, ['number', 'number'], [start, end]); },
    // Scrolls the range into view, waits for the frames that lay it out, and returns its first
    // line's rectangle in CSS pixels of the page (null when the range is not in the document).
    spanRect: async function (start, end) {
      var p = Module._malloc(16);
      try {
        var ok = 0;
        for (var i = 0; i < 4; i++) {
          ok = call('scholion_span_rect', 'number', ['number', 'number', 'number'], [start, end, p]);
          await nextFrame(); await nextFrame();
        }
        ok = call('scholion_span_rect', 'number', ['number', 'number', 'number'], [start, end, p]);
        if (!ok) return null;
        return pageRect(p);
      } finally { Module._free(p); }
    },
    // The rectangle (CSS pixels of the page) of a named widget drawn in the last frames, e.g.
    // "attr:negated", "note", "relation-type:meets-with", "palette:Person"; null if not shown.
    widgetRect: function (name) {
      var p = Module._malloc(16);
      try {
        if (!call('scholion_widget_rect', 'number', ['string', 'number'], [name, p])) return null;
        return pageRect(p);
      } finally { Module._free(p); }
    },
    // Frame times (ms, on the clock) recorded since the last call: for benchmarks.
    frameTimes: function () {
      var max = 100000, p = Module._malloc(max * 4);
      try {
        var n = call('scholion_frame_times', 'number', ['number', 'number'], [p, max]);
        return Array.from(Module.HEAPF32.subarray(p >> 2, (p >> 2) + n));
      } finally { Module._free(p); }
    },
    // {frames: run since start, notRedrawn: of those, frames whose picture was already on screen
    // and was not drawn again}: for benchmarks and the idle test.
    frameCounts: function () {
      var p = Module._malloc(16);
      try {
        call('scholion_frame_counts', null, ['number'], [p]);
        return { frames: Module.HEAPF64[p >> 3], notRedrawn: Module.HEAPF64[(p >> 3) + 1] };
      } finally { Module._free(p); }
    },
    flushSave: function () { flush(); },
    // What the app asked the browser to draw because the UI font lacks it (docs/scripts.md):
    // {measured, rasterized, nonEmpty, colored, uiFont: drawn in the UI font, texts: the first 200 pieces}, or null before any.
    glyphs: function () { return Module.scholionGlyphs || null; },
    // ImGui's widget glyphs (docs/scripts.md): {pieces: strings' pieces drawn whole as one glyph
    // each, restarts, colored: the font atlas holds colour glyphs, chars: added one by one}.
    widgetGlyphs: function () {
      var p = Module._malloc(16);
      try {
        call('scholion_widget_glyph_stats', null, ['number'], [p]);
        var a = Module.HEAP32.subarray(p >> 2, (p >> 2) + 4);
        return { pieces: a[0], restarts: a[1], colored: a[2] === 1, chars: a[3] };
      } finally { Module._free(p); }
    },
    // Tests: while held, characters widgets meet are not added to the font atlas (they draw
    // nothing, docs/scripts.md); releasing lets the next frame add them.
    holdWidgetGlyphs: function (on) { Module.scholionHoldWidgetGlyphs = !!on; wake(); },
    lastCopied: function () { return window.scholionLastCopied || ''; },
  };
})();
