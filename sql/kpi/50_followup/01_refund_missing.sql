-- id: followup.refund_missing
-- unit: count
-- comparison: <=
-- scope: unit
-- Sick absences past the employer period with no NAV refund claim overlapping them, as of the quarter's last day.
SELECT count(*) AS value, count(*) AS n
FROM followup_refunds($as_of)
WHERE kind = 'missing' AND in_unit(unit, $unit);
