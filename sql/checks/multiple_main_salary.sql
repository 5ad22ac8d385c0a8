-- id: multiple_main_salary
-- title.nb: Mer enn én fastlønnslinje for samme arbeidsforhold og periode
-- title.en: More than one main-salary line for one employment and period
-- severity: error
-- area: hovedlønn
-- key: employment_id
SELECT any_value(employee_id) AS employee_id, employment_id, any_value(unit) AS unit, period,
       count(*) || ' fastlønnslinjer for ' || period || ', til sammen ' || sum(amount) || ' kr' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id AND is_main_salary
GROUP BY employment_id, period
HAVING count(*) > 1;
