-- WxBind schema v6: an unfollow is recorded on the binding but does not unbind it (web login
-- keeps working); a new follow clears it.
alter table wxbind_wechat_openid add column unfollowed_at timestamptz;
