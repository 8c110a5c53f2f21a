-- Saved column mappings for bulk intake (CSV/XLSX import): a name and its "target=Source Column"
-- lines. Portable SQL for H2 2.x and PostgreSQL 15+.

CREATE TABLE intake_mapping (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    definition VARCHAR(4000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
