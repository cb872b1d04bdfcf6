-- The wijk- en buurtmonitor: a catalogue of indicators and their values per area and year, with where each
-- value comes from (source) and whether it is invented (synthetic demo data). A value that a source does not
-- have is not stored: no row means "not available", never zero. Values are stored as delivered (mostly for
-- buurten); wijk, stadsdeel and gemeente figures are aggregated on read (see 003_create_monitor_values.sql),
-- unless a source delivers them itself.

CREATE TABLE indicators (
	-- Lower-case identifier as in the source files (p_laag_inkomen, woz, inwoners).
	code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name        text NOT NULL CHECK (name <> ''),
	unit        text NOT NULL,
	domain      text NOT NULL CHECK (domain IN ('context', 'sociaal', 'gezondheid', 'veiligheid', 'wonen', 'duurzaamheid')),
	direction   text NOT NULL CHECK (direction IN ('hoger_is_urgenter', 'lager_is_urgenter', 'context')),
	-- How buurt values add up: counts are summed, shares and averages weighted by inhabitants or households.
	weighting   text NOT NULL CHECK (weighting IN ('som', 'inwoners', 'huishoudens')),
	source      text NOT NULL,
	synthetic   boolean NOT NULL DEFAULT false,
	imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE indicator_values (
	-- An area code of any year in `areas` (codes, not code + year: the demo and CBS series keep a buurt's code
	-- over the years, and a value outlives a change of the boundaries it was measured in). Importers check it.
	area_code   text NOT NULL CHECK (area_code ~ '^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|SD[0-9]{4}-[a-z0-9-]+)$'),
	indicator   text NOT NULL REFERENCES indicators (code) ON UPDATE CASCADE ON DELETE CASCADE,
	year        integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	-- Finite: excludes NaN (which PostgreSQL sorts above Infinity) and both infinities.
	value       double precision NOT NULL CHECK (value > '-Infinity'::float8 AND value < 'Infinity'::float8),
	source      text NOT NULL,
	synthetic   boolean NOT NULL DEFAULT false,
	imported_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (area_code, indicator, year)
);

CREATE INDEX indicator_values_indicator_year_idx ON indicator_values (indicator, year);
