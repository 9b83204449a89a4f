-- WxBind schema v7: bearer API tokens (io.wxbind.auth.token). Only the SHA-256 of a token is
-- stored, so a database reader cannot use one. A request is validated by one primary-key read;
-- revoking deletes the row. The caller's groups are copied at issuance (one per line), so that
-- validation needs no join.
create table wxbind_api_token (
    token_hash    varchar(64)  primary key,   -- hex SHA-256 of the token
    caller        varchar(128) not null,
    caller_groups text         not null,      -- newline-separated
    issued_at     timestamptz  not null,
    expires_at    timestamptz  not null
);
-- Per caller: the cap on live tokens (oldest dropped) and "revoke all".
create index wxbind_api_token_caller_ix on wxbind_api_token (caller, issued_at);
create index wxbind_api_token_expiry_ix on wxbind_api_token (expires_at);
