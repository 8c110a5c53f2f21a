-- The walk of ADR 0061: one pair key, a range of words, in list order (word, whole name, person),
-- covering the checks of the other typed words so the walk reads nothing else.
CREATE INDEX person_name_pair_walk ON person_name_pair (pair_key, token, sort_name, person_id, prev_word, words);
