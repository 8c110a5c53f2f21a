-- The filled tables of V23/V23_1 take the place of the name-word and pair tables, with the walks of
-- ADR 0060/0061 carrying the list's row (ADR 0078): a page of one typed word, or of a word
-- narrowed by another's pair key, is one index range and nothing else.
-- The old tables' index on the sound-alike key is not made again: sound-alike words are looked up
-- in the dictionary of words (name_token, V5), never here.
-- Portable SQL for H2 2.x and PostgreSQL 15+.
DROP TABLE person_name_token;
DROP TABLE person_name_pair;
ALTER TABLE person_name_token_rows RENAME TO person_name_token;
ALTER TABLE person_name_pair_rows RENAME TO person_name_pair;
CREATE INDEX person_name_token_walk_row ON person_name_token
    (token, sort_name, person_id, prev_word, words, family_name, given_names, birth_date, city, district, purpose);
CREATE INDEX person_name_pair_walk_row ON person_name_pair
    (pair_key, token, sort_name, person_id, prev_word, words, family_name, given_names, birth_date, city, district, purpose);
