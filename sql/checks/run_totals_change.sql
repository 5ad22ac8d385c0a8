-- id: run_totals_change
-- title.nb: Stor endring i kjøringens totaler
-- title.en: Large change in the run's totals
-- severity: error
-- area: rapportering
-- threshold: warn_pct = 5
-- threshold: error_pct = 10
-- key: run_id, measure
-- Headcount and gross against the run compared with (previous run of the
-- type; June and December: the same month a year before).
WITH cur AS (SELECT * FROM stg_pay_runs WHERE run_id = $run_id),
prev AS (SELECT * FROM stg_pay_runs WHERE run_id = (SELECT prev_run_id FROM stg_run_compare WHERE run_id = $run_id)),
m AS (
    SELECT 'headcount' AS measure, cur.headcount::DOUBLE AS now, prev.headcount::DOUBLE AS before, prev.run_id AS prev_id FROM cur, prev
    UNION ALL
    SELECT 'gross', cur.gross::DOUBLE, prev.gross::DOUBLE, prev.run_id FROM cur, prev
)
SELECT NULL AS employee_id, NULL AS employment_id, NULL AS unit, CAST($run_id AS VARCHAR) AS run_id, measure,
       CASE WHEN abs(100 * (now - before) / before) > $error_pct THEN 'error' ELSE 'warn' END AS severity,
       CASE measure WHEN 'headcount' THEN 'Antall ansatte' ELSE 'Brutto' END || ' ' || before || ' → ' || now ||
       ' (' || round(100 * (now - before) / before, 1) || ' %) mot ' || prev_id AS detail
FROM m
WHERE before <> 0 AND abs(100 * (now - before) / before) > $warn_pct;
