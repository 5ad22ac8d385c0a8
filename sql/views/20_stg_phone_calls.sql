-- stg_phone_calls: one row per call (a callid with at least one ENTERQUEUE).
-- Its wait is the sum of its visits' waits up to its answer, or up to its
-- final exit when never answered. last_event is the end of the last visit,
-- NULL when that visit has not ended (SPEC §4.1).
CREATE OR REPLACE VIEW stg_phone_calls AS
WITH v AS (
    SELECT *,
           min(visit) FILTER (WHERE end_event = 'CONNECT') OVER (PARTITION BY callid) AS answer_visit,
           max(visit) OVER (PARTITION BY callid) AS last_visit
    FROM stg_phone_visits
)
SELECT callid,
       min(entered_at) AS entered_at,
       arg_min(queue, visit) AS first_queue,
       count(*) AS visits,
       any_value(answer_visit) IS NOT NULL AS answered,
       max(end_event) FILTER (WHERE visit = last_visit) AS last_event,
       sum(wait_s) FILTER (WHERE visit <= coalesce(answer_visit, last_visit)) AS wait_s,
       sum(talk_s) AS talk_s
FROM v
GROUP BY callid;
