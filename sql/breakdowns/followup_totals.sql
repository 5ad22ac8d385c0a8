-- The four follow-up KPIs as of $as_of for every unit (each including the
-- units below it); the centre's totals are the KPI files' own.
SELECT u.code, coalesce(u.name, u.code), coalesce(u.parent, ''),
       (SELECT count(*) FROM followup_refunds($as_of) r JOIN dim_unit_closure c ON c.descendant = r.unit
        WHERE c.ancestor = u.code AND r.kind = 'missing'),
       (SELECT coalesce(sum(o.outstanding), 0)::DOUBLE FROM followup_refund_outstanding($as_of) o JOIN dim_unit_closure c ON c.descendant = o.unit
        WHERE c.ancestor = u.code),
       (SELECT count(*) FROM followup_contracts($as_of) k JOIN dim_unit_closure c ON c.descendant = k.unit
        WHERE c.ancestor = u.code AND k.kind = 'unsigned'),
       (SELECT count(*) FROM followup_forms($as_of) f JOIN dim_unit_closure c ON c.descendant = f.unit
        WHERE c.ancestor = u.code)
FROM dim_units u
ORDER BY u.code;
