-- Phone figures per month ($grain = 'month') or ISO week ('week') for the
-- in-scope calls of quarters $first .. $last (quarter strings sort in order).
SELECT CASE $grain WHEN 'month' THEN strftime(local_date, '%Y-%m')
                   ELSE strftime(local_date, '%G-W%V') END AS label,
       min(local_date) AS start,
       count(*) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')) AS offered,
       count(*) FILTER (WHERE outcome = 'answered') AS answered,
       count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
       count(*) FILTER (WHERE outcome = 'flowout') AS flowout,
       avg(wait_s) FILTER (WHERE outcome = 'answered') AS asa,
       count(*) FILTER (WHERE outcome = 'answered' AND wait_s <= getvariable('service_level_s'))
           / nullif(count(*) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')), 0) AS service_level,
       count(*) FILTER (WHERE outcome = 'abandoned')
           / nullif(count(*) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')), 0) AS abandon_rate,
       max(wait_s) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')) AS max_wait
FROM fct_phone_calls
WHERE in_scope AND quarter BETWEEN $first AND $last
GROUP BY label
ORDER BY label;
