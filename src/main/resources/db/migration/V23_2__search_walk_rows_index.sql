-- The walks of ADR 0060/0061 carrying the list's row (ADR 0078): a page of one typed word, or of
-- a word narrowed by another's pair key, is one index range and nothing else.
-- Portable SQL for H2 2.x and PostgreSQL 15+.
CREATE INDEX person_name_token_walk_row ON person_name_token
    (token, sort_name, person_id, prev_word, words, family_name, given_names, birth_date, city, district, purpose);
CREATE INDEX person_name_pair_walk_row ON person_name_pair
    (pair_key, token, sort_name, person_id, prev_word, words, family_name, given_names, birth_date, city, district, purpose);
