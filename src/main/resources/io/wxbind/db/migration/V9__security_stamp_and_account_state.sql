-- WxBind schema v9: revocation that reaches every node, and bindings that follow accounts.

-- A disabled account cannot log in (password, WeChat, QR, bearer); its sessions and tokens end.
alter table wxbind_user_account add column enabled boolean not null default true;

-- One security stamp per account, keyed by the caller name (bindings name accounts that way, and
-- a host's accounts may live elsewhere). Every session and bearer token carries the stamp it was
-- issued under; changing it (unbind, password, groups, disable, delete, "log out everywhere")
-- ends them all. No row: the account's stamp was never changed (the initial stamp ''). Rows are
-- never deleted, so a re-created username cannot bring an old stamp back.
create table wxbind_security_stamp (
    account_name varchar(128) primary key,
    stamp        varchar(64)  not null,
    reason       varchar(32)  not null,
    changed_at   timestamptz  not null
);

-- A bearer token carries its stamp; groups are read from the account on every check instead of
-- being copied in. Tokens issued before stamps existed cannot be checked: they are dropped (they
-- live an hour at most; clients get 401 invalid_token and ask for a new one).
delete from wxbind_api_token;
alter table wxbind_api_token add column security_stamp varchar(64) not null;
alter table wxbind_api_token drop column caller_groups;
