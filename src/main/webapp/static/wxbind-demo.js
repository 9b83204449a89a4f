// Demo portal: remove a binding, and bind another WeChat by scanning a QR code. The page learns
// the outcome from Server-Sent Events; if those fail it polls the status URL. Every change sends
// the page's form token (the logout form's hidden field) as X-CSRF-Token.
(function () {
  'use strict';

  var token = document.querySelector('input[name=csrf]');
  var changes = { 'X-CSRF-Token': token ? token.value : '' };

  document.querySelectorAll('[data-unbind]').forEach(function (button) {
    button.addEventListener('click', function () {
      fetch(button.getAttribute('data-unbind'), { method: 'DELETE', credentials: 'same-origin', headers: changes })
        .then(function (r) { if (r.ok) { location.reload(); } else { alert('Could not remove the binding.'); } });
    });
  });

  var everywhere = document.getElementById('logout-everywhere');
  if (everywhere) {
    everywhere.addEventListener('click', function () {
      fetch(everywhere.getAttribute('data-post'), { method: 'POST', credentials: 'same-origin', headers: changes })
        .then(function (r) {
          if (r.ok) { location.href = everywhere.getAttribute('data-then'); } else { alert('Could not log out everywhere.'); }
        });
    });
  }

  var start = document.getElementById('qr-bind-start');
  if (!start) { return; }
  var box = document.getElementById('qr-bind');
  var image = document.getElementById('qr-image');
  var status = document.getElementById('qr-status');

  function show(view) {
    status.setAttribute('data-status', view.status);
    var text = {
      pending: 'Scan this code with WeChat.',
      scanned: 'Scanned, confirm on the phone: the person who scanned got a link in WeChat.',
      bound: 'Bound! Your WeChat is now linked to ' + view.account + '.',
      refused: view.message || 'This WeChat is already bound to another account.',
      cancelled: 'Cancelled on the phone. Nothing was bound.',
      expired: 'The code has expired. Create a new one.'
    }[view.status] || view.status;
    status.textContent = text;
    if (view.status !== 'pending') { image.style.opacity = '0.25'; }
  }

  function isOpen(view) { return view.status === 'pending' || view.status === 'scanned'; }

  function poll(url) {
    var timer = setInterval(function () {
      fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (view) {
        show(view);
        if (!isOpen(view)) { clearInterval(timer); }
      });
    }, 1500);
  }

  start.addEventListener('click', function () {
    start.disabled = true;
    fetch(start.getAttribute('data-create'), { method: 'POST', credentials: 'same-origin', headers: changes })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        start.disabled = false;
        if (!res.ok) { status.textContent = res.body.message || 'Could not create a QR code.'; return; }
        box.hidden = false;
        image.src = res.body.imageUrl;
        image.style.opacity = '1';
        image.setAttribute('data-ticket-url', res.body.imageUrl);
        show({ status: 'pending' });
        if (window.EventSource) {
          var events = new EventSource(res.body.eventsUrl);
          events.addEventListener('status', function (e) {
            var view = JSON.parse(e.data);
            show(view);
            if (!isOpen(view)) { events.close(); }
          });
          events.onerror = function () {
            events.close();
            if (isOpen({ status: status.getAttribute('data-status') })) { poll(res.body.statusUrl); }
          };
        } else {
          poll(res.body.statusUrl);
        }
      });
  });
})();
