-- WxBind schema v11: limits on guessing (io.wxbind.guard). Wrong passwords and SMS codes are
-- counted per account (the name typed, or the phone) and per client address, here so that every
-- node counts the same tries. A try is counted before the proof is checked (under the row lock)
-- and handed back when it succeeds or was never checked; from max-failures on, each failure
-- blocks the subject for a back-off that doubles. The subject is stored as a SHA-256 only (a
-- password typed into the username field must not sit here in clear).
create table wxbind_attempt_limit (
    scope         varchar(16) not null,   -- 'account' or 'address'
    subject_hash  varchar(64) not null,   -- hex SHA-256 of the normalised name, phone or address key
    failures      integer     not null,
    window_start  timestamptz not null,   -- first failure of this run
    blocked_until timestamptz,
    expires_at    timestamptz not null,   -- a quiet window after the last failure or block: forgotten
    primary key (scope, subject_hash)
);
create index wxbind_attempt_limit_expiry_ix on wxbind_attempt_limit (expires_at);

-- An SMS code verifies only with the bind ticket (so the browser) that asked for it.
alter table wxbind_sms_code add column ticket_hash varchar(64);
