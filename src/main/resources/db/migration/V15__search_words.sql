-- Search reads one index and nothing else (ADR 0060): every name-word row also carries all the
-- person's name words (sorted, each between spaces) and the word just before its own in that
-- order, so the other typed words and the "list each person once" rule are checked on the index
-- entry itself instead of with a probe per candidate.
-- Filled by the Java migration V15_1 in batches (a single UPDATE of millions of rows is one huge
-- transaction); the index that uses them is built by V15_2 once they are filled.
ALTER TABLE person_name_token ADD COLUMN words VARCHAR(1000);
ALTER TABLE person_name_token ADD COLUMN prev_word VARCHAR(80);
