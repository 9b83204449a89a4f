-- WxBind schema v15: mini-program login (sns/jscode2session).
-- The session_key of each (mini program, openid), encrypted (AES-GCM under
-- wxbind.miniprogram.session-key-secret): it never leaves the server, is replaced on each login,
-- and is read back only to check it (wxa/checksession) or to decrypt legacy encryptedData.
create table wxbind_miniprogram_session (
    app_id          varchar(32)  not null,
    open_id         varchar(64)  not null,
    session_key_enc varchar(128) not null,
    updated_at      timestamptz  not null,
    primary key (app_id, open_id)
);

-- A wx.login code is exchanged once, also when a client sends it twice at the same moment:
-- the first request records its SHA-256 (insert ... on conflict do nothing) before calling WeChat.
-- Who claimed it (the client address's throttle key) and when: the anonymous login endpoints
-- cost a WeChat call each, so each address may claim only so many codes a minute.
create table wxbind_used_js_code (
    code_hash  varchar(64) primary key,
    expires_at timestamptz not null,
    client_key varchar(64) not null,
    claimed_at timestamptz not null
);
create index wxbind_used_js_code_expiry_ix on wxbind_used_js_code (expires_at);
create index wxbind_used_js_code_client_ix on wxbind_used_js_code (client_key, claimed_at);
