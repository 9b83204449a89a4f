-- WxBind schema v2: the server access token of each app (protocol §4), one row per appid.
-- The row is the cluster's single source of truth and its lock: a node refreshes only while
-- holding `select ... for update` on it, and re-checks the expiry after winning the lock.
create table wxbind_app_token (
    app_id              varchar(32)  primary key,
    access_token        varchar(1024),
    expires_at          timestamptz,
    refreshed_at        timestamptz,
    refreshed_by        varchar(128),
    refresh_count       bigint       not null default 0,
    force_refresh_day   date,
    force_refresh_count integer      not null default 0,
    last_force_at       timestamptz,
    last_error          varchar(256),
    last_error_at       timestamptz,
    consecutive_failures integer     not null default 0
);
