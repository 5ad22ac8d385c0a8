-- id: newhire.before_first_run
-- unit: share
-- comparison: >=
-- scope: unit
-- Share of new hires registered by the cut-off of their first pay month, by the quarter they started.
SELECT count(*) FILTER (WHERE before_cutoff) / nullif(count(*), 0) AS value, count(*) AS n
FROM fct_new_hires
WHERE start_quarter = $quarter AND cutoff IS NOT NULL AND in_unit(unit, $unit);
