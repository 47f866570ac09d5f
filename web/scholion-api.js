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
  function nextFrame() { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); }
  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }

  Module.canvas = document.getElementById('canvas');
  Module.print = function (t) { console.log(t); };
  Module.printErr = function (t) { console.warn(t); };
  Module.scholionFirstFrame = function () { setStatus(''); resolveReady(); };
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
    var input = document.getElementById('scholion-file-input');
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = 'scholion-file-input';
      input.style.display = 'none';
      document.body.appendChild(input);
      input.addEventListener('change', function () { sendFiles(input.files).then(function () { input.value = ''; }); });
    }
    input.accept = accept;
    input.multiple = !!multiple;
    input.click();
  };
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files) sendFiles(e.dataTransfer.files);
  });
  // Animation frames stop in background tabs: save when the page is hidden or closed.
  function flush() { if (Module.calledRun) try { Module._scholion_flush_save(); } catch (e) {} }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);
  window.addEventListener('load', function () { if (Module.canvas) Module.canvas.focus(); });

  window.scholion = {
    version: '@SCHOLION_VERSION@',
    ready: ready,
    documentText: function () { return call('scholion_document_text', 'string', [], []); },
    loadText: function (name, text) { call('scholion_load_text', null, ['string', 'string'], [name, text]); },
    exportJson: function () { return call('scholion_export_json', 'string', [], []); },
    importJson: function (text) {
      var err = call('scholion_import_json', 'string', ['string'], [text]);
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
        var f = Module.HEAPF32.subarray(p >> 2, (p >> 2) + 4);
        var box = Module.canvas.getBoundingClientRect();
        return { x: box.left + f[0], y: box.top + f[1], w: f[2], h: f[3] };
      } finally { Module._free(p); }
    },
    // The rectangle (CSS pixels of the page) of a named widget drawn in the last frames, e.g.
    // "attr:negated", "note", "relation-type:meets-with", "palette:Person"; null if not shown.
    widgetRect: function (name) {
      var p = Module._malloc(16);
      try {
        if (!call('scholion_widget_rect', 'number', ['string', 'number'], [name, p])) return null;
        var f = Module.HEAPF32.subarray(p >> 2, (p >> 2) + 4);
        var box = Module.canvas.getBoundingClientRect();
        return { x: box.left + f[0], y: box.top + f[1], w: f[2], h: f[3] };
      } finally { Module._free(p); }
    },
    // Frame CPU times (ms) recorded since the last call: for benchmarks.
    frameTimes: function () {
      var max = 100000, p = Module._malloc(max * 4);
      try {
        var n = call('scholion_frame_times', 'number', ['number', 'number'], [p, max]);
        return Array.from(Module.HEAPF32.subarray(p >> 2, (p >> 2) + n));
      } finally { Module._free(p); }
    },
    flushSave: function () { flush(); },
    lastCopied: function () { return window.scholionLastCopied || ''; },
  };
})();
