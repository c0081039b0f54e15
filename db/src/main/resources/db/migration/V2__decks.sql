-- Decks: the notes a person pasted and the questions generated from them.
CREATE TABLE decks (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    -- NULL for the sample decks that ship with Quizhall.
    owner_id       uuid        REFERENCES accounts (id) ON DELETE CASCADE,
    title          text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    notes          text        NOT NULL,
    is_public      boolean     NOT NULL DEFAULT false,
    -- Set for shipped samples, so each is imported once however often the server starts.
    sample_key     text        UNIQUE,
    seed           bigint      NOT NULL,
    question_count integer     NOT NULL,
    kinds          jsonb       NOT NULL,
    topics         jsonb       NOT NULL,
    warnings       jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX decks_owner ON decks (owner_id, created_at DESC);
CREATE INDEX decks_public ON decks (created_at DESC) WHERE is_public;

CREATE TABLE deck_questions (
    deck_id     uuid    NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    question_id text    NOT NULL,
    position    integer NOT NULL,
    kind        text    NOT NULL,
    topic       text,
    body        jsonb   NOT NULL,
    PRIMARY KEY (deck_id, question_id)
);

CREATE INDEX deck_questions_order ON deck_questions (deck_id, position);
