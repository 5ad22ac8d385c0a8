-- id: followup.unsigned_contracts
-- unit: count
-- comparison: <=
-- scope: unit
-- Contracts sent more than 14 days before and still unsigned, as of the quarter's last day.
SELECT count(*) AS value, count(*) AS n
FROM followup_contracts($as_of)
WHERE kind = 'unsigned' AND in_unit(unit, $unit);
