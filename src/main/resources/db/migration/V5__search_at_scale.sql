-- Search at scale and bulk loading.

-- Every distinct name word once, with its sound-alike key: typo and sound-alike candidates are
-- looked up here (tens of thousands of words) instead of in person_name_token (millions of rows).
CREATE TABLE name_token (
    token    VARCHAR(80) NOT NULL PRIMARY KEY,
    phonetic VARCHAR(20)
);
CREATE INDEX name_token_phonetic ON name_token (phonetic);
INSERT INTO name_token (token, phonetic)
    SELECT token, MIN(phonetic) FROM person_name_token GROUP BY token;

-- Walking the persons of a word in a stable order (word, then person) stops after one page.
CREATE INDEX person_name_token_token_person ON person_name_token (token, person_id);
DROP INDEX person_name_token_token;

-- Secondary indexes dropped while a large batch loads (rebuilt in one pass afterwards). If the
-- load is interrupted, the next opening of the registry rebuilds them from here.
CREATE TABLE deferred_index (
    index_name VARCHAR(128)  NOT NULL PRIMARY KEY,
    ddl        VARCHAR(2000) NOT NULL
);
