-- The area hierarchy: CBS gemeenten, wijken and buurten per CBS year, and the municipal stadsdelen
-- (defined per gemeente as a buurt → stadsdeel assignment; their geometry is derived from the buurten).
-- Geometry is kept as CBS delivers it (RD New, EPSG:28992) and in WGS84 for the map and the API.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE areas (
	code         text NOT NULL,
	year         integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
	level        text NOT NULL CHECK (level IN ('gemeente', 'stadsdeel', 'wijk', 'buurt')),
	name         text NOT NULL CHECK (name <> ''),
	gemeentecode text NOT NULL CHECK (gemeentecode ~ '^GM[0-9]{4}$'),
	wijkcode     text CHECK (wijkcode ~ '^WK[0-9]{6}$'),
	geom_rd      geometry(MultiPolygon, 28992) NOT NULL,
	geom         geometry(MultiPolygon, 4326) NOT NULL,
	-- A point inside the area, where its label goes.
	label_point  geometry(Point, 4326) NOT NULL,
	area_ha      double precision NOT NULL,
	-- Further attributes as the source delivers them (e.g. CBS kerncijfers of the context layer).
	attributes   jsonb NOT NULL DEFAULT '{}'::jsonb,
	source       text NOT NULL,
	imported_at  timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (code, year),
	CHECK (
		(level = 'gemeente' AND code = gemeentecode) OR
		(level = 'wijk' AND code ~ '^WK[0-9]{6}$' AND substr(code, 3, 4) = substr(gemeentecode, 3, 4)) OR
		(level = 'buurt' AND code ~ '^BU[0-9]{8}$' AND wijkcode IS NOT NULL AND substr(code, 3, 6) = substr(wijkcode, 3, 6)) OR
		(level = 'stadsdeel' AND code ~ '^SD[0-9]{4}-[a-z0-9-]+$')
	)
);

CREATE INDEX areas_geom_rd_gix ON areas USING gist (geom_rd);
CREATE INDEX areas_geom_gix ON areas USING gist (geom);
CREATE INDEX areas_gemeente_level_idx ON areas (gemeentecode, level, year);
CREATE INDEX areas_wijk_idx ON areas (wijkcode, year);
CREATE INDEX areas_name_idx ON areas (lower(name));

-- Stadsdelen are municipal, not CBS: a named grouping of buurten per gemeente.
-- One indeling per gemeente and CBS year (buurt codes change between years).
CREATE TABLE stadsdelen (
	code         text NOT NULL CHECK (code ~ '^SD[0-9]{4}-[a-z0-9-]+$'),
	year         integer NOT NULL,
	gemeentecode text NOT NULL CHECK (gemeentecode ~ '^GM[0-9]{4}$'),
	name         text NOT NULL CHECK (name <> ''),
	source       text NOT NULL,
	PRIMARY KEY (code, year),
	UNIQUE (gemeentecode, year, name)
);

CREATE TABLE stadsdeel_buurten (
	buurtcode     text NOT NULL,
	year          integer NOT NULL,
	stadsdeelcode text NOT NULL,
	-- How sure the source is of this assignment (hoog / middel / laag) and why.
	zekerheid     text,
	onderbouwing  text,
	PRIMARY KEY (buurtcode, year),
	FOREIGN KEY (stadsdeelcode, year) REFERENCES stadsdelen (code, year) ON DELETE CASCADE,
	FOREIGN KEY (buurtcode, year) REFERENCES areas (code, year) ON DELETE CASCADE
);

CREATE INDEX stadsdeel_buurten_stadsdeel_idx ON stadsdeel_buurten (stadsdeelcode, year);
