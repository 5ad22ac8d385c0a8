-- id: duplicate_pay_line
-- title.nb: Samme lønnslinje mer enn én gang i kjøringen
-- title.en: The same pay line more than once in the run
-- severity: error
-- area: hovedlønn
-- key: employment_id, wage_type, amount
SELECT employee_id, employment_id, any_value(unit) AS unit, wage_type, period, amount,
       count(*) || ' like linjer: lønnsart ' || wage_type || ', periode ' || period || ', ' || amount || ' kr' AS detail
FROM stg_pay_lines
WHERE run_id = $run_id
GROUP BY employee_id, employment_id, wage_type, period, amount
HAVING count(*) > 1;
