-- Group sittings: a group's owner schedules one of their exams for the group at a set time; the members sit the same
-- questions at the same time on their own devices, each in an attempt of their own, and the sitting ends for all at
-- once (start plus the exam's minutes).
CREATE TABLE exam_sittings (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id        uuid        NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    exam_id         uuid        NOT NULL REFERENCES exams (id) ON DELETE CASCADE,
    created_by      uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title           text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    starts_at       timestamptz NOT NULL,
    -- After this nobody may begin; those who began sit on to ends_at.
    late_join_until timestamptz NOT NULL,
    -- starts_at plus the exam's minutes: every attempt of the sitting ends here at the latest.
    ends_at         timestamptz NOT NULL,
    -- Set when the sitting closed before its end (everyone who began has submitted, and nobody else can begin), so that
    -- a member who joins the group later cannot open it again. NULL while it runs, and when it ran to its end.
    closed_at       timestamptz,
    -- The exam as it was when the sitting was scheduled (title, minutes, pass mark, blueprint planned and drawn), in
    -- the shape an attempt keeps it, so later edits to the exam change nothing about the sitting.
    settings        jsonb       NOT NULL,
    -- The questions everyone sits, drawn once when the sitting was scheduled, keys included; never sent to a client
    -- before the sitting closes. Options are put in an order of each attempt's own when the exam shuffles them.
    questions       jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (late_join_until > starts_at AND late_join_until <= ends_at)
);

CREATE INDEX exam_sittings_group ON exam_sittings (group_id, starts_at DESC);

ALTER TABLE exam_attempts
    ADD CONSTRAINT exam_attempts_sitting FOREIGN KEY (sitting_id) REFERENCES exam_sittings (id) ON DELETE CASCADE;

-- One attempt per member and sitting, however many requests race to start one.
CREATE UNIQUE INDEX exam_attempts_one_per_sitting ON exam_attempts (sitting_id, account_id) WHERE sitting_id IS NOT NULL;

-- An owner who sits their own exam in a group sitting may still have an attempt of their own under way.
DROP INDEX exam_attempts_one_open;
CREATE UNIQUE INDEX exam_attempts_one_open ON exam_attempts (exam_id, account_id)
    WHERE submitted_at IS NULL AND sitting_id IS NULL;
