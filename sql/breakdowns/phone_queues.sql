-- Per queue, counted per visit of the quarter's in-scope calls: a call that
-- overflows from one queue to another counts once in each.
SELECT coalesce(v.queue, '') AS queue,
       count(*) AS visits,
       count(*) FILTER (WHERE v.end_event = 'CONNECT') AS answered,
       avg(v.wait_s) AS avg_wait
FROM fct_phone_visits v
JOIN fct_phone_calls c USING (callid)
WHERE c.in_scope AND c.quarter = $quarter
GROUP BY v.queue
ORDER BY visits DESC, queue;
