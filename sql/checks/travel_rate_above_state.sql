-- id: travel_rate_above_state
-- title.nb: Reisesats over statens sats
-- title.en: Travel rate above the state rate
-- severity: error
-- area: reiser
-- key: claim_id, kind, year
-- Claims paid in the run whose km or per-diem rate exceeds the state rate
-- of the year they were submitted (cfg_state_rates), one finding a claim.
-- Claims of a year without a state rate cannot be checked: that is one
-- warning per year and kind saying how many, never a silent pass.
WITH c AS (
    SELECT t.*, year(timezone(getvariable('tz'), t.submitted_at)) AS year
    FROM raw_travel_claims t
    WHERE t.paid_run_id = $run_id
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY file_id DESC, line DESC) = 1
),
rated AS (
    SELECT c.*, 'km' AS kind, c.km_rate AS rate, r.km AS state
    FROM c LEFT JOIN cfg_state_rates r ON r.year = c.year
    WHERE c.km > 0
    UNION ALL
    SELECT c.*, 'diett', c.per_diem_rate, r.per_diem_max
    FROM c LEFT JOIN cfg_state_rates r ON r.year = c.year
    WHERE c.per_diem_days > 0
)
SELECT employee_id, NULL AS employment_id, unit, claim_id, kind, year, 'error' AS severity,
       'Reiseregning ' || claim_id || ': ' || kind || 'sats ' || rate || ' over statens ' || state AS detail
FROM rated
WHERE rate > state
UNION ALL
SELECT NULL, NULL, NULL, NULL, kind, year, 'warn',
       count(*) || ' reiseregninger med ' || kind || ' i ' || year ||
       ' er ikke kontrollert: ingen statssats for ' || year || ' i konfigurasjonen (payroll.state_rates)'
FROM rated
WHERE state IS NULL
GROUP BY kind, year;
