-- WxBind schema v8: a browser reloading the QR login page gets its pending code again, and new
-- login codes are capped per client IP (each one is a qrcode/create call against WeChat's quota).
alter table wxbind_qr_scene add column client_ip varchar(64);
create index wxbind_qr_scene_browser_ix on wxbind_qr_scene (browser_hash, expires_at) where browser_hash is not null;
create index wxbind_qr_scene_login_ip_ix on wxbind_qr_scene (client_ip, created_at) where client_ip is not null;
