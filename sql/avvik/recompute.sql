-- Recompute the deviation register from kpi_results: every centre-wide KPI
-- with a target that was not met in a quarter is a deviation. Its run of
-- consecutive missed quarters gives first_missed and consecutive; the
-- escalation level rises one step for each further quarter in the run
-- (avvik.quarters_per_level) and one for a large gap (avvik.big_gap_pct of
-- the target), from 1 (the centre) to 3 (HR director). Measures stay.
CREATE OR REPLACE TEMP TABLE deviations_now AS
WITH r AS (
    SELECT id, quarter, value, target, comparison,
           CAST(left(quarter, 4) AS INTEGER) * 4 + CAST(right(quarter, 1) AS INTEGER) - 1 AS qn
    FROM kpi_results
    WHERE unit = '' AND target IS NOT NULL AND met = false AND value IS NOT NULL
),
islands AS (
    SELECT *, qn - row_number() OVER (PARTITION BY id ORDER BY qn) AS island FROM r
),
runs AS (
    SELECT *,
           row_number() OVER (PARTITION BY id, island ORDER BY qn) AS consecutive,
           first_value(quarter) OVER (PARTITION BY id, island ORDER BY qn) AS first_missed,
           CASE comparison WHEN '>=' THEN target - value ELSE value - target END AS gap
    FROM islands
)
SELECT id AS kpi, quarter, '' AS unit, value, target, coalesce(comparison, '<=') AS comparison, gap,
       first_missed, consecutive,
       least(3, 1 + (consecutive - 1) // getvariable('avvik_quarters_per_level')
                  + CASE WHEN target <> 0 AND 100 * gap / abs(target) >= getvariable('avvik_big_gap_pct') THEN 1 ELSE 0 END) AS level
FROM runs;

INSERT INTO deviations (kpi, quarter, unit, value, target, comparison, gap, first_missed, consecutive, level, status, updated_at)
SELECT kpi, quarter, unit, value, target, comparison, gap, first_missed, consecutive, level, 'open', now()
FROM deviations_now
ON CONFLICT (kpi, quarter, unit) DO UPDATE SET
    value = excluded.value, target = excluded.target, comparison = excluded.comparison, gap = excluded.gap,
    first_missed = excluded.first_missed, consecutive = excluded.consecutive, level = excluded.level,
    status = 'open', updated_at = excluded.updated_at;

-- A deviation whose quarter is now met (data or target changed) is closed,
-- not deleted: its measure is history.
UPDATE deviations d SET status = 'closed', updated_at = now()
WHERE status = 'open'
  AND NOT EXISTS (SELECT 1 FROM deviations_now n WHERE n.kpi = d.kpi AND n.quarter = d.quarter AND n.unit = d.unit);

-- A deviation is closed once a later quarter meets the target again: the
-- run of misses it belongs to has ended.
UPDATE deviations d SET status = 'closed', updated_at = now()
WHERE status = 'open'
  AND EXISTS (SELECT 1 FROM kpi_results r
              WHERE r.id = d.kpi AND r.unit = d.unit AND r.met AND r.quarter > d.quarter);
