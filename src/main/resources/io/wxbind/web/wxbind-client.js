/*
 * WxBind API client: lazy login for mini programs and single-page apps.
 *
 * Browse freely; log in only when an API says so. Every request goes out with the stored bearer
 * token (if any). A 401 whose WWW-Authenticate says Bearer logs in once, mini-program style
 * (a wx.login code -> POST /api/wechat/miniprogram/session -> API token), and the request is
 * retried once with the new token. Concurrent 401s share that one login. An unbound WeChat user
 * is handed to onUnbound (with the bind ticket), which binds and resolves to the token, or to
 * null to give up (the caller then sees the original 401).
 *
 *   const api = WxBindClient.create({
 *     baseUrl: 'https://example.com/wxbind',          // the WAR's context root
 *     appId: 'wx7e6d5c4b3a291807',                     // the mini program's appid
 *     loginCode: () => new Promise((ok, fail) => wx.login({success: r => ok(r.code), fail})),
 *     fetch: myWxRequestAdapter,                       // default: the global fetch
 *     storage: {get, set, remove},                     // default: memory only
 *     onUnbound: session => askToBind(session.bindTicket) // resolves to a token or null
 *   });
 *   const res = await api.fetch('/api/me');
 *
 * The token is the only secret it holds; it never logs it.
 */
(function (global) {
  'use strict';

  var SESSION_PATH = '/api/wechat/miniprogram/session';

  function memoryStorage() {
    var value = null;
    return {
      get: function () { return value; },
      set: function (v) { value = v; },
      remove: function () { value = null; }
    };
  }

  /** A 401 that asks for a bearer token (not, say, a wrong password answered with 401). */
  function wantsBearer(response) {
    if (response.status !== 401) {
      return false;
    }
    var challenge = response.headers && response.headers.get ? response.headers.get('WWW-Authenticate') : null;
    return !challenge || /^\s*Bearer\b/i.test(challenge);
  }

  function LoginError(code, message, status) {
    var e = new Error(message || code);
    e.name = 'WxBindLoginError';
    e.code = code;
    e.status = status;
    return e;
  }

  function create(options) {
    if (!options || !options.appId || typeof options.loginCode !== 'function') {
      throw new Error('WxBindClient.create needs appId and loginCode');
    }
    var base = (options.baseUrl || '').replace(/\/+$/, '');
    var doFetch = options.fetch || (global.fetch && global.fetch.bind(global));
    var storage = options.storage || memoryStorage();
    var pending = null; // the one login in flight, shared by every 401 that arrives meanwhile
    var logins = 0;

    function withToken(init, token) {
      var copy = {};
      var k;
      init = init || {};
      for (k in init) {
        if (Object.prototype.hasOwnProperty.call(init, k)) {
          copy[k] = init[k];
        }
      }
      var headers = {};
      var given = init.headers || {};
      if (typeof given.forEach === 'function' && !Array.isArray(given)) {
        given.forEach(function (v, name) { headers[name] = v; });
      } else {
        for (k in given) {
          if (Object.prototype.hasOwnProperty.call(given, k)) {
            headers[k] = given[k];
          }
        }
      }
      if (token) {
        headers.Authorization = 'Bearer ' + token;
      }
      copy.headers = headers;
      return copy;
    }

    function url(path) {
      return /^https?:/i.test(path) ? path : base + path;
    }

    function exchange(code) {
      return doFetch(url(SESSION_PATH), {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
        body: JSON.stringify({appId: options.appId, code: code})
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            throw LoginError(body.error || 'login_failed', body.message, response.status);
          }
          return body;
        });
      });
    }

    function loginOnce() {
      logins += 1;
      return Promise.resolve(options.loginCode()).then(exchange).then(function (session) {
        if (session.bound && session.access_token) {
          return session.access_token;
        }
        if (typeof options.onUnbound === 'function') {
          return options.onUnbound(session);
        }
        return null;
      }).then(function (token) {
        if (token) {
          storage.set(token);
        }
        return token || null;
      });
    }

    /** Logs in unless a login is already running; every caller gets the same outcome. */
    function login() {
      if (!pending) {
        pending = loginOnce().then(function (token) {
          pending = null;
          return token;
        }, function (error) {
          pending = null;
          throw error;
        });
      }
      return pending;
    }

    function request(path, init) {
      var sent = storage.get();
      return doFetch(url(path), withToken(init, sent)).then(function (response) {
        if (!wantsBearer(response)) {
          return response;
        }
        var current = storage.get();
        var fresh = current && current !== sent ? Promise.resolve(current) : login();
        return fresh.then(function (token) {
          return token ? doFetch(url(path), withToken(init, token)) : response;
        });
      });
    }

    return {
      fetch: request,
      login: login,
      /** Forgets the token (log out on this device; revoke it with DELETE /api/wechat/tokens/current). */
      forget: function () { storage.remove(); },
      /** How many logins this client ran: concurrent 401s count once. */
      loginCount: function () { return logins; }
    };
  }

  var api = {create: create};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    global.WxBindClient = api;
  }
}(typeof globalThis !== 'undefined' ? globalThis : this));
