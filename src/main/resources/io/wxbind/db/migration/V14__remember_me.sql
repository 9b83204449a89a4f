-- WxBind schema v14: remember-me logins (io.wxbind.auth.remember), so that a login survives its
-- node (a balancer without sticky sessions, a restart). Only the SHA-256 of a token is stored:
-- a database reader cannot use one. Each token carries the security stamp of the login it was
-- issued for (wxbind_security_stamp): once the account's stamp changes (unbind, password, log
-- out everywhere, disable, delete) the token is refused and then deleted. Groups are not copied:
-- a validation reads the account's groups of now.
create table wxbind_remember_me (
    token_hash     varchar(64)  primary key,   -- hex SHA-256 of the cookie's token
    caller         varchar(128) not null,
    security_stamp varchar(64)  not null,
    login_method   varchar(32)  not null,      -- io.wxbind.auth.LoginMethod of the original login
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    last_used_at   timestamptz  not null
);
-- Per caller: the cap on live tokens (oldest dropped) and "drop all" on a stamp change.
create index wxbind_remember_me_caller_ix on wxbind_remember_me (caller, created_at);
-- The purge of expired rows (io.wxbind.auth.remember.RememberMePurge, run by io.wxbind.db.FlowStatePurger).
create index wxbind_remember_me_expiry_ix on wxbind_remember_me (expires_at);
