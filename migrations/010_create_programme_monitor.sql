-- The effect monitor of a programme: the succesindicatoren editors chose (with the desired direction and an optional
-- target), the nulmeting frozen when each was chosen (value, year and source, so that later imports do not change
-- it), and the editors' changes to the matched comparison group (a buurt added or left out, with a reason).
-- Audited and undone as one item per programme (audit entity 'programme_monitor', entity_id = the programme's id):
-- src/lib/server/db/programme-monitor.ts.

CREATE TABLE programme_monitors (
	programme_id bigint PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
	-- Raised on every write: a PUT that started from an older version is refused (409).
	version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
	updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme_indicators (
	programme_id       bigint NOT NULL REFERENCES programme_monitors (programme_id) ON DELETE CASCADE,
	indicator          text NOT NULL REFERENCES indicators (code) ON UPDATE CASCADE,
	position           integer NOT NULL,
	richting           text NOT NULL CHECK (richting IN ('omlaag', 'omhoog')),
	doel               double precision CHECK (doel > '-Infinity'::float8 AND doel < 'Infinity'::float8),
	doeljaar           integer CHECK (doeljaar BETWEEN 2000 AND 2100),
	chosen_at          timestamptz NOT NULL DEFAULT now(),
	chosen_by          text NOT NULL,
	-- The nulmeting as it was when frozen; all NULL while there is none (no start date, or no value before it).
	baseline_year      integer,
	baseline_value     double precision,
	baseline_source    text,
	baseline_synthetic boolean,
	baseline_frozen_at timestamptz,
	PRIMARY KEY (programme_id, indicator),
	CHECK (doeljaar IS NULL OR doel IS NOT NULL),
	CHECK ((baseline_year IS NULL) = (baseline_value IS NULL) AND (baseline_year IS NULL) = (baseline_source IS NULL))
);

CREATE TABLE programme_comparison_changes (
	programme_id bigint NOT NULL REFERENCES programme_monitors (programme_id) ON DELETE CASCADE,
	buurtcode    text NOT NULL CHECK (buurtcode ~ '^BU[0-9]{8}$'),
	change       text NOT NULL CHECK (change IN ('toevoegen', 'weglaten')),
	reason       text NOT NULL CHECK (reason <> ''),
	changed_at   timestamptz NOT NULL DEFAULT now(),
	changed_by   text NOT NULL,
	PRIMARY KEY (programme_id, buurtcode)
);

-- The audit trail records these too (the constraint's list as in 005, plus this one).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
	CHECK (entity IN ('programme', 'investment', 'signal', 'user', 'area_assessment', 'story', 'programme_monitor'));
