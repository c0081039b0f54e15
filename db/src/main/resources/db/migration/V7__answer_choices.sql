-- Multiple response, ordering and matching questions are answered with a list of indices.
ALTER TABLE answers ADD COLUMN choices integer[];
