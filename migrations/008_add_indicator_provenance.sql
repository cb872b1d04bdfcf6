-- Real figures beside the demo monitor (StatLine tables such as RIVM's 50090NED and CBS's KWB 85984NED):
-- where each indicator comes from in detail, how StatLine topics and age groups group indicators, which
-- indicators count in the urgency score, interval bounds of model estimates, and Nederland's own values.

ALTER TABLE indicators
	-- The StatLine topic an indicator belongs to ('eenzaam' for rivm_eenzaam_18plus) and its Dutch name;
	-- NULL for an indicator that stands alone. Indicators of one topic differ only in their age group.
	ADD COLUMN topic          text,
	ADD COLUMN topic_name     text,
	-- The age group ('18plus', '18tot65', '65plus') and its Dutch name ('18 jaar en ouder').
	ADD COLUMN age_group      text,
	ADD COLUMN age_group_name text,
	-- Counts in the urgency score, in its domain with its direction. The catalogue decides, not the reader.
	ADD COLUMN urgency        boolean NOT NULL DEFAULT true,
	-- Published in waves (RIVM: 2012, 2016, 2020): a year without a wave uses the latest wave before it.
	ADD COLUMN waves          boolean NOT NULL DEFAULT false,
	-- Provenance as the source describes itself: { publisher, table, title, licence, estimate, attribution }.
	ADD COLUMN source_meta    jsonb;

ALTER TABLE indicator_values
	-- Bounds of the interval around a model estimate (StatLine `Marges` other than MW00000), where published.
	ADD COLUMN lower double precision CHECK (lower > '-Infinity'::float8 AND lower < 'Infinity'::float8),
	ADD COLUMN upper double precision CHECK (upper > '-Infinity'::float8 AND upper < 'Infinity'::float8),
	-- Nederland (NL01) too: the area card compares a buurt with its gemeente and the country.
	DROP CONSTRAINT indicator_values_area_code_check,
	ADD CONSTRAINT indicator_values_area_code_check
		CHECK (area_code ~ '^(NL[0-9]{2}|GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}|SD[0-9]{4}-[a-z0-9-]+)$');
