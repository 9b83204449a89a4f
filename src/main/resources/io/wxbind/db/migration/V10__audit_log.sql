-- WxBind schema v10: the security audit log (io.wxbind.audit). One row per AuditEvent, written
-- by io.wxbind.audit.AuditRecorder in a transaction of its own; rows older than
-- wxbind.audit.retention-days are deleted by io.wxbind.audit.AuditPurger.
-- Never a secret: openids are shortened (abcd…wxyz), tokens and tickets are not stored at all.

create table wxbind_audit_log (
    id             bigserial    primary key,
    at             timestamptz  not null,
    kind           varchar(32)  not null,
    -- the local account concerned; null for anonymous refusals and server events
    account        varchar(128),
    app_id         varchar(32),
    short_open_id  varchar(16),
    method         varchar(32),
    reason         varchar(64),
    -- the caller as resolved behind the trusted proxies (io.wxbind.client), and its masked form
    -- ("1.2.3.x", an IPv6 /64) that GET /api/me/audit shows
    client_address varchar(45),
    client_masked  varchar(48),
    user_agent     varchar(256),
    node           varchar(128)
);
-- GET /api/me/audit: an account's rows, newest first, from a cursor (id < before).
create index wxbind_audit_log_account_ix on wxbind_audit_log (account, id);
-- The retention purge: delete where at < cutoff.
create index wxbind_audit_log_at_ix on wxbind_audit_log (at);
