-- Crisis map at scale (ADR 0045): every located registrant carries the id of its grid cell at a
-- fixed fine level (level 16: cells of 360/2^16 = 0.0054931640625 degrees, about 600 m), and
-- person_cell keeps how many registrants each cell holds at levels 2 to 16 (cell of 360/2^level
-- degrees), with the sums of their coordinates so clusters are drawn at their mean point. The
-- registry store keeps both up to date on every write of a location, in the same transaction;
-- low-zoom clusters read person_cell only.
-- Portable SQL for H2 2.x and PostgreSQL 15+.

-- geo_cell = row * 131072 + column, row = floor((latitude + 90) / size), column = floor((longitude + 180) / size).
ALTER TABLE person ADD COLUMN geo_cell BIGINT;
UPDATE person
   SET geo_cell = CAST(FLOOR((latitude + 90) / 0.0054931640625) AS BIGINT) * 131072
                + CAST(FLOOR((longitude + 180) / 0.0054931640625) AS BIGINT)
 WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX person_geo_cell ON person (geo_cell);

CREATE TABLE person_cell (
    cell_level INTEGER          NOT NULL,
    cell_row   INTEGER          NOT NULL,
    cell_col   INTEGER          NOT NULL,
    persons    INTEGER          NOT NULL,
    sum_lat    DOUBLE PRECISION NOT NULL,
    sum_lon    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (cell_level, cell_row, cell_col)
);

-- The finest level from the registrants, each coarser level from the one below it (a cell of level
-- L holds the 2 x 2 cells of level L + 1 whose row and column halve to its own).
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 16, CAST(geo_cell / 131072 AS INTEGER), CAST(MOD(geo_cell, 131072) AS INTEGER), COUNT(*), SUM(latitude), SUM(longitude)
      FROM person WHERE geo_cell IS NOT NULL GROUP BY geo_cell;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 15, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 16 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 14, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 15 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 13, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 14 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 12, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 13 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 11, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 12 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 10, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 11 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 9, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 10 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 8, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 9 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 7, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 8 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 6, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 7 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 5, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 6 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 4, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 5 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 3, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 4 GROUP BY cell_row / 2, cell_col / 2;
INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon)
    SELECT 2, cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon)
      FROM person_cell WHERE cell_level = 3 GROUP BY cell_row / 2, cell_col / 2;
