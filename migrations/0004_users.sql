-- People who may change the timeline. Reading stays public; once a user
-- exists, every change needs one signed in. Names are unique whatever
-- their case ("Ana" and "ana" are one user). password_hash is an argon2id
-- hash in the PHC string format (auth.HashPassword), never the password.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (name <> '' AND char_length(name) <= 64),
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_name_key ON users (lower(name));

-- A signed-in browser holds a random token; only its SHA-256 is kept here,
-- so that a copy of this table (a backup, a leaked dump) signs no one in.
-- A session ends at expires_at, which use pushes forward, or at sign-out.
CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id    bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
