-- fct_phone_calls: one row per call (a callid with at least one ENTERQUEUE),
-- per SPEC §4.1:
--   * entered_at is its first ENTERQUEUE; it is in scope when that lies
--     within phone opening hours (cal_phone_hours, from the calendar), and
--     its quarter is that of its Europe/Oslo local date;
--   * its wait is the sum of its visits' waits up to its answer, or up to
--     its final exit when never answered;
--   * last_event is the end of the last visit, NULL while that visit is open.
CREATE OR REPLACE TABLE fct_phone_calls AS
WITH v AS (
    SELECT *,
           min(visit) FILTER (WHERE end_event = 'CONNECT') OVER (PARTITION BY callid) AS answer_visit,
           max(visit) OVER (PARTITION BY callid) AS last_visit
    FROM fct_phone_visits
),
c AS (
    SELECT callid,
           min(entered_at) AS entered_at,
           arg_min(queue, visit) AS first_queue,
           count(*) AS visits,
           any_value(answer_visit) IS NOT NULL AS answered,
           max(end_event) FILTER (WHERE visit = last_visit) AS last_event,
           sum(wait_s) FILTER (WHERE visit <= coalesce(answer_visit, last_visit)) AS wait_s,
           sum(talk_s) AS talk_s
    FROM v
    GROUP BY callid
),
l AS (
    SELECT *, timezone(getvariable('tz'), entered_at) AS entered_local FROM c
)
SELECT l.callid, l.entered_at, l.entered_local,
       CAST(l.entered_local AS DATE) AS local_date,
       year(l.entered_local) || 'Q' || quarter(l.entered_local) AS quarter,
       h.local_date IS NOT NULL AS in_scope,
       l.first_queue, l.visits, l.wait_s, l.talk_s,
       CASE WHEN l.answered THEN 'answered'
            WHEN l.last_event = 'ABANDON' AND l.wait_s > getvariable('short_abandon_s') THEN 'abandoned'
            WHEN l.last_event = 'ABANDON' THEN 'short_abandoned'
            WHEN l.last_event IN ('EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY') THEN 'flowout'
            ELSE 'incomplete' END AS outcome
FROM l
LEFT JOIN cal_phone_hours h
       ON h.local_date = CAST(l.entered_local AS DATE)
      AND l.entered_at >= h.open_from AND l.entered_at < h.open_to;
