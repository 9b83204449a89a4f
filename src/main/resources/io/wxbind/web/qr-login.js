// QR login: poll this browser's scene; when the scanner is confirmed, finish the login here.
(function () {
  'use strict';
  var box = document.getElementById('qr-login');
  if (!box) { return; }
  var status = document.getElementById('qr-status');
  var texts = {
    pending: 'Waiting for the scan…',
    confirmed: 'Scanned and confirmed. Logging you in…',
    unbound: 'This WeChat is not bound to an account yet. Open the site in WeChat and log in once to bind it.',
    expired: 'The code has expired. Reload the page for a new one.',
    used: 'This code was already used. Reload the page for a new one.'
  };
  var timer = setInterval(function () {
    fetch(box.getAttribute('data-status-url'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        status.setAttribute('data-status', s.status);
        status.textContent = texts[s.status] || s.status;
        if (s.status === 'confirmed') {
          clearInterval(timer);
          location.assign(box.getAttribute('data-complete-url'));
        } else if (s.status !== 'pending') {
          clearInterval(timer);
        }
      });
  }, 1000);
})();
