-- fct_phone_visits: queue visits of in-scope calls, for the per-queue
-- breakdown (SPEC §4.1: per queue, per visit).
CREATE OR REPLACE TABLE fct_phone_visits AS
SELECT v.callid, v.visit, v.queue, v.entered_at, v.end_event, v.wait_s,
       c.quarter, c.local_date, c.outcome AS call_outcome
FROM stg_phone_visits v
JOIN fct_phone_calls c USING (callid)
WHERE c.in_scope;
