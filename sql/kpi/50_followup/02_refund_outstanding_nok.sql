-- id: followup.refund_outstanding_nok
-- unit: NOK
-- comparison: <=
-- scope: unit
-- Claimed minus paid, summed over the NAV refund claims not fully paid, as of the quarter's last day.
SELECT coalesce(sum(outstanding), 0)::DOUBLE AS value, count(*) AS n
FROM followup_refund_outstanding($as_of)
WHERE in_unit(unit, $unit);
