// The autosave's storage in the browser (IndexedDB, read before the app starts; each save one
// transaction) and the tabs of the site: one edits, the others follow it read-only (Web Locks +
// BroadcastChannel). Bundled as --pre-js; the C++ side reaches it through Module.scholionStore.
/* global Module, addRunDependency, removeRunDependency */
var Module = typeof Module !== 'undefined' ? Module : {};
(function () {
  'use strict';
  var DB_NAME = 'scholion', STORE = 'records', LOCK = 'scholion-edit', PREFIX = 'scholion:';
  var cache = new Map();  // every record as last committed, for the app's synchronous reads
  // Since the last commit: key -> value, or null to remove. The app hands over large records in
  // parts of about 64 KB, one per frame; they wait here until the commit stores them all.
  var staged = new Map();
  var db = null;          // null: localStorage instead (IndexedDB unavailable)
  var commitState = 0, commitError = '', inFlight = 0, idleWaiters = [];
  var usage = 0, quota = 0, persisted = null;
  var mode = 0;           // 0 this tab edits, 1 handing over to another tab, 2 following another tab
  var releaseLock = null, channel = null, tabId = Math.random().toString(36).slice(2);

  function req(r) {
    return new Promise(function (res, rej) {
      r.onsuccess = function () { res(r.result); };
      r.onerror = function () { rej(r.error); };
    });
  }
  function openDb() {
    return new Promise(function (res, rej) {
      var r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = function () { r.result.createObjectStore(STORE); };
      r.onsuccess = function () { res(r.result); };
      r.onerror = function () { rej(r.error); };
      r.onblocked = function () { rej(new Error('the database is blocked by another tab')); };
    });
  }
  // Every record into the cache (the app reads them synchronously while it starts or reloads).
  function readAll() {
    if (!db) {
      cache.clear();
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0) cache.set(k.slice(PREFIX.length), localStorage.getItem(k));
      }
      return Promise.resolve();
    }
    var st = db.transaction(STORE, 'readonly').objectStore(STORE);
    return Promise.all([req(st.getAllKeys()), req(st.getAll())]).then(function (kv) {
      cache.clear();
      kv[0].forEach(function (k, i) { cache.set(String(k), kv[1][i]); });
    });
  }
  // Saves of earlier versions were in localStorage under scholion:...: copied into IndexedDB
  // once, removed from localStorage only after that transaction committed.
  function migrate() {
    var keys = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX + 'autosave/') === 0) keys.push(k);
      }
    } catch (e) { return Promise.resolve(); }
    var have = Array.from(cache.keys()).some(function (k) { return k.indexOf('autosave/') === 0; });
    if (!keys.length || have) return Promise.resolve();
    return new Promise(function (res) {
      var tx = db.transaction(STORE, 'readwrite');
      keys.forEach(function (k) { tx.objectStore(STORE).put(localStorage.getItem(k), k.slice(PREFIX.length)); });
      tx.oncomplete = function () {
        keys.forEach(function (k) { cache.set(k.slice(PREFIX.length), localStorage.getItem(k)); localStorage.removeItem(k); });
        res();
      };
      tx.onabort = function () {  // kept where it was; read from there this time
        console.warn('Scholion: could not move the saved work into IndexedDB (' + tx.error + ')');
        keys.forEach(function (k) { cache.set(k.slice(PREFIX.length), localStorage.getItem(k)); });
        res();
      };
    });
  }
  function refreshEstimate() {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve();
    return navigator.storage.estimate().then(function (e) { usage = e.usage || 0; quota = e.quota || 0; }, function () {});
  }
  function wake() { if (Module.calledRun) try { Module._scholion_wake(); } catch (e) { /* not started */ } }
  function failureMessage(e) {
    var name = e && e.name ? e.name : String(e);
    if (name === 'QuotaExceededError' || (e && (e.code === 22 || e.code === 1014)))
      return 'The browser storage is full, so your latest changes are kept only in this tab (nothing saved before was changed): export them to a file, or free space in the browser\'s site settings; saving is tried again.';
    return 'The browser storage is not available (' + name + '): your work is not being saved there. Export it to a file.';
  }
  function settle(ok, ops, error) {
    inFlight--;
    if (ok) {
      ops.forEach(function (op) { if (op[1] === null) cache.delete(op[0]); else cache.set(op[0], op[1]); });
      if (!inFlight) { commitState = 0; commitError = ''; }
      if (channel && mode !== 2) channel.postMessage({ type: 'saved', from: tabId });
      refreshEstimate();
    } else {
      commitState = 2;
      commitError = failureMessage(error);
    }
    if (!inFlight) idleWaiters.splice(0).forEach(function (f) { f(); });
    wake();
  }
  // Writes and removals since the last commit, all or nothing: one transaction, fed one put at a
  // time from its own callbacks, so that no task of the page serialises megabytes at once. Until
  // it completes, the store holds the previous save unchanged (a reload meanwhile aborts it).
  // The app asks for the commit inside a frame; the transaction starts in a task of its own right
  // after it, so that the frame does not pay for it (a page's first read-write transaction costs
  // milliseconds). A flush (the page going away) runs it at once (runPending).
  var deferred = null;
  function commit() {
    var ops = Array.from(staged);
    staged = new Map();
    if (!ops.length) return;
    commitState = 1;
    inFlight++;
    deferred = ops;
    setTimeout(runPending, 0);
  }
  function runPending() {
    var ops = deferred;
    deferred = null;
    if (ops) store(ops);
  }
  function store(ops) {
    if (!db) {  // localStorage: undone by hand if one write fails
      var before = [];
      try {
        ops.forEach(function (op) {
          var k = PREFIX + op[0];
          before.push([k, localStorage.getItem(k)]);
          if (op[1] === null) localStorage.removeItem(k); else localStorage.setItem(k, op[1]);
        });
      } catch (e) {
        before.reverse().forEach(function (b) { try { if (b[1] === null) localStorage.removeItem(b[0]); else localStorage.setItem(b[0], b[1]); } catch (e2) { /* as before */ } });
        setTimeout(function () { settle(false, ops, e); }, 0);
        return;
      }
      setTimeout(function () { settle(true, ops); }, 0);
      return;
    }
    var tx, next = 0;
    function feed() {
      var st = tx.objectStore(STORE);
      while (next < ops.length) {
        var op = ops[next++];
        if (op[1] === null) { st.delete(op[0]); continue; }
        st.put(op[1], op[0]).onsuccess = feed;
        return;
      }
    }
    try {
      tx = db.transaction(STORE, 'readwrite');
      feed();
    } catch (e) {
      setTimeout(function () { settle(false, ops, e); }, 0);
      return;
    }
    tx.oncomplete = function () { settle(true, ops); };
    tx.onabort = function () { settle(false, ops, tx.error || new Error('the transaction was aborted')); };
  }
  function whenIdle() { return inFlight ? new Promise(function (r) { idleWaiters.push(r); }) : Promise.resolve(); }
  function mb(n) { return (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0) + ' MB'; }

  Module.scholionStore = {
    set: function (k, v) { staged.delete(k); staged.set(k, v); },
    get: function (k) { return cache.has(k) ? cache.get(k) : null; },
    remove: function (k) { staged.delete(k); staged.set(k, null); },
    commit: commit,
    runPending: runPending,
    state: function () { return commitState; },
    error: function () { return commitError; },
    usage: function () { return usage; },
    quota: function () { return quota; },
    mode: function () { return mode; },
    // What the status bar shows on hover.
    summary: function () {
      var where = db ? 'Saved in this browser (IndexedDB)' : 'Saved in this browser (localStorage, about 5 MB)';
      var size = quota ? ': ' + mb(usage) + ' used of ' + mb(quota) + ' this site may use.' : '.';
      var keep = persisted === true ? ' Persistent: the browser keeps it when disk space runs low.'
        : persisted === false ? ' Not persistent: the browser may clear it when disk space runs low; export work you need to keep.' : '';
      return where + size + keep;
    },
  };

  // ---- tabs ----------------------------------------------------------------------------------
  function call(name, arg) { if (Module.calledRun) try { return Module['_' + name](arg); } catch (e) { console.warn('Scholion: ' + e); } return 0; }
  function banner(show, text) {
    var bar = document.getElementById('scholion-tabs');
    if (!show) { if (bar) bar.remove(); return; }
    if (!bar) {
      bar = document.createElement('div');
      bar.id = 'scholion-tabs';
      bar.setAttribute('role', 'alert');
      var msg = document.createElement('span');
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Edit here instead';
      button.addEventListener('click', function () {
        button.disabled = true;
        msg.textContent = 'Waiting for the other tab to save its work…';
        if (channel) channel.postMessage({ type: 'takeover', from: tabId });
      });
      bar.append(msg, button);
      (document.body || document.documentElement).appendChild(bar);
    }
    bar.firstChild.textContent = text || 'This workspace is being edited in another tab. This tab shows it read-only and follows that tab\'s saves.';
    bar.lastChild.disabled = false;
  }
  function holdLock() { return new Promise(function (r) { releaseLock = r; }); }
  // Queued behind the editing tab: granted when it closes or hands over.
  function waitForLock() {
    navigator.locks.request(LOCK, function () {
      return readAll().then(function () {
        mode = 0;
        if (Module.calledRun) { call('scholion_reload_saved'); call('scholion_set_tab_mode', 0); }
        banner(false);
        return holdLock();
      });
    });
  }
  // Another tab asks to edit: save everything left, then let it have the lock.
  function handOver() {
    if (mode !== 0) return;
    mode = 1;
    call('scholion_set_tab_mode', 1);
    var tries = 0;
    (function drain() {
      call('scholion_flush_save');
      whenIdle().then(function () {
        call('scholion_flush_save');  // takes in the answer, starts what changed meanwhile
        if (call('scholion_unsaved') && ++tries < 20) return whenIdle().then(drain);
        if (call('scholion_unsaved') || commitState === 2) {  // could not save: keep editing
          mode = 0;
          call('scholion_set_tab_mode', 0);
          channel.postMessage({ type: 'refused', from: tabId, reason: commitError });
          return;
        }
        mode = 2;
        call('scholion_set_tab_mode', 2);
        banner(true);
        var release = releaseLock;
        releaseLock = null;
        if (release) release();
        waitForLock();
      });
    })();
  }
  function onMessage(e) {
    var m = e.data || {};
    if (m.from === tabId) return;
    if (m.type === 'takeover') handOver();
    else if (m.type === 'refused' && mode === 2)
      banner(true, 'The other tab could not save its work (' + (m.reason || 'storage refused') + '), so it keeps editing. Export from there, or free space and try again.');
    else if (m.type === 'saved' && mode === 2) {
      // The editing tab's scroll position alone (its UI record) is not this tab's business: the
      // records are read again only when the manifest changed.
      var manifest = cache.get('autosave/v2/manifest');
      var latest = db ? req(db.transaction(STORE, 'readonly').objectStore(STORE).get('autosave/v2/manifest'))
        : Promise.resolve(localStorage.getItem(PREFIX + 'autosave/v2/manifest'));
      latest.then(function (now) {
        if (now === manifest || mode !== 2) return;
        return readAll().then(function () { if (mode === 2) call('scholion_reload_saved'); });
      });
    }
  }
  // Decides whether this tab edits: the lock if no other tab holds it, else follow.
  function startTabs() {
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel('scholion');
      channel.onmessage = onMessage;
    }
    if (!navigator.locks || !channel) return Promise.resolve();  // older browsers: one tab's view
    // A reloading tab lets go of the lock only as its old page is torn down: wait a moment
    // before deciding that another tab edits.
    var signal = typeof AbortSignal !== 'undefined' && AbortSignal.timeout ? AbortSignal.timeout(700) : undefined;
    return new Promise(function (decided) {
      navigator.locks.request(LOCK, signal ? { signal: signal } : { ifAvailable: true }, function (lock) {
        decided();
        if (!lock) { mode = 2; return null; }
        return holdLock();
      }).catch(function () { mode = 2; decided(); });
    }).then(function () { if (mode === 2) waitForLock(); });
  }
  window.addEventListener('DOMContentLoaded', function () { if (mode === 2) banner(true); });

  var ready = (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDb())
    .then(function (d) { db = d; }, function (e) { console.warn('Scholion: IndexedDB unavailable (' + e + '); using localStorage'); })
    .then(startTabs)
    .then(readAll)
    .then(function () { return db ? migrate() : null; })
    .then(function () { if (Module.scholionMark) Module.scholionMark('store'); })
    .then(function () {
      if (navigator.storage && navigator.storage.persist)
        navigator.storage.persist().then(function (p) { persisted = p; }, function () {});
      return refreshEstimate();
    })
    .catch(function (e) { console.warn('Scholion: saved work could not be read (' + e + ')'); });
  Module.preRun = Module.preRun || [];
  Module.preRun.push(function () {
    addRunDependency('scholion-store');
    ready.then(function () {
      if (mode === 2 && document.body) banner(true);
      removeRunDependency('scholion-store');
    });
  });
})();
