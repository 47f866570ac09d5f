// Offline app: registers the service worker (web/sw.js) and offers a reload when a new version is in.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  var accepted = false;
  // A banner under the page's own control (not the canvas), with a real button.
  function offer(worker) {
    if (document.getElementById('scholion-update')) return;
    var bar = document.createElement('div');
    bar.id = 'scholion-update';
    bar.setAttribute('role', 'status');
    var text = document.createElement('span');
    text.textContent = 'A new version of Scholion is ready. Your work is saved.';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload to update';
    button.addEventListener('click', function () {
      accepted = true;
      button.disabled = true;
      if (window.scholion) window.scholion.flushSave();
      worker.postMessage('scholion:activate');
    });
    var later = document.createElement('button');
    later.type = 'button';
    later.className = 'later';
    later.textContent = 'Later';
    later.addEventListener('click', function () { bar.remove(); });
    bar.append(text, button, later);
    document.body.appendChild(bar);
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (accepted) window.location.reload();
  });
  function register() {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      // A worker already waiting (installed during an earlier visit) or one installed now.
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
        });
      });
    }).catch(function (e) { console.warn('Scholion: no offline copy (' + (e && e.message ? e.message : e) + ')'); });
  }
  // After the first frame, so that installing (which downloads the app once more) never slows
  // the start.
  var started = window.scholion && window.scholion.ready;
  if (started) started.then(register, function () {});
  else window.addEventListener('load', register);
})();
