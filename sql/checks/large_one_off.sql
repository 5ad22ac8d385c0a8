-- id: large_one_off
-- title.nb: Stort engangsbeløp
-- title.en: Large one-off payment
-- severity: warn
-- area: tillegg
-- threshold: amount = 100000
-- key: employment_id, wage_type, amount
-- A single line of at least the threshold in NOK that is neither main
-- salary, hourly pay nor holiday pay (payroll.holiday_pay_codes), which
-- are large by nature.
SELECT employee_id, employment_id, unit, wage_type, period, amount,
       'Lønnsart ' || wage_type || ': ' || amount || ' kr i én linje' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id AND NOT is_main_salary AND NOT is_hourly
  AND NOT list_contains(getvariable('holiday_pay_codes'), amelding_code)
  AND amount >= $amount;
