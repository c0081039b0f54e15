-- Mock exams: a deck's owner sets the real exam's shape (how many questions, how long, the pass mark, a blueprint of
-- topic weights) and sits it alone; the server holds every attempt and its clock.
CREATE TABLE exams (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id         uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    deck_id          uuid        NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    title            text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    question_count   integer     NOT NULL CHECK (question_count BETWEEN 1 AND 200),
    minutes          integer     NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    -- The pass mark in the exam's own units: a percentage (scale 0 to 100), or a scaled score such as 720 on a
    -- scale from 100 to 1000. The score is mapped onto the scale linearly from the share of questions right.
    pass_kind        text        NOT NULL CHECK (pass_kind IN ('percent', 'scaled')),
    scale_min        integer     NOT NULL,
    scale_max        integer     NOT NULL,
    pass_mark        integer     NOT NULL,
    -- [{topic, weight}]; NULL for the deck's topics in proportion to their questions, as they are when drawn.
    blueprint        jsonb,
    -- The question kinds drawn from; NULL for every kind.
    kinds            jsonb,
    shuffle_options  boolean     NOT NULL DEFAULT true,
    -- NULL for as many attempts as the owner likes.
    attempts_allowed integer     CHECK (attempts_allowed BETWEEN 1 AND 100),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (scale_min >= 0 AND scale_min < scale_max AND scale_max <= 10000),
    CHECK (pass_mark > scale_min AND pass_mark <= scale_max),
    CHECK (pass_kind = 'scaled' OR (scale_min = 0 AND scale_max = 100))
);

CREATE INDEX exams_owner ON exams (owner_id, created_at DESC);

-- One sitting of an exam by one person. Its questions are drawn when it starts and kept with it, key included, so
-- later edits to the deck or the exam change nothing about it.
CREATE TABLE exam_attempts (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    exam_id       uuid        NOT NULL REFERENCES exams (id) ON DELETE CASCADE,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The group sitting the attempt belongs to; NULL for an attempt sat alone. (Sittings come later, with their
    -- own table and a foreign key here.)
    sitting_id    uuid,
    number        integer     NOT NULL,
    started_at    timestamptz NOT NULL,
    -- started_at plus the exam's minutes: the server's deadline, never the client's.
    deadline      timestamptz NOT NULL CHECK (deadline > started_at),
    -- The last answer or flag, from which the time to the next one is counted to that question.
    last_event_at timestamptz NOT NULL,
    submitted_at  timestamptz,
    -- 'player' when they submitted, 'deadline' when the time ran out.
    submitted_by  text        CHECK (submitted_by IN ('player', 'deadline')),
    -- The exam as it was when the attempt started: title, minutes, pass mark, blueprint planned and drawn.
    settings      jsonb       NOT NULL,
    correct_count integer,
    UNIQUE (exam_id, account_id, number),
    CHECK ((submitted_at IS NULL) = (submitted_by IS NULL))
);

-- One attempt under way per person and exam, however many requests race to start one.
CREATE UNIQUE INDEX exam_attempts_one_open ON exam_attempts (exam_id, account_id) WHERE submitted_at IS NULL;
-- The sweep that submits attempts whose time ran out.
CREATE INDEX exam_attempts_due ON exam_attempts (deadline) WHERE submitted_at IS NULL;
CREATE INDEX exam_attempts_account ON exam_attempts (account_id, started_at DESC);

CREATE TABLE attempt_questions (
    attempt_id  uuid        NOT NULL REFERENCES exam_attempts (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    -- The deck question it was drawn from (its mastery card), and its topic (the report's domain).
    question_id text        NOT NULL,
    topic       text,
    -- The question as drawn, options in the order this attempt shows them, with its key and explanation.
    body        jsonb       NOT NULL,
    choice      integer,
    choices     integer[],
    text_answer text,
    answered_at timestamptz,
    flagged     boolean     NOT NULL DEFAULT false,
    -- Server time from the attempt's previous answer or flag (or its start) to each answer or flag on this question.
    spent_ms    bigint      NOT NULL DEFAULT 0,
    -- Set when the attempt is submitted, by the one judge every question type shares.
    correct     boolean,
    PRIMARY KEY (attempt_id, position)
);
