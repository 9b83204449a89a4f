-- WxBind schema v13: starting a login writes nothing to the database. The pending authorization
-- (state, return URL, ...) now lives in a signed cookie bound to the browser
-- (io.wxbind.auth.flow.PendingLoginCodec), and the state carries its own MAC and expiry
-- (SignedState). What remains here is the single use: a callback that carried this browser's
-- pending login and whose code WeChat accepted records the state's SHA-256 once
-- (insert ... on conflict do nothing: a second callback with the same state counts 0 and is
-- refused). A row is useless once its state has expired (an expired state is refused before
-- this table is read); io.wxbind.db.FlowStatePurger deletes it then.
create table wxbind_used_state (
    state_hash varchar(64) primary key,
    expires_at timestamptz not null
);
create index wxbind_used_state_expiry_ix on wxbind_used_state (expires_at);

-- One row per anonymous page view until now; nothing reads it any more.
drop table if exists wxbind_auth_request;
