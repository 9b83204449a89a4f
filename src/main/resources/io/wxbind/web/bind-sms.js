// Bind page: ask for an SMS code for the typed phone number (the bind ticket authorises it; the
// form token of the page goes with it, as with every change sent to the site).
(function () {
  'use strict';
  var box = document.getElementById('sms-bind');
  if (!box) { return; }
  var button = document.getElementById('sms-send');
  var status = document.getElementById('sms-status');
  button.addEventListener('click', function () {
    var ticket = box.querySelector('input[name=ticket]').value;
    var csrf = box.querySelector('input[name=csrf]').value;
    var phone = document.getElementById('phone').value;
    var body = new URLSearchParams({ ticket: ticket, phone: phone, csrf: csrf });
    button.disabled = true;
    fetch(box.getAttribute('data-send-url'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.sent) {
          status.textContent = 'If this number belongs to an account, a code is on its way.';
          setTimeout(function () { button.disabled = false; }, (res.resendAfterSeconds || 60) * 1000);
        } else {
          status.textContent = res.message || 'Could not send a code.';
          button.disabled = false;
        }
      })
      .catch(function () { status.textContent = 'Could not send a code.'; button.disabled = false; });
  });
})();
