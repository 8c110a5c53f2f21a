-- Consolidated totals per crisis and per status (issue 8, ADR 0054). Portable SQL for H2 2.x and PostgreSQL 15+.

-- The exchange schema version of each imported workbook (NULL: imported before this migration, i.e. version 1).
-- Version 1 registry exports carry no crisis or status figures; the consolidation says which posts sent one.
ALTER TABLE exchange_import ADD COLUMN schema_version INTEGER;

-- Per import: registrants inside each hotspot that was active at the post when it exported, by dimension
-- (TOTAL with an empty value, STATUS, VULNERABILITY; later ACCOUNTABILITY). Hotspot facts are copied
-- as the post described them, so HQ needs no map data of its own.
CREATE TABLE exchange_crisis_total (
    import_id   BIGINT       NOT NULL,
    crisis      VARCHAR(200) NOT NULL,
    crisis_type VARCHAR(40)  NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    valid_from  DATE,
    valid_to    DATE,
    dimension   VARCHAR(40)  NOT NULL,
    dim_value   VARCHAR(200) NOT NULL,
    persons     BIGINT       NOT NULL,
    PRIMARY KEY (import_id, crisis, dimension, dim_value),
    CONSTRAINT exchange_crisis_total_import FOREIGN KEY (import_id) REFERENCES exchange_import (id) ON DELETE CASCADE
);
CREATE INDEX exchange_crisis_total_crisis ON exchange_crisis_total (crisis, dimension);
