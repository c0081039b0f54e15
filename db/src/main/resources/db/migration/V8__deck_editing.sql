-- Decks a teacher edits: questions fixed, hidden or written by hand survive a re-import of the notes.
ALTER TABLE deck_questions
    -- generated: as the generator wrote it; edited: changed by the owner; added: written by the owner.
    ADD COLUMN origin    text        NOT NULL DEFAULT 'generated' CHECK (origin IN ('generated', 'edited', 'added')),
    -- Hidden questions stay in the editor (restorable) but are never asked.
    ADD COLUMN hidden    boolean     NOT NULL DEFAULT false,
    -- The source line's text and the lines under it when the question was made: a re-import keeps an edit only
    -- while this fact is in the notes unchanged. NULL for questions written by hand.
    ADD COLUMN fact      text,
    -- For an edited question, the generator's version it was edited from (so it can be reverted).
    ADD COLUMN original  jsonb,
    -- Set when a re-import changed or removed an edited question's fact: {reason, old, new, line}. Such a question
    -- is not asked until its owner saves it again or hides it.
    ADD COLUMN review    jsonb,
    ADD COLUMN edited_at timestamptz;

-- Counts every change to a deck's questions, so a re-import computed from an older state is refused, not merged.
ALTER TABLE decks ADD COLUMN revision integer NOT NULL DEFAULT 0;
-- The question kinds a room on this deck offers when its host picks none; NULL for every kind.
ALTER TABLE decks ADD COLUMN default_kinds jsonb;
-- Set once the owner puts the topics in an order of their own; a re-import then keeps that order.
ALTER TABLE decks ADD COLUMN topics_ordered boolean NOT NULL DEFAULT false;
