-- stg_employments: each employment in its latest registered version.
CREATE OR REPLACE VIEW stg_employments AS
SELECT employee_id, employment_id, unit, start_date, end_date, position_pct, status, registered_at
FROM raw_employees
QUALIFY row_number() OVER (PARTITION BY employment_id ORDER BY file_id DESC, line DESC) = 1;

-- stg_pay_lines: pay lines with their period's first and last day, and
-- whether the line is main salary or hourly pay (by a-melding code).
CREATE OR REPLACE VIEW stg_pay_lines AS
SELECT *,
       strptime(period || '-01', '%Y-%m-%d')::DATE AS period_start,
       last_day(strptime(period || '-01', '%Y-%m-%d')::DATE) AS period_end,
       list_contains(getvariable('main_salary_codes'), amelding_code) AS is_main_salary,
       list_contains(getvariable('hourly_codes'), amelding_code) AS is_hourly
FROM raw_pay_lines;

-- stg_pay_runs: one row per run with its totals.
CREATE OR REPLACE VIEW stg_pay_runs AS
SELECT run_id,
       any_value(run_type) AS run_type,
       min(pay_date) AS pay_date,
       max(period) AS period,
       count(*) AS lines,
       count(DISTINCT employee_id) AS headcount,
       count(DISTINCT employment_id) AS employments,
       sum(amount) FILTER (WHERE amount > 0)::DOUBLE AS gross
FROM raw_pay_lines
GROUP BY run_id;

-- stg_run_compare: the run each run is compared with (SPEC §5). Seasonal
-- runs — June (holiday pay) and December (half tax) — are compared with
-- the run of the same type and month a year before; the others with the
-- latest earlier run of the same type that is not seasonal, so July is
-- not measured against June's holiday pay.
CREATE OR REPLACE VIEW stg_run_compare AS
SELECT r.run_id,
       (SELECT p.run_id FROM stg_pay_runs p
        WHERE p.run_type = r.run_type AND p.pay_date < r.pay_date
          AND CASE WHEN month(r.pay_date) IN (6, 12)
                   THEN month(p.pay_date) = month(r.pay_date) AND year(p.pay_date) = year(r.pay_date) - 1
                   ELSE month(p.pay_date) NOT IN (6, 12) END
        ORDER BY p.pay_date DESC, p.run_id DESC
        LIMIT 1) AS prev_run_id
FROM stg_pay_runs r;
