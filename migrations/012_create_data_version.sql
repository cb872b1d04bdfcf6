-- One number that changes whenever the data a map view is computed from changes: the figures and their catalogue,
-- the areas, the indelingen (which stadsdelen count) and the wijkbudgetten. The view cache (src/lib/server/view-cache.ts)
-- keys its entries by it. Counting rows on every request did the same, but costs a scan of indicator_values, which holds
-- 3.4 million rows once the national RIVM set is loaded.
--
-- The row is updated inside the writing transaction (a statement-level trigger), so a reader sees the new version only
-- when the new data is committed too; readers never wait for it (MVCC). Concurrent writers queue on the one row, which
-- the imports do anyway.
CREATE TABLE data_version (
	only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
	version  bigint NOT NULL
);
INSERT INTO data_version (only_row, version) VALUES (true, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_version SET version = version + 1;
	RETURN NULL;
END
$$;

CREATE TRIGGER indicator_values_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_values
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indicators_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER areas_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indelingen_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indelingen
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indeling_stadsdelen_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indeling_stadsdelen
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER indeling_buurten_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indeling_buurten
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER wijkbudgetten_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wijkbudgetten
	FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
