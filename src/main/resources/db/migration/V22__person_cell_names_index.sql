-- Who is inside, listed by name across pages (issue 5, ADR 0071): the names of the registrants of a
-- fine grid cell are read from one index alone, never from their person rows, to put everyone inside
-- in name order once. The index holds the cell, whether the person was merged away, the normalised
-- name the registry lists by, and the id (for PostgreSQL's index-only scans; H2 adds the row id anyway).
-- Portable SQL for H2 2.x and PostgreSQL 15+.
CREATE INDEX person_cell_names ON person (geo_cell, merged_into, search_name, id);
