-- New hires and travel claims of the quarter per unit; a unit's row
-- includes the units below it. The whole centre's row is
-- hires_travel_all.sql.
WITH h AS (
    SELECT cl.ancestor AS code,
           count(*) FILTER (WHERE n.registered_quarter = $quarter) AS hires,
           quantile_cont(n.lead_bd, 0.5) FILTER (WHERE n.registered_quarter = $quarter) AS lead_p50,
           count(*) FILTER (WHERE n.start_quarter = $quarter AND n.before_cutoff)
               / nullif(count(*) FILTER (WHERE n.start_quarter = $quarter AND n.cutoff IS NOT NULL), 0) AS before_cutoff
    FROM fct_new_hires n JOIN dim_unit_closure cl ON cl.descendant = n.unit
    GROUP BY cl.ancestor
),
t AS (
    SELECT cl.ancestor AS code,
           count(*) FILTER (WHERE c.paid_quarter = $quarter) AS claims,
           quantile_cont(c.days_to_pay, 0.5) FILTER (WHERE c.paid_quarter = $quarter) AS days_p50,
           count(*) FILTER (WHERE c.paid_quarter = $quarter AND c.days_to_pay <= getvariable('travel_paid_within_days'))
               / nullif(count(*) FILTER (WHERE c.paid_quarter = $quarter), 0) AS within
    FROM fct_travel_claims c JOIN dim_unit_closure cl ON cl.descendant = c.unit
    GROUP BY cl.ancestor
)
SELECT u.code, coalesce(u.name, u.code), coalesce(h.hires, 0), h.lead_p50, h.before_cutoff,
       coalesce(t.claims, 0), t.days_p50, t.within
FROM dim_units u
LEFT JOIN h ON h.code = u.code
LEFT JOIN t ON t.code = u.code
ORDER BY u.code;
