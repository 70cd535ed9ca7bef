/* Registers the service worker (dist/sw.js): offline after the first visit, and a new version
 * announced, never forced. Why each step: ARCHITECTURE.md, "Offline and single file". */
(function () {
  'use strict';
  if (!(location.protocol === 'http:' || location.protocol === 'https:') || !('serviceWorker' in navigator)) return;
  var sw = navigator.serviceWorker;
  var waiting = null;
  var requested = false;
  var reloaded = false;

  function announce(worker) {
    waiting = worker;
    document.documentElement.setAttribute('data-update-ready', '');
    window.dispatchEvent(new CustomEvent('shirube-update-ready'));
  }

  // Reload once, and only when the user asked (the first install's clients.claim() also
  // changes the controller: that must not reload anything).
  sw.addEventListener('controllerchange', function () {
    if (!requested || reloaded) return;
    reloaded = true;
    location.reload();
  });

  window.shirubeApplyUpdate = function () {
    if (!waiting) return false;
    requested = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
    return true;
  };

  sw.register('./sw.js', { scope: './', updateViaCache: 'none' }).then(function (reg) {
    if (!reg) return; // e.g. registration blocked by a test harness
    // A new version may already be installing (the browser checks on navigation, before this
    // runs), or start later: follow it either way.
    var follow = function (worker) {
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && sw.controller) announce(worker);
      });
    };
    if (reg.waiting && sw.controller) announce(reg.waiting);
    else if (reg.installing) follow(reg.installing);
    reg.addEventListener('updatefound', function () {
      if (reg.installing) follow(reg.installing);
    });
  }).catch(function (err) {
    // No sw.js (e.g. `trunk serve`), or the browser refuses: the app works, just not offline.
    console.warn('Shirube: offline use is not available (' + (err && err.message) + ')');
    // Where sw.js is gone for good (the server answers 404, e.g. `trunk serve` on an address
    // that once hosted a build), a worker left from before would keep serving that old build:
    // remove it. Offline, fetch fails and nothing is removed.
    fetch('./sw.js', { method: 'HEAD', cache: 'no-store' }).then(function (r) {
      if (r.status !== 404) return;
      sw.getRegistration('./').then(function (reg) { if (reg) reg.unregister(); });
    }).catch(function () {});
  });
})();
