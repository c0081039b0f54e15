-- The state of each open room, written at its phase changes and when the server stops, so a room
-- carries on after a restart (or on another node) and players resume their seats.
CREATE TABLE room_checkpoints (
    game_id         uuid        PRIMARY KEY REFERENCES games (id) ON DELETE CASCADE,
    room_code       text        NOT NULL UNIQUE,
    -- Digest of the host token, so the host can take the console back.
    host_token_hash bytea       NOT NULL,
    state           jsonb       NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
