// Service worker: keeps the app (page, script, wasm) in Cache Storage so later visits open offline.
/* eslint-env serviceworker */
'use strict';
// The build fills in a hash of the app's files: a new build is a new service worker, which the
// browser installs next to the old one; the page then offers a reload (web/scholion-api.js).
var BUILD = '@SCHOLION_BUILD_ID@';
var CACHE = 'scholion-' + BUILD;
var APP = ['./', 'scholion.css', 'scholion.js', 'scholion.wasm', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', function (event) {
  // A fresh copy of every file, past the HTTP cache: the cache must hold one build, not a mix.
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(APP.map(function (u) { return new Request(u, { cache: 'reload' }); }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('scholion-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', function (event) {
  if (event.data === 'scholion:activate') self.skipWaiting();
  if (event.data === 'scholion:build' && event.source) event.source.postMessage({ build: BUILD });
});

// App files come from the cache (the page itself whatever its ?query, e.g. ?open=...); everything
// else (documents opened by address) goes to the network as usual.
self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  var scope = new URL(self.registration.scope);
  var rel = url.pathname.indexOf(scope.pathname) === 0 ? url.pathname.slice(scope.pathname.length) : null;
  if (rel === null) return;
  if (rel === '' || rel === 'index.html') rel = './';
  if (APP.indexOf(rel) < 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(rel).then(function (hit) { return hit || fetch(req); });
  }));
});
