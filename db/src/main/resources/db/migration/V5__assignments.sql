-- Self-paced assignments: a group's members answer a fixed set of questions at their own pace
-- between two moments. Each assignment is a game, so results, leaderboards and mastery read it
-- like any other game.
CREATE TABLE assignments (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id   uuid        NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    game_id    uuid        NOT NULL UNIQUE REFERENCES games (id) ON DELETE CASCADE,
    title      text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    opens_at   timestamptz NOT NULL,
    closes_at  timestamptz NOT NULL CHECK (closes_at > opens_at),
    created_by uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX assignments_group ON assignments (group_id, closes_at DESC);

-- A member has one seat in a self-paced game, however many requests race to create it.
ALTER TABLE game_players ADD COLUMN self_paced boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX game_players_self_paced_seat ON game_players (game_id, account_id) WHERE self_paced;
