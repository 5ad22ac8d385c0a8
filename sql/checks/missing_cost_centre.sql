-- id: missing_cost_centre
-- title.nb: Lønnslinje uten koststed
-- title.en: Pay line without a cost centre
-- severity: error
-- area: rapportering
-- key: employment_id, wage_type
SELECT employee_id, employment_id, unit, wage_type, period,
       'Lønnsart ' || wage_type || ', periode ' || period || ', ' || amount || ' kr uten koststed' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id AND coalesce(trim(cost_centre), '') = '';
