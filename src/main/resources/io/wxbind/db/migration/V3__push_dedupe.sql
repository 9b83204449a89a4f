-- WxBind schema v3: what the event-push endpoint (protocol §6.3) has already handled.
-- Rows are kept for the timestamp window (wechat.push.timestamp-window-seconds) and then purged
-- by io.wxbind.push.PushDedupePurger; any node may insert, so every node sees every retry.

-- One row per distinct message. msg_key is the SHA-256 (hex) of
--   'msg|' || MsgId || '|' || FromUserName || '|' || CreateTime            for messages, or
--   'evt|' || FromUserName || '|' || CreateTime || '|' || lower(Event) || '|' || EventKey   for events,
-- so no openid is stored in clear. Inserted with "on conflict do nothing" in the transaction
-- that fires the CDI event: a WeChat retry waits for the first delivery to commit, then finds
-- the row and gets the same answer (reply_text, or "success" when null).
create table wxbind_push_message (
    app_id      varchar(32)  not null,
    msg_key     varchar(64)  not null,
    reply_text  text,
    received_at timestamptz  not null,
    primary key (app_id, msg_key)
);
create index wxbind_push_message_received_ix on wxbind_push_message (received_at);

-- One row per accepted request (timestamp, nonce, signature): WeChat's signature does not
-- cover a plaintext body, so the same signed query must not come back with another body.
-- body_sha256 tells an identical re-delivery (answered from wxbind_push_message) from a forgery.
create table wxbind_push_request (
    app_id      varchar(32)  not null,
    request_ts  bigint       not null,
    nonce       varchar(64)  not null,
    signature   varchar(64)  not null,
    body_sha256 varchar(64)  not null,
    seen_at     timestamptz  not null,
    primary key (app_id, request_ts, nonce, signature)
);
create index wxbind_push_request_ts_ix on wxbind_push_request (request_ts);
