-- Study groups, their decks and games, and each person's memory of each question.
CREATE TABLE study_groups (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    description text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
    owner_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    invite_code text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_members (
    group_id   uuid        NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('owner', 'member')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, account_id)
);

CREATE INDEX group_members_account ON group_members (account_id);

-- A deck shared with a group is usable by every member to open rooms.
ALTER TABLE decks ADD COLUMN group_id uuid REFERENCES study_groups (id) ON DELETE SET NULL;
CREATE INDEX decks_group ON decks (group_id) WHERE group_id IS NOT NULL;

-- A room opened for a group belongs to it; its signed-in players count for the group.
ALTER TABLE games ADD COLUMN group_id uuid REFERENCES study_groups (id) ON DELETE SET NULL;

-- Leaderboards read finished games of a group in a period, then each game's players.
CREATE INDEX games_group_ended ON games (group_id, ended_at) WHERE group_id IS NOT NULL;
CREATE INDEX games_deck_ended ON games (deck_id, ended_at);
CREATE INDEX game_players_game_account ON game_players (game_id)
    INCLUDE (account_id, final_score, correct_count, answered_count, best_streak);
CREATE INDEX game_players_account_joined ON game_players (account_id, joined_at DESC) WHERE account_id IS NOT NULL;

-- Weak-spot rounds read a group's answers per question.
CREATE INDEX answers_game_question ON answers (game_id, question_id) INCLUDE (correct);

-- FSRS memory state of one person for one question (questions are identified by their stable id).
CREATE TABLE mastery (
    account_id  uuid             NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    question_id text             NOT NULL,
    stability   double precision NOT NULL,
    difficulty  double precision NOT NULL,
    state       text             NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
    reps        integer          NOT NULL,
    lapses      integer          NOT NULL,
    last_review timestamptz      NOT NULL,
    due         timestamptz      NOT NULL,
    PRIMARY KEY (account_id, question_id)
);

CREATE INDEX mastery_due ON mastery (account_id, due);
