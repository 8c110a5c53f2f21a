-- A page of the search read from the name walk alone (ADR 0078): every name-word entry and every
-- name-word pair entry also carries the columns of the registry list's row (names, birth date,
-- city, district, purpose), so the 50 rows of a page no longer come from 50 person rows scattered
-- over the file.
-- The columns are not added to the tables in place: H2 copies a table to add a column, in one
-- transaction that cannot resume, which at 2,000,000 persons (9 and 19 million rows) runs for an
-- hour. New tables are filled instead by the Java migration V23_1, a batch of persons at a time,
-- and take the old tables' place in V23_2, which also builds their walk indexes.
-- The foreign keys' own indexes (on person_id) serve the fill's batches and its restart.
-- Portable SQL for H2 2.x and PostgreSQL 15+.
CREATE TABLE person_name_token_rows (
    person_id   BIGINT        NOT NULL,
    token       VARCHAR(80)   NOT NULL,
    phonetic    VARCHAR(20),
    sort_name   VARCHAR(400)  NOT NULL,
    words       VARCHAR(1000),
    prev_word   VARCHAR(80),
    family_name VARCHAR(200)  NOT NULL,
    given_names VARCHAR(200)  NOT NULL,
    birth_date  VARCHAR(10),
    city        VARCHAR(200),
    district    VARCHAR(200),
    purpose     VARCHAR(20)   NOT NULL,
    CONSTRAINT person_name_token_of_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE TABLE person_name_pair_rows (
    person_id   BIGINT        NOT NULL,
    pair_key    VARCHAR(8)    NOT NULL,
    token       VARCHAR(80)   NOT NULL,
    sort_name   VARCHAR(400),
    prev_word   VARCHAR(80)   NOT NULL,
    words       VARCHAR(1000) NOT NULL,
    family_name VARCHAR(200)  NOT NULL,
    given_names VARCHAR(200)  NOT NULL,
    birth_date  VARCHAR(10),
    city        VARCHAR(200),
    district    VARCHAR(200),
    purpose     VARCHAR(20)   NOT NULL,
    CONSTRAINT person_name_pair_of_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
