-- Search as you type in name order at any registry size (ADR 0037).
--
-- Each name word carries the person's whole normalised name, so the (word, name, person) index
-- lists the persons of a typed word already in list order: a page of results is one index range
-- read up to the page's end, whatever the number of persons.
ALTER TABLE person_name_token ADD COLUMN sort_name VARCHAR(400);
UPDATE person_name_token SET sort_name = COALESCE((SELECT p.search_name FROM person p WHERE p.id = person_name_token.person_id), '');
ALTER TABLE person_name_token ALTER COLUMN sort_name SET NOT NULL;

CREATE INDEX person_name_token_walk ON person_name_token (token, sort_name, person_id);
DROP INDEX person_name_token_token_person;
