-- Per queue, counted per visit: a call that overflows from one queue to
-- another counts once in each.
SELECT coalesce(queue, '') AS queue,
       count(*) AS visits,
       count(*) FILTER (WHERE end_event = 'CONNECT') AS answered,
       avg(wait_s) AS avg_wait
FROM fct_phone_visits
WHERE quarter = $quarter
GROUP BY queue
ORDER BY visits DESC, queue;
