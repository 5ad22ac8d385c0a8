-- The quarter's cases per category ($dim = 'category') or operator group
-- ('operator_group'): opened, resolved, open at the quarter's end, and
-- business hours to first response and to resolution.
WITH c AS (
    SELECT coalesce(CASE $dim WHEN 'category' THEN category ELSE operator_group END, '–') AS key, *
    FROM fct_cases
),
agg AS (
    SELECT key, '' AS name,
           count(*) FILTER (WHERE opened_quarter = $quarter) AS opened,
           count(*) FILTER (WHERE resolved_quarter = $quarter) AS resolved,
           count(*) FILTER (WHERE started_at < $quarter_end AND (done_at IS NULL OR done_at >= $quarter_end)) AS backlog,
           quantile_cont(response_bh, 0.5) FILTER (WHERE response_quarter = $quarter) AS response_p50,
           quantile_cont(resolution_bh, 0.5) FILTER (WHERE resolved_quarter = $quarter) AS resolution_p50,
           quantile_cont(resolution_bh, 0.9) FILTER (WHERE resolved_quarter = $quarter) AS resolution_p90
    FROM c
    GROUP BY key
)
SELECT * FROM agg WHERE opened + resolved + backlog > 0 ORDER BY key;
