-- WxBind schema v4: parametric-QR scenes (bind a logged-in user; log a desktop browser in) and
-- message-link tickets. All single use and expiring; any node may complete what another started.

create table wxbind_qr_scene (
    id            varchar(64)  primary key,   -- random, also the public id in URLs
    purpose       varchar(16)  not null,      -- bind | login
    app_id        varchar(32)  not null,
    scene_str     varchar(64)  not null unique,
    ticket        varchar(512) not null,
    account_name  varchar(128),               -- bind: who asked
    browser_hash  varchar(64),                -- login: which browser asked
    status        varchar(16)  not null,      -- pending | bound | refused | confirmed | unbound | used
    result_account varchar(128),
    message       varchar(256),
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    completed_at  timestamptz
);
create index wxbind_qr_scene_expiry_ix on wxbind_qr_scene (expires_at);

-- A bind link sent in a WeChat chat: stands for the openid that asked; only its hash is kept.
create table wxbind_link_ticket (
    ticket_hash  varchar(64)  primary key,
    app_id       varchar(32)  not null,
    open_id      varchar(64)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null
);
create index wxbind_link_ticket_expiry_ix on wxbind_link_ticket (expires_at);

-- A login started from a message link must come back with the same openid (the link ticket).
alter table wxbind_auth_request add column link_ticket_hash varchar(64);
