-- Two typed words that are each common but seldom together (ADR 0061): the walk of one word's
-- persons would read thousands of entries before it met the other word. Each name word of a
-- person is also stored once for every first two letters (the "pair key") of the person's name
-- words, its own included, so the persons holding a word that starts with one typed word AND a
-- word that starts with the first two letters of another are one range of one index.
-- Filled by the Java migration V17_1 in batches; the walk index is built by V17_2 afterwards.
CREATE TABLE person_name_pair (
    person_id BIGINT        NOT NULL,
    pair_key  VARCHAR(8)    NOT NULL,
    token     VARCHAR(80)   NOT NULL,
    sort_name VARCHAR(400),
    prev_word VARCHAR(80)   NOT NULL,
    words     VARCHAR(1000) NOT NULL,
    CONSTRAINT person_name_pair_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX person_name_pair_person ON person_name_pair (person_id);
