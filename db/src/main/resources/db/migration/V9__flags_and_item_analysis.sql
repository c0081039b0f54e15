-- Players flag questions they were asked; owners read the flags beside each question's figures.
CREATE TABLE question_flags (
    game_id        uuid        NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    player_id      uuid        NOT NULL REFERENCES game_players (id) ON DELETE CASCADE,
    question_index integer     NOT NULL,
    -- The deck question as it was asked (game_questions.question_id), so the flag follows it in the editor.
    question_id    text        NOT NULL,
    reason         text        NOT NULL CHECK (reason IN ('wrong_key', 'unclear', 'two_right')),
    comment        text        CHECK (char_length(comment) <= 500),
    flagged_at     timestamptz NOT NULL,
    -- One flag per player per question; flagging again changes it.
    PRIMARY KEY (game_id, player_id, question_index)
);

CREATE INDEX question_flags_question ON question_flags (question_id, game_id);

-- Practice answers, one per answer given, so item analysis counts them beside games and assignments.
CREATE TABLE practice_answers (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deck_id     uuid        NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    question_id text        NOT NULL,
    -- The question as it was answered: its version decides which figures the answer counts for.
    body        jsonb       NOT NULL,
    choice      integer,
    choices     integer[],
    text_answer text,
    correct     boolean     NOT NULL,
    response_ms integer     NOT NULL,
    answered_at timestamptz NOT NULL,
    analysed    boolean     NOT NULL DEFAULT false
);

CREATE INDEX practice_answers_pending ON practice_answers (deck_id) WHERE NOT analysed;

-- Item analysis of a deck's questions, folded once from each finished game and each practice answer, so
-- reading it costs the same however many answers lie behind it. One row per question version (a digest of
-- what the answer was judged against: type, prompt, options, key), so figures restart when the owner edits.
CREATE TABLE item_stats (
    deck_id     uuid    NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    question_id text    NOT NULL,
    version     text    NOT NULL,
    tally       jsonb   NOT NULL,
    PRIMARY KEY (deck_id, question_id, version)
);

-- Set when a finished game's answers are folded into item_stats.
ALTER TABLE games ADD COLUMN analysed_at timestamptz;
CREATE INDEX games_to_analyse ON games (deck_id) WHERE analysed_at IS NULL;
