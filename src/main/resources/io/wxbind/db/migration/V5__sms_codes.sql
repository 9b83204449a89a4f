-- WxBind schema v5: SMS codes for the bind page (io.wxbind.sms).
-- One pending code per phone (a new send replaces it). Only an HMAC of the code is stored,
-- keyed with a pepper that is not in the database, so a database reader cannot use codes.
create table wxbind_sms_code (
    phone           varchar(32) primary key,
    code_hash       varchar(64) not null,
    failed_attempts integer     not null default 0,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index wxbind_sms_code_expiry_ix on wxbind_sms_code (expires_at);

-- Accepted sends, for the throttles (per phone: interval and per hour; per client IP: per
-- hour). Shared by every node; rows older than the one-hour window are purged.
create table wxbind_sms_send (
    id        bigserial   primary key,
    phone     varchar(32) not null,
    client_ip varchar(64) not null,
    sent_at   timestamptz not null
);
create index wxbind_sms_send_phone_ix on wxbind_sms_send (phone, sent_at);
create index wxbind_sms_send_ip_ix on wxbind_sms_send (client_ip, sent_at);
create index wxbind_sms_send_time_ix on wxbind_sms_send (sent_at);
