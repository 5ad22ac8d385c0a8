-- id: wage_type_without_amelding_code
-- title.nb: Lønnsart uten a-meldingskode
-- title.en: Wage type without an a-melding code
-- severity: error
-- area: rapportering
-- key: employment_id, wage_type
SELECT employee_id, employment_id, unit, wage_type, period,
       'Lønnsart ' || wage_type || ' (' || amount || ' kr) mangler a-meldingskode' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id AND coalesce(trim(amelding_code), '') = '';
