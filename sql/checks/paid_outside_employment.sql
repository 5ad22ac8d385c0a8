-- id: paid_outside_employment
-- title.nb: Utbetaling for periode utenfor arbeidsforholdet
-- title.en: Paid for a period outside the employment
-- severity: error
-- area: stamdata
-- key: employment_id, wage_type
-- A line whose whole period lies after the employment's end date or
-- before its start date, or whose employment is not registered.
SELECT l.employee_id, l.employment_id, l.unit, l.wage_type, l.period,
       CASE WHEN e.employment_id IS NULL THEN 'Arbeidsforhold ' || coalesce(l.employment_id, '(tomt)') || ' finnes ikke i ansattregisteret'
            WHEN l.period_start > e.end_date THEN 'Periode ' || l.period || ' etter sluttdato ' || e.end_date
            ELSE 'Periode ' || l.period || ' før startdato ' || e.start_date END AS detail
FROM stg_pay_lines l
LEFT JOIN stg_employments e USING (employment_id)
WHERE l.run_id = $run_id
  AND (e.employment_id IS NULL OR l.period_start > e.end_date OR l.period_end < e.start_date);
