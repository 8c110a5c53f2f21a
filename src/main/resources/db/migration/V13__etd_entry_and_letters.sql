-- Emergency travel documents, second part (issue 6): the date the holder entered Utopia, recorded
-- when an ETD is marked used (a date of its own, not only the free note). Letters are produced on
-- demand from the application and document and need no table; printing them is audited.
-- Portable SQL for H2 2.x and PostgreSQL 15+.

ALTER TABLE etd_document ADD COLUMN entered_on DATE;
