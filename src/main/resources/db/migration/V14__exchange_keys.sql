-- Post key removal and rotation (issue 8). Portable SQL for H2 2.x and PostgreSQL 15+.
-- A registry may now have several keys over time: at most one active (retired_at IS NULL, enforced by
-- the service in one transaction); retired keys stay so that old imports keep their provenance and a
-- workbook signed by a retired key is refused with a clear message.
ALTER TABLE exchange_post_key DROP CONSTRAINT exchange_post_key_registry;
ALTER TABLE exchange_post_key ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchange_post_key ADD COLUMN retired_by VARCHAR(64);
CREATE INDEX exchange_post_key_registry_idx ON exchange_post_key (registry_id);
