-- The walk index of ADR 0037, now covering the typed-word checks (ADR 0060).
CREATE INDEX person_name_token_walk_words ON person_name_token (token, sort_name, person_id, prev_word, words);
DROP INDEX person_name_token_walk;
