// The WxBind admin page: plain DOM on the admin API (no build step). Every value from the server
// goes in through textContent, never as HTML: nicknames and user agents come from strangers.
(function () {
  'use strict';
  var api = document.querySelector('meta[name="wxbind-api"]').getAttribute('content');
  var message = document.getElementById('message');
  var results = document.getElementById('results');
  var lastSearch = null;

  function say(state, text) {
    message.setAttribute('data-state', state);
    message.textContent = text;
  }

  function call(method, path) {
    return fetch(api + path, {method: method, credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (r.status === 204) {
          return {status: 204, body: null};
        }
        return r.json().then(function (b) { return {status: r.status, body: b}; },
          function () { return {status: r.status, body: {error: 'http_' + r.status, message: 'Unexpected answer.'}}; });
      });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (c) {
      var td = el('td');
      if (c instanceof Node) {
        td.appendChild(c);
      } else {
        td.textContent = c === null || c === undefined ? '' : String(c);
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function table(headers, rows) {
    var t = el('table');
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', h)); });
    var thead = el('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    var body = el('tbody');
    rows.forEach(function (r) { body.appendChild(r); });
    t.appendChild(body);
    return t;
  }

  function confirmThen(text, action) {
    var box = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    box.hidden = false;
    var yes = document.getElementById('confirm-yes');
    var no = document.getElementById('confirm-no');
    function close() {
      box.hidden = true;
      yes.onclick = null;
      no.onclick = null;
    }
    yes.onclick = function () { close(); action(); };
    no.onclick = function () { close(); say('idle', 'Nothing was changed.'); };
  }

  function search(by, value, doneText) {
    lastSearch = {by: by, value: value};
    say('loading', 'Searching…');
    results.textContent = '';
    call('GET', '/admin/lookup?' + encodeURIComponent(by) + '=' + encodeURIComponent(value)).then(function (r) {
      if (r.status !== 200) {
        say(doneText ? 'done' : 'error', doneText ? doneText + ' ' + (r.body.message || '') : (r.body.message || ('Error ' + r.status)));
        return;
      }
      say(doneText ? 'done' : 'found', doneText || (r.body.accounts.length + ' account(s) found.'));
      r.body.accounts.forEach(function (a) { results.appendChild(account(a)); });
    }, function () { say('error', 'The server did not answer.'); });
  }

  function account(a) {
    var box = el('div', null, 'account');
    box.setAttribute('data-account', a.name);
    box.appendChild(el('h3', a.name));
    box.appendChild(el('p', (a.exists ? (a.enabled ? 'enabled' : 'disabled') : 'not in the account directory')
      + (a.groups.length ? ' · groups: ' + a.groups.join(', ') : ''), 'muted'));
    var logout = el('button', 'Log out everywhere', 'danger logout');
    logout.type = 'button';
    logout.onclick = function () {
      confirmThen('End every session and token of ' + a.name + '?', function () {
        call('POST', '/admin/accounts/' + encodeURIComponent(a.name) + '/logout-everywhere').then(function (r) {
          done(r, 'Every session and token of ' + a.name + ' has ended.');
        });
      });
    };
    box.appendChild(logout);
    box.appendChild(el('h3', 'WeChat bindings'));
    if (!a.bindings.length) {
      box.appendChild(el('p', 'None.', 'muted'));
    } else {
      box.appendChild(table(['Id', 'App', 'openid', 'unionid', 'Nickname', 'Bound', 'Last login', ''],
        a.bindings.map(function (b) {
          var unbind = el('button', 'Unbind', 'danger unbind');
          unbind.type = 'button';
          unbind.onclick = function () {
            confirmThen('Unbind openid ' + b.openId + ' (app ' + b.appId + ') from ' + a.name
              + '? Every session and token of the account ends.', function () {
              call('DELETE', '/admin/bindings/' + encodeURIComponent(b.id)).then(function (r) {
                done(r, 'The binding was removed.');
              });
            });
          };
          var tr = row([b.id, b.appId, b.openId, b.unionId, b.nickname, b.boundAt, b.lastLoginAt, unbind]);
          tr.setAttribute('data-binding', b.id);
          return tr;
        })));
    }
    box.appendChild(el('h3', 'Recent audit entries'));
    var audit = el('div', 'Loading…', 'audit');
    box.appendChild(audit);
    call('GET', '/admin/audit?limit=20&account=' + encodeURIComponent(a.name)).then(function (r) {
      audit.textContent = '';
      if (r.status !== 200) {
        audit.appendChild(el('p', r.body.message, 'muted'));
        return;
      }
      audit.appendChild(table(['When', 'Kind', 'Account', 'About', 'App', 'How', 'Reason', 'Client'],
        r.body.entries.map(function (e) {
          var tr = row([e.at, e.kind, e.account, e.subject, e.app, e.method, e.reason, e.clientAddress]);
          tr.setAttribute('data-entry', e.id);
          return tr;
        })));
      audit.setAttribute('data-loaded', 'true');
    });
    return box;
  }

  function done(r, text) {
    if (r.status === 204 || r.status === 200) {
      if (lastSearch) {
        search(lastSearch.by, lastSearch.value, text);
      } else {
        say('done', text);
      }
    } else {
      say('error', (r.body && r.body.message) || ('Error ' + r.status));
    }
  }

  function apps() {
    call('GET', '/admin/wechat/apps').then(function (r) {
      var body = document.querySelector('#apps tbody');
      if (r.status !== 200) {
        body.appendChild(row([r.body.message]));
        return;
      }
      r.body.apps.forEach(function (a) {
        var t = a.serverToken;
        var token = !t.kept ? 'not kept here' : (t.usable ? 'usable, expires in ' + t.expiresInSeconds + ' s' : 'not usable')
          + ' · refreshed ' + t.refreshCount + '×' + (t.lastError ? ' · last failure: ' + t.lastError : '');
        var push = a.push.configured ? a.push.mode + ' at ' + a.push.path : 'not configured';
        var tr = row([a.appId, a.type, token, push, a.qr.createdToday + ' / ' + a.qr.dailyQuota + ' (' + a.qr.day + ')']);
        tr.setAttribute('data-app', a.appId);
        body.appendChild(tr);
      });
      document.getElementById('apps').setAttribute('data-loaded', 'true');
    });
  }

  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = document.getElementById('search-value').value.trim();
    if (value) {
      search(document.getElementById('search-by').value, value);
    }
  });
  apps();
}());
