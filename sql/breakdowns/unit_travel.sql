-- A unit's travel claims paid in the quarter.
SELECT claim_id, employee_id, coalesce(unit, ''), submitted_at, coalesce(paid_run_id, ''), pay_date, days_to_pay, amount::DOUBLE
FROM fct_travel_claims
WHERE in_unit(unit, $unit) AND paid_quarter = $quarter
ORDER BY pay_date, claim_id;
