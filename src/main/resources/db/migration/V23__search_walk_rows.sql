-- A page of the search read from the name walk alone (ADR 0078): every name-word entry and every
-- name-word pair entry also carries the columns of the registry list's row (names, birth date,
-- city, district, purpose), so the 50 rows of a page no longer come from 50 person rows scattered
-- over the file.
-- Filled by the Java migration V23_1 in batches; the walk indexes that carry them are built by
-- V23_2. The old walk indexes are dropped first so that the fill does not rewrite their entries.
-- Portable SQL for H2 2.x and PostgreSQL 15+.
ALTER TABLE person_name_token ADD COLUMN family_name VARCHAR(200);
ALTER TABLE person_name_token ADD COLUMN given_names VARCHAR(200);
ALTER TABLE person_name_token ADD COLUMN birth_date VARCHAR(10);
ALTER TABLE person_name_token ADD COLUMN city VARCHAR(200);
ALTER TABLE person_name_token ADD COLUMN district VARCHAR(200);
ALTER TABLE person_name_token ADD COLUMN purpose VARCHAR(20);
ALTER TABLE person_name_pair ADD COLUMN family_name VARCHAR(200);
ALTER TABLE person_name_pair ADD COLUMN given_names VARCHAR(200);
ALTER TABLE person_name_pair ADD COLUMN birth_date VARCHAR(10);
ALTER TABLE person_name_pair ADD COLUMN city VARCHAR(200);
ALTER TABLE person_name_pair ADD COLUMN district VARCHAR(200);
ALTER TABLE person_name_pair ADD COLUMN purpose VARCHAR(20);
DROP INDEX person_name_token_walk_words;
DROP INDEX person_name_pair_walk;
