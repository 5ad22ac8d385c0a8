-- fct_phone_calls: calls with their local time, scope and outcome. A call is
-- in scope when its first ENTERQUEUE lies within phone opening hours
-- (cal_phone_hours, from the calendar); its quarter is that of its local
-- date. Outcomes per SPEC §4.1, short abandons at wait ≤ short_abandon_s.
CREATE OR REPLACE TABLE fct_phone_calls AS
WITH c AS (
    SELECT *, timezone(getvariable('tz'), entered_at) AS entered_local
    FROM stg_phone_calls
)
SELECT c.callid, c.entered_at, c.entered_local,
       CAST(c.entered_local AS DATE) AS local_date,
       year(c.entered_local) || 'Q' || quarter(c.entered_local) AS quarter,
       h.local_date IS NOT NULL AS in_scope,
       c.first_queue, c.visits, c.wait_s, c.talk_s,
       CASE WHEN c.answered THEN 'answered'
            WHEN c.last_event = 'ABANDON' AND c.wait_s > getvariable('short_abandon_s') THEN 'abandoned'
            WHEN c.last_event = 'ABANDON' THEN 'short_abandoned'
            WHEN c.last_event IN ('EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY') THEN 'flowout'
            ELSE 'incomplete' END AS outcome
FROM c
LEFT JOIN cal_phone_hours h
       ON h.local_date = CAST(c.entered_local AS DATE)
      AND c.entered_at >= h.open_from AND c.entered_at < h.open_to;
