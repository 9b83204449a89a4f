-- WxBind schema v12: a QR scan does nothing by itself. It moves the scene to 'scanned' and sends
-- the scanner a one-time confirm link (only its SHA-256 kept); the link re-checks the openid
-- through WeChat (snsapi_base) and binds the answer to that phone's browser. The login scene
-- keeps what the phone is shown: the desktop's browser summary and masked address.
alter table wxbind_qr_scene add column scanner_open_id     varchar(64);
alter table wxbind_qr_scene add column scanned_at          timestamptz;
alter table wxbind_qr_scene add column confirm_ticket_hash varchar(64);
alter table wxbind_qr_scene add column confirm_expires_at  timestamptz;
alter table wxbind_qr_scene add column confirm_browser_hash varchar(64);  -- the phone's browser, set when WeChat vouched for the openid
alter table wxbind_qr_scene add column verified_at         timestamptz;
alter table wxbind_qr_scene add column user_agent          varchar(64);   -- login: "Chrome on Windows"
alter table wxbind_qr_scene add column client_display      varchar(64);   -- login: "1.2.3.x"
create unique index wxbind_qr_scene_confirm_ix on wxbind_qr_scene (confirm_ticket_hash) where confirm_ticket_hash is not null;
-- the per-account cap on new bind QR codes counts these
create index wxbind_qr_scene_bind_account_ix on wxbind_qr_scene (account_name, created_at) where account_name is not null;

-- A login started from a confirm link must come back with the openid that scanned.
alter table wxbind_auth_request add column confirm_ticket_hash varchar(64);
