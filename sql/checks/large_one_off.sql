-- id: large_one_off
-- title.nb: Stort engangsbeløp
-- title.en: Large one-off payment
-- severity: warn
-- area: tillegg
-- threshold: amount = 100000
-- key: employment_id, wage_type, amount
-- A single line, neither main salary nor hourly pay, of at least the
-- threshold in NOK.
SELECT employee_id, employment_id, unit, wage_type, period, amount,
       'Lønnsart ' || wage_type || ': ' || amount || ' kr i én linje' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id AND NOT is_main_salary AND NOT is_hourly AND amount >= $amount;
