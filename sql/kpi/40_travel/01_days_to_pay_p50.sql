-- id: travel.days_to_pay_p50
-- unit: d
-- comparison: <=
-- scope: unit
-- 50th percentile of calendar days from a travel claim's submission to the pay date of the run that paid it, by the quarter of payment.
SELECT quantile_cont(days_to_pay, 0.5) AS value, count(days_to_pay) AS n
FROM fct_travel_claims
WHERE paid_quarter = $quarter AND in_unit(unit, $unit);
