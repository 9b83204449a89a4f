// QR login: follow this browser's scene by Server-Sent Events (polling the status URL if they
// fail); once the phone confirmed, finish the login here. A scan alone only shows "scanned".
(function () {
  'use strict';
  var box = document.getElementById('qr-login');
  if (!box) { return; }
  var status = document.getElementById('qr-status');
  var image = document.getElementById('qr-image');
  var texts = {
    pending: 'Waiting for the scan…',
    scanned: 'Scanned, confirm on your phone: open the link WeChat just sent you.',
    confirmed: 'Confirmed on your phone. Logging you in…',
    cancelled: 'Cancelled on the phone. Nothing happened; reload the page for a new code.',
    unbound: 'This WeChat is not bound to an account yet. Open the site in WeChat and log in once to bind it.',
    refused: 'This code cannot be used. Reload the page for a new one.',
    expired: 'The code has expired. Reload the page for a new one.',
    used: 'This code was already used. Reload the page for a new one.'
  };
  var done = false;

  function show(view) {
    if (done) { return; }
    status.setAttribute('data-status', view.status);
    // A refusal says why when the server knows (e.g. a WeChat bound to two accounts).
    status.textContent = (view.status === 'refused' && view.message) || texts[view.status] || view.status;
    if (view.status !== 'pending' && image) { image.style.opacity = '0.25'; }
    if (view.status === 'confirmed') {
      done = true;
      location.assign(box.getAttribute('data-complete-url'));
    } else if (view.status !== 'pending' && view.status !== 'scanned') {
      done = true;
    }
  }

  function poll() {
    var timer = setInterval(function () {
      if (done) { clearInterval(timer); return; }
      fetch(box.getAttribute('data-status-url'), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) { return r.json(); })
        .then(show)
        .catch(function () {});
    }, 1000);
  }

  if (!window.EventSource) { poll(); return; }
  var events = new EventSource(box.getAttribute('data-events-url'));
  events.addEventListener('status', function (e) {
    show(JSON.parse(e.data));
    if (done) { events.close(); }
  });
  events.onerror = function () {
    events.close();
    if (!done) { poll(); }
  };
})();
