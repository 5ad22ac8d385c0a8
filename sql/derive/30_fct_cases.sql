-- fct_cases: each case's cycle in business hours (SPEC §4.2).
--   clock start     call date, else creation date
--   first response  earliest of response date, first change to
--                   "Venter på bruker", and completion
--   resolution      the last change to Fullført (never Lukket), for cases
--                   whose status is Fullført or Lukket; others are open
--   paused          time in the pause statuses and in Fullført before a
--                   reopen, from the history; without history the case
--                   row's on_hold_s
-- Business time is read off the working-time clock (work_clock).
CREATE OR REPLACE TABLE fct_cases AS
WITH ch AS (
    SELECT number,
           min(changed_at) FILTER (WHERE new_status = 'Venter på bruker') AS first_waiting_at,
           min(changed_at) FILTER (WHERE new_status = 'Fullført') AS first_completed_at,
           max(changed_at) FILTER (WHERE new_status = 'Fullført') AS last_completed_at,
           count(*) FILTER (WHERE old_status = 'Fullført' AND new_status NOT IN ('Fullført', 'Lukket')) AS reopens
    FROM stg_case_status_changes
    GROUP BY number
),
c AS (
    SELECT s.*,
           ch.number IS NOT NULL AS has_history,
           least(s.response_date, ch.first_waiting_at, coalesce(ch.first_completed_at, s.completed_date)) AS first_response_at,
           CASE WHEN s.status IN ('Fullført', 'Lukket')
                THEN CASE WHEN ch.number IS NOT NULL THEN ch.last_completed_at ELSE s.completed_date END
           END AS resolved_at,
           coalesce(CASE WHEN ch.number IS NOT NULL THEN ch.reopens ELSE s.reopened END, 0) AS reopens
    FROM stg_cases s
    LEFT JOIN ch USING (number)
),
pauses AS (
    SELECT number, changed_at AS p_from, next_at AS p_to
    FROM stg_case_status_changes
    WHERE list_contains(getvariable('pause_statuses'), new_status)
       OR (new_status = 'Fullført' AND next_status NOT IN ('Fullført', 'Lukket'))
),
-- Working seconds of each pause that fall between the clock start and the
-- first response, and between the clock start and the resolution.
paused AS (
    SELECT c.number,
           sum(greatest(0, work_clock(least(coalesce(p.p_to, c.first_response_at), c.first_response_at))
                         - work_clock(greatest(p.p_from, c.started_at)))) AS response_s,
           sum(greatest(0, work_clock(least(coalesce(p.p_to, c.resolved_at), c.resolved_at))
                         - work_clock(greatest(p.p_from, c.started_at)))) AS resolution_s
    FROM c
    JOIN pauses p USING (number)
    GROUP BY c.number
)
SELECT c.number, c.category, c.subcategory, c.caller_unit, c.operator_group, c.operator, c.status, c.entry_type,
       c.started_at, c.first_response_at, c.resolved_at, c.closed_date AS closed_at,
       c.status NOT IN ('Fullført', 'Lukket') AS is_open,
       -- When the case stopped counting as open: resolution, else closure.
       CASE WHEN c.status IN ('Fullført', 'Lukket')
            THEN coalesce(c.resolved_at, c.closed_date, c.modified_at, c.started_at) END AS done_at,
       c.has_history, c.reopens,
       quarter_of(c.started_at) AS opened_quarter,
       quarter_of(c.first_response_at) AS response_quarter,
       quarter_of(c.resolved_at) AS resolved_quarter,
       -- (greatest ignores NULLs, so the stop is tested first.)
       CASE WHEN c.first_response_at IS NOT NULL THEN
           greatest(0, work_clock(c.first_response_at) - work_clock(c.started_at)
                       - coalesce(p.response_s, 0)) / 3600 END AS response_bh,
       CASE WHEN c.resolved_at IS NOT NULL THEN
           greatest(0, work_clock(c.resolved_at) - work_clock(c.started_at)
                       - CASE WHEN c.has_history THEN coalesce(p.resolution_s, 0) ELSE coalesce(c.on_hold_s, 0) END) / 3600 END AS resolution_bh,
       getvariable('resolution_targets_h')[c.category] AS target_h
FROM c
LEFT JOIN paused p USING (number);
