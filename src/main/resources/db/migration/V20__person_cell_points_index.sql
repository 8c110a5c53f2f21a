-- Who is inside at 2,000,000 registrants (issue 5, ADR 0062): the registrants of a fine grid cell are
-- read from one index alone, never from their person rows. The index holds what the exact point test
-- and the breakdown need: the cell, whether the person was merged away, the point and the household
-- (the row id comes with every index entry). It replaces the index on geo_cell alone (V11), whose
-- every hit read the whole person row to test the point.
-- Portable SQL for H2 2.x and PostgreSQL 15+.
CREATE INDEX person_cell_points ON person (geo_cell, merged_into, latitude, longitude, household_id);
DROP INDEX person_geo_cell;
