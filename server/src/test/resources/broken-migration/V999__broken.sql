-- A migration that cannot apply.
ALTER TABLE no_such_table ADD COLUMN x int;
