-- A page of the search read from the name walk alone (ADR 0078): every name-word entry and every
-- name-word pair entry also carries the columns of the registry list's row (names, birth date,
-- city, district, purpose), so the 50 rows of a page no longer come from 50 person rows scattered
-- over the file.
-- Filled by the Java migration V23_1 in batches; the walk indexes that carry them are built by
-- V23_2. The old walk indexes are dropped first: H2 copies a table to add columns, and rebuilds
-- every index of it on the way, and the fill would rewrite their entries once more.
-- One ALTER per table (H2's list form; PostgreSQL spells it ADD COLUMN a, ADD COLUMN b), as each
-- ALTER copies the table.
DROP INDEX person_name_token_walk_words;
DROP INDEX person_name_pair_walk;
ALTER TABLE person_name_token ADD (family_name VARCHAR(200), given_names VARCHAR(200), birth_date VARCHAR(10),
    city VARCHAR(200), district VARCHAR(200), purpose VARCHAR(20));
ALTER TABLE person_name_pair ADD (family_name VARCHAR(200), given_names VARCHAR(200), birth_date VARCHAR(10),
    city VARCHAR(200), district VARCHAR(200), purpose VARCHAR(20));
