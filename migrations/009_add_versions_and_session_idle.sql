-- Lost updates and idle sessions.
--
-- `version` on programmes, investments and signals (as stories have it since 007): it counts the writes that
-- changed what the item says. A PUT or DELETE names the version it was based on; a stale one is refused (409), so
-- two people editing from one read no longer overwrite each other, and an undo refuses an item changed since.
-- The trigger bumps it on every update that changes the row's content (not on a touch of updated_at alone), unless
-- the update sets a version itself (undo putting a deleted item back does, to stay above the version it had).
CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.version IS DISTINCT FROM OLD.version THEN
		RETURN NEW;
	END IF;
	IF (to_jsonb(NEW) - 'updated_at' - 'version') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at' - 'version') THEN
		NEW.version := OLD.version + 1;
	END IF;
	RETURN NEW;
END
$$;

ALTER TABLE programmes ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE investments ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE signals ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE TRIGGER programmes_version BEFORE UPDATE ON programmes FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER investments_version BEFORE UPDATE ON investments FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER signals_version BEFORE UPDATE ON signals FOR EACH ROW EXECUTE FUNCTION bump_version();

-- Sessions end after a while without use (the idle timeout), besides their fixed lifetime.
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now();

-- A move between gemeenten is listed in both gemeenten' Wijzigingen (listAudit looks at before and after too).
CREATE INDEX audit_log_before_gemeente_idx ON audit_log ((before ->> 'gemeentecode'));
CREATE INDEX audit_log_after_gemeente_idx ON audit_log ((after ->> 'gemeentecode'));
