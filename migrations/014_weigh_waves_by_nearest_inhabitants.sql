-- monitor_values() weighs a survey wave by the nearest year's inhabitants when its own year has none.
--
-- The RIVM health figures come in waves (2012, 2016, 2020) while the buurten's inhabitants start in 2020 (the demo
-- monitor; CBS publishes no buurt inhabitants here). With weights of the same year only, a stadsdeel or any other
-- group of buurten had no value for 2012 and 2016, and a programme over several buurten no nulmeting from a wave
-- before 2020. Now each buurt's weight for a year is its inhabitants (households) of that year, else of the nearest
-- year with a figure (the later of two equally near). Everything else is as in 003_create_monitor_values.sql, whose
-- first comment states the contract; the `inwoners` column still says only what is known for that year.
-- The effect monitor applies the same rule to a set of buurten in TypeScript (domain/effect.ts, aggregateBuurten with
-- the weights chosen by BuurtTable.weight in server/effect.ts); a db test holds the two together.

CREATE OR REPLACE FUNCTION monitor_values(
	p_gemeente  text,
	p_level     text,
	p_year      integer DEFAULT NULL,
	p_indicator text DEFAULT NULL,
	p_area      text DEFAULT NULL,
	p_threshold double precision DEFAULT 50
) RETURNS TABLE (
	code       text,
	name       text,
	year       integer,
	indicator  text,
	value      double precision,
	inwoners   double precision,
	suppressed boolean,
	stored     boolean
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH
-- The gemeente's current CBS year.
current_year AS (
	SELECT max(a.year) AS year FROM areas a WHERE a.level = 'buurt' AND a.gemeentecode = p_gemeente
),
-- The areas reported on.
targets AS (
	SELECT a.code, a.name
	FROM areas a JOIN current_year c ON a.year = c.year
	WHERE a.gemeentecode = p_gemeente AND a.level = p_level AND (p_area IS NULL OR a.code = p_area)
),
-- The gemeente's buurten in that year.
buurten AS (
	SELECT b.code, b.wijkcode, b.year
	FROM areas b JOIN current_year c ON b.year = c.year
	WHERE b.gemeentecode = p_gemeente AND b.level = 'buurt'
),
-- Which buurten make up each target area.
members AS (
	SELECT t.code AS area, b.code AS buurt
	FROM targets t JOIN buurten b ON CASE p_level
		WHEN 'buurt' THEN b.code = t.code
		WHEN 'wijk' THEN b.wijkcode = t.code
		WHEN 'gemeente' THEN true
		ELSE false
	END
	UNION ALL
	SELECT sb.stadsdeelcode, sb.buurtcode
	FROM stadsdeel_buurten sb JOIN buurten b ON b.code = sb.buurtcode AND b.year = sb.year
	WHERE p_level = 'stadsdeel' AND sb.stadsdeelcode IN (SELECT t.code FROM targets t)
),
-- The indicators asked for, plus the bases that weighting and suppression need.
wanted AS (
	SELECT i.code, i.weighting FROM indicators i
	WHERE p_indicator IS NULL OR i.code IN (p_indicator, 'inwoners', 'huishoudens')
),
-- The years reported: the one asked for, or every year with a value anywhere in the gemeente (so that
-- every area's series has the same years, with gaps where it has no value).
years AS (
	SELECT p_year AS year WHERE p_year IS NOT NULL
	UNION
	SELECT DISTINCT v.year FROM indicator_values v
	WHERE p_year IS NULL
	  AND EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.gemeentecode = p_gemeente)
),
-- Buurt values of those years.
buurt_values AS (
	SELECT v.area_code AS buurt, v.indicator, v.year, v.value
	FROM indicator_values v
	JOIN years y ON y.year = v.year
	JOIN wanted w ON w.code = v.indicator
	WHERE v.area_code IN (SELECT m.buurt FROM members m)
),
-- Each buurt's inhabitants and households per reported year, the weights: that year's figure, else the one of the
-- nearest year with a figure (the later of two equally near).
inwoners_weights AS (
	SELECT DISTINCT ON (v.area_code, y.year) v.area_code AS buurt, y.year, v.value AS inwoners
	FROM indicator_values v CROSS JOIN years y
	WHERE v.indicator = 'inwoners' AND v.value IS NOT NULL AND v.area_code IN (SELECT m.buurt FROM members m)
	ORDER BY v.area_code, y.year, abs(v.year - y.year), v.year DESC
),
huishoudens_weights AS (
	SELECT DISTINCT ON (v.area_code, y.year) v.area_code AS buurt, y.year, v.value AS huishoudens
	FROM indicator_values v CROSS JOIN years y
	WHERE v.indicator = 'huishoudens' AND v.value IS NOT NULL AND v.area_code IN (SELECT m.buurt FROM members m)
	ORDER BY v.area_code, y.year, abs(v.year - y.year), v.year DESC
),
weights AS (
	SELECT COALESCE(i.buurt, h.buurt) AS buurt, COALESCE(i.year, h.year) AS year, i.inwoners, h.huishoudens
	FROM inwoners_weights i FULL JOIN huishoudens_weights h ON h.buurt = i.buurt AND h.year = i.year
),
-- Buurt values added up per target area: counts summed, shares weighted by their base.
aggregated AS (
	SELECT m.area, bv.indicator, bv.year,
	       CASE w.weighting
	         WHEN 'som' THEN sum(bv.value)
	         WHEN 'inwoners' THEN sum(bv.value * wt.inwoners) / NULLIF(sum(wt.inwoners), 0)
	         WHEN 'huishoudens' THEN sum(bv.value * wt.huishoudens) / NULLIF(sum(wt.huishoudens), 0)
	       END AS value
	FROM members m
	JOIN buurt_values bv ON bv.buurt = m.buurt
	JOIN wanted w ON w.code = bv.indicator
	LEFT JOIN weights wt ON wt.buurt = bv.buurt AND wt.year = bv.year
	GROUP BY m.area, bv.indicator, bv.year, w.weighting
),
-- Values stored for the target areas themselves.
stored_values AS (
	SELECT v.area_code AS area, v.indicator, v.year, v.value
	FROM indicator_values v
	JOIN years y ON y.year = v.year
	JOIN wanted w ON w.code = v.indicator
	WHERE v.area_code IN (SELECT t.code FROM targets t)
),
-- A stored value wins over the aggregate.
combined AS (
	SELECT COALESCE(s.area, a.area) AS area, COALESCE(s.indicator, a.indicator) AS indicator,
	       COALESCE(s.year, a.year) AS year, COALESCE(s.value, a.value) AS value, s.value IS NOT NULL AS stored
	FROM stored_values s
	FULL JOIN aggregated a ON a.area = s.area AND a.indicator = s.indicator AND a.year = s.year
),
-- Inhabitants per area and year: what suppression looks at.
population AS (
	SELECT c.area, c.year, c.value AS inwoners FROM combined c WHERE c.indicator = 'inwoners'
)
SELECT t.code, t.name, y.year, i.code,
       CASE WHEN p.inwoners < p_threshold THEN NULL ELSE c.value END,
       CASE WHEN p.inwoners < p_threshold THEN NULL ELSE p.inwoners END,
       COALESCE(p.inwoners < p_threshold, false),
       COALESCE(c.stored, false)
FROM targets t
CROSS JOIN years y
CROSS JOIN indicators i
LEFT JOIN combined c ON c.area = t.code AND c.year = y.year AND c.indicator = i.code
LEFT JOIN population p ON p.area = t.code AND p.year = y.year
WHERE p_indicator IS NULL OR i.code = p_indicator
ORDER BY t.code, i.code, y.year
$$;
