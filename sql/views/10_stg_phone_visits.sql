-- stg_phone_visits: one row per queue visit of a call. A visit starts at an
-- ENTERQUEUE and ends at its first CONNECT, ABANDON or EXIT* event; its wait
-- is the event's own wait field, or the timestamp difference where the
-- layout lacks it (SPEC §2.1). Events are ordered by time, then by file and
-- line, so a call split across rotated files is whole once both are in.
-- Calls from calls-csv exports are one visit each (latest export wins).
CREATE OR REPLACE VIEW stg_phone_visits AS
WITH ev AS (
    SELECT callid, queue, event, ts, wait_s, talk_s,
           sum(CASE WHEN event = 'ENTERQUEUE' THEN 1 ELSE 0 END)
               OVER (PARTITION BY callid ORDER BY ts, file_id, line ROWS UNBOUNDED PRECEDING) AS visit,
           row_number() OVER (PARTITION BY callid ORDER BY ts, file_id, line) AS seq,
           event IN ('CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY') AS ends_visit
    FROM raw_queue_log
    WHERE event IN ('ENTERQUEUE', 'CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY',
                    'COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER')
      AND (len(getvariable('phone_queues')) = 0 OR list_contains(getvariable('phone_queues'), queue))
),
visits AS (
    SELECT callid, visit,
           arg_min(queue, seq) FILTER (WHERE event = 'ENTERQUEUE') AS queue,
           min(ts) FILTER (WHERE event = 'ENTERQUEUE') AS entered_at,
           arg_min(event, seq) FILTER (WHERE ends_visit) AS end_event,
           arg_min(ts, seq) FILTER (WHERE ends_visit) AS ended_at,
           arg_min_null(wait_s, seq) FILTER (WHERE ends_visit) AS end_wait_s,
           sum(talk_s) FILTER (WHERE event IN ('COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER')) AS talk_s
    FROM ev
    WHERE visit > 0
    GROUP BY callid, visit
),
csv AS (
    SELECT *
    FROM raw_calls
    WHERE len(getvariable('phone_queues')) = 0 OR list_contains(getvariable('phone_queues'), queue)
    QUALIFY row_number() OVER (PARTITION BY call_id ORDER BY file_id DESC, line DESC) = 1
)
SELECT callid, visit, queue, entered_at, end_event, ended_at,
       CASE WHEN end_event IS NOT NULL
            THEN coalesce(end_wait_s, epoch(ended_at - entered_at)) END::DOUBLE AS wait_s,
       talk_s::DOUBLE AS talk_s
FROM visits
UNION ALL
SELECT 'csv:' || call_id, 1, queue, entered_at,
       CASE outcome WHEN 'answered' THEN 'CONNECT' WHEN 'abandoned' THEN 'ABANDON'
                    WHEN 'timeout' THEN 'EXITWITHTIMEOUT' WHEN 'exitkey' THEN 'EXITWITHKEY'
                    WHEN 'exitempty' THEN 'EXITEMPTY' END,
       coalesce(answered_at, ended_at),
       coalesce(wait_s, epoch(coalesce(answered_at, ended_at) - entered_at)),
       talk_s
FROM csv;
