-- Accounts and their sign-in sessions.
CREATE TABLE accounts (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    username      text        NOT NULL CHECK (char_length(username) BETWEEN 3 AND 32),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Names are unique regardless of letter case: "Ada" and "ada" are the same person.
CREATE UNIQUE INDEX accounts_username_unique ON accounts (lower(username));

-- Only the SHA-256 digest of a bearer token is kept.
CREATE TABLE sessions (
    token_hash bytea       PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
