-- id: travel_rate_above_state
-- title.nb: Reisesats over statens sats
-- title.en: Travel rate above the state rate
-- severity: error
-- area: reiser
-- key: claim_id, kind
-- Claims paid in the run whose km or per-diem rate exceeds the state rate
-- of the year they were submitted (cfg_state_rates). A year without a rate
-- is a warning that the claim was not checked, never a silent pass.
WITH c AS (
    SELECT t.*, year(timezone(getvariable('tz'), t.submitted_at)) AS yr
    FROM raw_travel_claims t
    WHERE t.paid_run_id = $run_id
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY file_id DESC, line DESC) = 1
),
checks AS (
    SELECT c.*, 'km' AS kind, c.km_rate AS rate, r.km AS state
    FROM c LEFT JOIN cfg_state_rates r ON r.year = c.yr
    WHERE c.km > 0
    UNION ALL
    SELECT c.*, 'diett', c.per_diem_rate, r.per_diem_max
    FROM c LEFT JOIN cfg_state_rates r ON r.year = c.yr
    WHERE c.per_diem_days > 0
)
SELECT employee_id, NULL AS employment_id, unit, claim_id, kind,
       CASE WHEN state IS NULL THEN 'warn' ELSE 'error' END AS severity,
       CASE WHEN state IS NULL
            THEN 'Reiseregning ' || claim_id || ': ingen statssats for ' || kind || ' i ' || yr || ' å sammenligne med — ikke kontrollert'
            ELSE 'Reiseregning ' || claim_id || ': ' || kind || 'sats ' || rate || ' over statens ' || state END AS detail
FROM checks
WHERE state IS NULL OR rate > state;
