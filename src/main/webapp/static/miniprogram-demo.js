// Demo mini program: the lazy-login client over the real JSON API. wx.login is played by the
// simulator's control API (what WeChat's client would do for the chosen person); everything else
// is what a mini program sends: /api/wechat/miniprogram/session, /bind, and bearer API calls.
(function () {
  'use strict';

  var root = document.getElementById('mini-program');
  var appId = root.getAttribute('data-app-id');
  var sim = root.getAttribute('data-sim');
  var select = document.getElementById('person');
  var logEl = document.getElementById('log');
  var bindForm = document.getElementById('bind-form');
  var bindError = document.getElementById('bind-error');
  var pendingBind = null;

  function log(line) {
    logEl.textContent += line + '\n';
  }

  // Logs each request the client makes (never the token itself).
  function loggingFetch(url, init) {
    var method = (init && init.method) || 'GET';
    var path = url.replace(/^https?:\/\/[^/]+/, '');
    return fetch(url, init).then(function (r) {
      log(method + ' ' + path + ' → ' + r.status);
      return r;
    });
  }

  function wxLogin() {
    return fetch(sim + '/client/login', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({appid: appId, person: select.value})
    }).then(function (r) {
      if (!r.ok) { throw new Error('wx.login failed: ' + r.status); }
      log('wx.login → a new code');
      return r.json();
    }).then(function (j) { return j.code; });
  }

  // An unbound WeChat: show the bind form; the login resolves when the person binds (or gives up).
  function askToBind(session) {
    return new Promise(function (resolve) {
      pendingBind = {ticket: session.bindTicket, resolve: resolve};
      bindError.textContent = '';
      bindForm.hidden = false;
      document.getElementById('mp-username').focus();
    });
  }

  bindForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!pendingBind) { return; }
    loggingFetch(base() + '/api/wechat/miniprogram/bind', {
      method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify({bindTicket: pendingBind.ticket, username: document.getElementById('mp-username').value,
        password: document.getElementById('mp-password').value})
    }).then(function (r) {
      return r.json().then(function (body) {
        if (r.ok) {
          bindForm.hidden = true;
          var done = pendingBind;
          pendingBind = null;
          done.resolve(body.access_token);
        } else {
          bindError.textContent = body.message || 'Could not bind.';
          if (r.status !== 401) { // the ticket is spent: start again
            var failed = pendingBind;
            pendingBind = null;
            failed.resolve(null);
          }
        }
      });
    });
  });

  document.getElementById('mp-cancel').addEventListener('click', function () {
    bindForm.hidden = true;
    if (pendingBind) { pendingBind.resolve(null); pendingBind = null; }
  });

  function base() {
    return location.pathname.replace(/\/[^/]*$/, '');
  }

  var client = null;
  function api() {
    if (!client) {
      client = WxBindClient.create({baseUrl: base(), appId: appId, loginCode: wxLogin, fetch: loggingFetch, onUnbound: askToBind});
    }
    return client;
  }

  function callMe() {
    return api().fetch('/api/me', {headers: {'Accept': 'application/json'}}).then(function (r) {
      return r.json().then(function (body) {
        document.getElementById('mp-logins').textContent = String(api().loginCount());
        if (r.ok && body.user) {
          document.getElementById('mp-caller').textContent = body.user;
        }
        return r.status;
      });
    }).catch(function (e) { log('failed: ' + e.message); });
  }

  document.getElementById('call-me').addEventListener('click', callMe);
  document.getElementById('call-three').addEventListener('click', function () {
    Promise.all([callMe(), callMe(), callMe()]).then(function (s) { log('3 calls answered: ' + s.join(', ')); });
  });
  document.getElementById('forget').addEventListener('click', function () {
    api().forget();
    document.getElementById('mp-caller').textContent = '(nobody yet)';
    log('token forgotten');
  });
  select.addEventListener('change', function () {
    client = null; // another person: another client, no token
    document.getElementById('mp-caller').textContent = '(nobody yet)';
    document.getElementById('mp-logins').textContent = '0';
  });

  fetch(sim + '/people').then(function (r) { return r.json(); }).then(function (j) {
    j.people.forEach(function (p) {
      var o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.nickname || p.id;
      select.appendChild(o);
    });
    var wanted = new URLSearchParams(location.search).get('person');
    if (wanted) { select.value = wanted; }
    root.setAttribute('data-ready', 'true');
  });
}());
