-- WxBind schema v1: local accounts, WeChat bindings, and the short-lived login-flow state.
-- Everything that must survive a node (flow state, tickets) lives here, so any node can
-- finish a flow that another node started.

create table wxbind_user_account (
    id            bigserial    primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(512),
    phone         varchar(32)  unique,
    display_name  varchar(128) not null,
    created_at    timestamptz  not null default now()
);

create table wxbind_user_group (
    username   varchar(64) not null references wxbind_user_account (username) on delete cascade,
    group_name varchar(64) not null,
    primary key (username, group_name)
);

-- A binding names the local account by its caller name (not a foreign key), so that a
-- portal's own identity store can be the target.
create table wxbind_wechat_openid (
    id            bigserial    primary key,
    app_id        varchar(32)  not null,
    open_id       varchar(64)  not null,
    account_name  varchar(128) not null,
    union_id      varchar(64),
    nickname      varchar(128),
    avatar_url    varchar(512),
    bound_at      timestamptz  not null,
    last_login_at timestamptz,
    constraint wxbind_wechat_openid_app_open_uk unique (app_id, open_id)
);
create index wxbind_wechat_openid_account_ix on wxbind_wechat_openid (account_name);
create index wxbind_wechat_openid_union_ix on wxbind_wechat_openid (union_id);

create table wxbind_wechat_unionid (
    union_id     varchar(64)  primary key,
    account_name varchar(128) not null,
    bound_at     timestamptz  not null
);
create index wxbind_wechat_unionid_account_ix on wxbind_wechat_unionid (account_name);

-- Step 1 of the web flow: one row per pending authorization, keyed by the random state,
-- bound to the browser by the hash of a random cookie. Read once (deleted on read).
create table wxbind_auth_request (
    state        varchar(128) primary key,
    browser_hash varchar(64)  not null,
    app_id       varchar(32)  not null,
    scope        varchar(32)  not null,
    redirect_uri varchar(1024) not null,
    return_to    varchar(2048) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null
);
create index wxbind_auth_request_expiry_ix on wxbind_auth_request (expires_at);
create index wxbind_auth_request_browser_ix on wxbind_auth_request (browser_hash);

-- Step 4: stands for an unbound openid while the person proves who they are. Only the
-- SHA-256 of the ticket is stored, so a database reader cannot use pending tickets.
create table wxbind_bind_ticket (
    ticket_hash  varchar(64)  primary key,
    browser_hash varchar(64)  not null,
    app_id       varchar(32)  not null,
    open_id      varchar(64)  not null,
    union_id     varchar(64),
    nickname     varchar(128),
    avatar_url   varchar(512),
    return_to    varchar(2048) not null,
    failed_attempts integer   not null default 0,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null
);
create index wxbind_bind_ticket_expiry_ix on wxbind_bind_ticket (expires_at);
