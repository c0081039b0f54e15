-- Readiness: the score an attempt was predicted to get, kept as it was when the attempt started, so that once it is
-- submitted the prediction can be held against the score (calibration) and its error can correct the next one.
CREATE TABLE attempt_predictions (
    attempt_id      uuid             PRIMARY KEY REFERENCES exam_attempts (id) ON DELETE CASCADE,
    account_id      uuid             NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    deck_id         uuid             NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    made_at         timestamptz      NOT NULL,
    -- The exam's number of questions the prediction was made for.
    question_count  integer          NOT NULL CHECK (question_count > 0),
    -- Shares of the questions right, 0 to 1: the expected share and its 90% interval. NULL when there was too
    -- little to predict from (the row still says that a prediction was asked for and not made).
    predicted       double precision CHECK (predicted BETWEEN 0 AND 1),
    low             double precision CHECK (low BETWEEN 0 AND 1),
    high            double precision CHECK (high BETWEEN 0 AND 1),
    -- The variance of the number right that comes from which questions are drawn and how each is answered alone
    -- (no model error), in questions squared: how far an exam's score strays from a right prediction by chance.
    draw_variance   double precision CHECK (draw_variance >= 0),
    -- How much the predicted share moves per unit of log-odds shift of every chance (the mean p(1 − p)): what the
    -- error of this prediction says about the model's bias for this student.
    sensitivity     double precision CHECK (sensitivity >= 0),
    -- Facts of the deck studied at the time, and how many there were.
    studied         integer          NOT NULL,
    facts           integer          NOT NULL,
    CHECK ((predicted IS NULL) = (low IS NULL) AND (predicted IS NULL) = (high IS NULL)
           AND (predicted IS NULL) = (draw_variance IS NULL) AND (predicted IS NULL) = (sensitivity IS NULL))
);

CREATE INDEX attempt_predictions_account_deck ON attempt_predictions (account_id, deck_id, made_at DESC);
