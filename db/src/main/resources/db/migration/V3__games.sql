-- Games played in live rooms: who played, every accepted answer, and the final standings.
CREATE TABLE games (
    id         uuid        PRIMARY KEY,
    room_code  text        NOT NULL,
    deck_id    uuid        REFERENCES decks (id) ON DELETE SET NULL,
    host_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    settings   jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    ended_at   timestamptz
);

CREATE INDEX games_host ON games (host_id, created_at DESC);

-- The questions as they were asked, so results stay readable after the deck changes.
CREATE TABLE game_questions (
    game_id     uuid    NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    question_id text    NOT NULL,
    body        jsonb   NOT NULL,
    PRIMARY KEY (game_id, position)
);

CREATE TABLE game_players (
    id                uuid        PRIMARY KEY,
    game_id           uuid        NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    nickname          text        NOT NULL,
    account_id        uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    -- Digest of the player's resume token: a guest shows it to read their game's results.
    resume_hash       bytea       NOT NULL,
    joined_at         timestamptz NOT NULL,
    final_rank        integer,
    final_score       integer,
    correct_count     integer,
    answered_count    integer,
    total_response_ms bigint,
    best_streak       integer
);

CREATE INDEX game_players_game ON game_players (game_id);
CREATE INDEX game_players_account ON game_players (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX game_players_resume ON game_players (resume_hash);

-- One accepted answer per player per question; the key makes a retried write harmless.
CREATE TABLE answers (
    game_id        uuid        NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    player_id      uuid        NOT NULL REFERENCES game_players (id) ON DELETE CASCADE,
    question_index integer     NOT NULL,
    question_id    text        NOT NULL,
    choice         integer,
    text_answer    text,
    correct        boolean     NOT NULL,
    response_ms    integer     NOT NULL,
    points         integer     NOT NULL,
    answered_at    timestamptz NOT NULL,
    PRIMARY KEY (game_id, player_id, question_index)
);
