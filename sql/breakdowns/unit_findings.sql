-- Payroll-check findings on a unit's rows (its own and those of units
-- below it) in the runs paid in the quarter; run-level findings carry no
-- unit and stay out of unit workbooks.
SELECT f.run_id, r.pay_date, f.rule, f.severity, f.fingerprint,
       coalesce(f.employee_id, ''), coalesce(f.employment_id, ''), coalesce(f.unit, ''), f.detail,
       a.fingerprint IS NOT NULL AS accepted, coalesce(a.reason, '')
FROM check_findings f
JOIN stg_pay_runs r USING (run_id)
LEFT JOIN check_acceptances a USING (fingerprint)
WHERE f.unit IS NOT NULL AND in_unit(f.unit, $unit)
  AND year(r.pay_date) || 'Q' || quarter(r.pay_date) = $quarter
ORDER BY r.pay_date, f.run_id, f.rule, f.employee_id;
