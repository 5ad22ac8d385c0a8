-- id: travel.paid_within_14d
-- unit: share
-- comparison: >=
-- scope: unit
-- Share of the quarter's paid travel claims paid within the threshold (payroll.travel_paid_within_days, 14 days by default).
SELECT count(*) FILTER (WHERE days_to_pay <= getvariable('travel_paid_within_days')) / nullif(count(*), 0) AS value,
       count(*) AS n
FROM fct_travel_claims
WHERE paid_quarter = $quarter AND in_unit(unit, $unit);
