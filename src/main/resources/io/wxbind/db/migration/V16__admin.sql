-- WxBind schema v16: what the admin API (io.wxbind.admin) needs.

-- ADMIN entries name the administrator in "account" and the account acted on or looked up here,
-- so "everything about alice" finds what admins did to her too.
alter table wxbind_audit_log add column subject varchar(128);
create index wxbind_audit_log_subject_ix on wxbind_audit_log (subject, id) where subject is not null;
-- GET /api/admin/audit?client=: the entries of one client address, newest first.
create index wxbind_audit_log_client_ix on wxbind_audit_log (client_address, id);

-- QR codes created per app and Beijing day (WeChat's qrcode/create quota counts those days):
-- one upsert per code (io.wxbind.qr.QrDailyCount), shown by GET /api/admin/wechat/apps.
-- Days older than a week are deleted by the same upsert's purge.
create table wxbind_qr_daily (
    app_id  varchar(32) not null,
    day     date        not null,
    created integer     not null,
    primary key (app_id, day)
);
