// Startup: phase marks (window.scholionStartup) and the wasm load, compiled while it downloads.
/* global Module, wasmBinaryFile */
var Module = typeof Module !== 'undefined' ? Module : {};
(function () {
  'use strict';
  // Milliseconds since navigation for each phase, in the order they happen; the same names go
  // to performance.mark('scholion:NAME') for the browser's own profiler.
  var phases = {};
  function mark(name) {
    if (Object.prototype.hasOwnProperty.call(phases, name)) return;
    phases[name] = performance.now();
    try { performance.mark('scholion:' + name); } catch (e) { /* old browsers: the table is enough */ }
  }
  mark('script');
  Module.scholionMark = mark;
  // The phases so far plus the wasm download as the browser saw it (served site only).
  window.scholionStartup = function () {
    var out = { phases: Object.assign({}, phases), wasm: null };
    var entries = performance.getEntriesByType ? performance.getEntriesByType('resource') : [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      if (/\.wasm(\?|$)/.test(e.name))
        out.wasm = { start: e.startTime, responseStart: e.responseStart, end: e.responseEnd,
                     transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
                     decodedBodySize: e.decodedBodySize };
    }
    return out;
  };

  // The bytes of an embedded (SINGLE_FILE) module: Uint8Array.fromBase64 where the browser has
  // it, else an atob loop; both much faster than fetching the data: URI.
  function embeddedBytes(uri) {
    var b64 = uri.slice(uri.indexOf(',') + 1);
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    var s = atob(b64);
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }
  // Compiles while downloading (needs the application/wasm type); any other answer or a
  // browser without streaming falls back to compiling the downloaded bytes.
  function compileServed(url) {
    var request = fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('the server answered ' + r.status + ' for ' + url);
      return r;
    });
    if (!WebAssembly.compileStreaming) {
      return request.then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    }
    return request.then(function (r) {
      var copy = r.clone();
      return WebAssembly.compileStreaming(r).catch(function (e) {
        console.warn('Scholion: streaming compilation failed (' + e + '); compiling the downloaded file');
        return copy.arrayBuffer().then(WebAssembly.compile);
      });
    });
  }
  Module.instantiateWasm = function (imports, receiveInstance) {
    // Emscripten's own name for the module: the served file, or a data: URI in the offline page.
    var file = wasmBinaryFile;
    var compiled = /^data:/.test(file)
      ? Promise.resolve(file).then(embeddedBytes).then(function (b) { mark('download'); return WebAssembly.compile(b); })
      : compileServed(file);
    compiled.then(function (module) {
      mark('compile');
      return WebAssembly.instantiate(module, imports).then(function (instance) {
        mark('instantiate');
        receiveInstance(instance, module);
      });
    }).catch(function (e) {
      var msg = 'the program could not be loaded (' + (e && e.message ? e.message : e) + ')';
      if (Module.scholionFatal) Module.scholionFatal(msg);
      else console.error('Scholion: ' + msg);
    });
    return {};  // the exports arrive later, through receiveInstance
  };
})();
