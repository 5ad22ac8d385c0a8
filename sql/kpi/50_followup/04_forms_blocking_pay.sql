-- id: followup.forms_blocking_pay
-- unit: count
-- comparison: <=
-- scope: unit
-- Forms in flow that affect pay and are not approved by the pay cut-off, as of the quarter's last day.
SELECT count(*) AS value, count(*) AS n
FROM followup_forms($as_of)
WHERE in_unit(unit, $unit);
