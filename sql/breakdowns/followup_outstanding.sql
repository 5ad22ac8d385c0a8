-- NAV refund money outstanding as of $as_of for a unit, or the centre.
SELECT coalesce(sum(outstanding), 0)::DOUBLE FROM followup_refund_outstanding($as_of) WHERE in_unit(unit, $unit);
