-- The five follow-up lists of SPEC §4.5 as table macros of the as-of date
-- d, one row shape for all: list, kind, unit, employee_id, ref, from_date,
-- to_date, grade_pct, deadline, overdue, amount, detail. The KPI files and
-- the workbooks read the same macros.

-- 1. Leavers and max dates: time-limited contracts whose end or max date
-- falls within the horizon, and employments ending in d's quarter.
CREATE OR REPLACE MACRO followup_leavers(d) AS TABLE
SELECT 'leavers' AS list, k.kind, c.unit, c.employee_id, c.contract_id AS ref,
       c.start_date AS from_date, c.end_date AS to_date, NULL::DOUBLE AS grade_pct,
       k.deadline, false AS overdue, NULL::DOUBLE AS amount,
       c.kind || '-kontrakt' AS detail
FROM stg_contracts c,
     LATERAL (SELECT 'end_date' AS kind, c.end_date AS deadline UNION ALL SELECT 'max_date', c.max_date) k
WHERE c.kind <> 'permanent'
  AND k.deadline BETWEEN CAST(d AS DATE) AND CAST(d AS DATE) + getvariable('followup_horizon_days')
UNION ALL
SELECT 'leavers', 'leaver', e.unit, e.employee_id, e.employment_id, e.start_date, e.end_date, NULL,
       e.end_date, false, NULL, 'Arbeidsforhold slutter'
FROM stg_employments e
WHERE year(e.end_date) = year(CAST(d AS DATE)) AND quarter(e.end_date) = quarter(CAST(d AS DATE));

-- 2. Sick leave ongoing at d with the leader's next legal deadline:
-- follow-up plan by week 4, dialogue meeting by week 7, moved to the
-- working day before when it falls on a closed day. Only employee,
-- period, grade and deadline: health data, nothing more.
CREATE OR REPLACE MACRO followup_sick_leave(d) AS TABLE
WITH a AS (
    SELECT *,
           working_day_by(from_date + getvariable('followup_plan_days')) AS plan_by,
           working_day_by(from_date + getvariable('followup_dialogue_days')) AS dialogue_by
    FROM stg_absences
    WHERE kind = 'sick' AND from_date < CAST(d AS DATE)
      AND (to_date IS NULL OR to_date >= CAST(d AS DATE))
),
next AS (
    SELECT *,
           CASE WHEN plan_by >= CAST(d AS DATE) AND (to_date IS NULL OR to_date >= plan_by) THEN 'plan'
                WHEN to_date IS NULL OR to_date >= dialogue_by THEN 'dialogue' END AS kind_next
    FROM a
)
SELECT 'sick_leave' AS list, kind_next AS kind, unit, employee_id, NULL AS ref, from_date, to_date, grade_pct,
       CASE kind_next WHEN 'plan' THEN plan_by ELSE dialogue_by END AS deadline,
       CASE kind_next WHEN 'plan' THEN plan_by ELSE dialogue_by END < CAST(d AS DATE) AS overdue,
       NULL::DOUBLE AS amount, NULL AS detail
FROM next
WHERE kind_next IS NOT NULL;

-- 3. NAV refunds: sick absences known at d that ran past the employer
-- period with no refund claim overlapping them ("missing", money not
-- claimed; the claim is due within three months of the first NAV day),
-- and claims still not (fully) paid that were sent more than
-- refund_unpaid_days before d ("unpaid", with the amount outstanding).
CREATE OR REPLACE MACRO followup_refunds(d) AS TABLE
WITH known AS (
    SELECT *, least(coalesce(to_date, CAST(d AS DATE) - 1), CAST(d AS DATE) - 1) AS known_to
    FROM stg_absences
    WHERE kind = 'sick' AND from_date < CAST(d AS DATE)
),
claims AS (
    SELECT *,
           amount_claimed - CASE WHEN paid_at < as_of_instant(d) THEN coalesce(amount_paid, 0) ELSE 0 END AS outstanding
    FROM stg_nav_refunds
    WHERE claimed_at IS NULL OR claimed_at < as_of_instant(d)
)
SELECT 'refunds' AS list, 'missing' AS kind, a.unit, a.employee_id, NULL AS ref, a.from_date, a.to_date, a.grade_pct,
       CAST(a.from_date + getvariable('employer_period_days') + INTERVAL 3 MONTH AS DATE) AS deadline,
       CAST(a.from_date + getvariable('employer_period_days') + INTERVAL 3 MONTH AS DATE) < CAST(d AS DATE) AS overdue,
       NULL::DOUBLE AS amount, 'Sykefravær ' || (a.known_to - a.from_date + 1) || ' dager uten refusjonskrav' AS detail
FROM known a
WHERE a.known_to - a.from_date + 1 > getvariable('employer_period_days')
  AND NOT EXISTS (
      SELECT 1 FROM claims c
      WHERE c.employee_id = a.employee_id AND c.period_from <= a.known_to AND c.period_to >= a.from_date)
UNION ALL
SELECT 'refunds', 'unpaid', unit, employee_id, claim_id, period_from, period_to, NULL,
       CAST(local_date(claimed_at) + getvariable('refund_unpaid_days') AS DATE), true,
       outstanding::DOUBLE, 'Krav sendt ' || local_date(claimed_at) || ', ' || outstanding || ' kr ikke utbetalt'
FROM claims
WHERE outstanding > 0 AND local_date(claimed_at) < CAST(d AS DATE) - getvariable('refund_unpaid_days');

-- refund_outstanding(d): claimed minus paid, summed over every claim sent
-- before d and not fully paid by then, per unit. Kept DECIMAL so sums are
-- exact and the same whatever order they are added in.
CREATE OR REPLACE MACRO followup_refund_outstanding(d) AS TABLE
SELECT unit, amount_claimed - CASE WHEN paid_at < as_of_instant(d) THEN coalesce(amount_paid, 0) ELSE 0 END AS outstanding
FROM stg_nav_refunds
WHERE (claimed_at IS NULL OR claimed_at < as_of_instant(d))
  AND amount_claimed - CASE WHEN paid_at < as_of_instant(d) THEN coalesce(amount_paid, 0) ELSE 0 END > 0;

-- 4. Contracts sent more than unsigned_days before d and unsigned at its
-- start ("unsigned", counted); and contracts whose start came before their
-- signature — unsigned at d after starting, or signed late this quarter
-- ("started_unsigned", listed, not counted).
CREATE OR REPLACE MACRO followup_contracts(d) AS TABLE
SELECT 'contracts' AS list, 'unsigned' AS kind, unit, employee_id, contract_id AS ref, start_date AS from_date,
       end_date AS to_date, NULL::DOUBLE AS grade_pct,
       CAST(local_date(sent_at) + getvariable('unsigned_days') AS DATE) AS deadline, true AS overdue, NULL::DOUBLE AS amount,
       'Sendt ' || local_date(sent_at) || ', ikke signert' AS detail
FROM stg_contracts
WHERE local_date(sent_at) < CAST(d AS DATE) - getvariable('unsigned_days')
  AND (signed_at IS NULL OR signed_at >= as_of_instant(d))
UNION ALL
SELECT 'contracts', 'started_unsigned', unit, employee_id, contract_id, start_date, end_date, NULL,
       start_date, signed_at IS NULL OR signed_at >= as_of_instant(d), NULL,
       CASE WHEN signed_at IS NULL OR signed_at >= as_of_instant(d) THEN 'Startet ' || start_date || ' uten signert kontrakt'
            ELSE 'Startet ' || start_date || ', signert ' || local_date(signed_at) END
FROM stg_contracts
WHERE start_date < CAST(d AS DATE)
  AND ((signed_at IS NULL OR signed_at >= as_of_instant(d))
       OR (local_date(signed_at) > start_date
           AND year(start_date) = year(CAST(d AS DATE)) AND quarter(start_date) = quarter(CAST(d AS DATE))));

-- 5. Forms in flow that affect pay and are not approved by their pay
-- cut-off: the form's own, else the next registration cut-off on or after
-- d (the end of that day). Forms still in flow at d, and those of this
-- month's run, are considered.
CREATE OR REPLACE MACRO followup_forms(d) AS TABLE
WITH n AS (
    SELECT *, (SELECT min(p.cutoff) FROM cal_pay_dates p WHERE p.cutoff >= CAST(d AS DATE)) AS next_cutoff
    FROM stg_forms
),
f AS (
    SELECT *,
           coalesce(local_date(pay_cutoff), next_cutoff) AS cutoff_day,
           -- A cut-off given as a date (midnight) lasts the whole day.
           CASE WHEN pay_cutoff IS NULL THEN timezone(getvariable('tz'), CAST(next_cutoff + 1 AS TIMESTAMP))
                WHEN CAST(timezone(getvariable('tz'), pay_cutoff) AS TIME) = TIME '00:00:00'
                THEN timezone(getvariable('tz'), CAST(local_date(pay_cutoff) + 1 AS TIMESTAMP))
                ELSE pay_cutoff END AS cutoff_at
    FROM n
    WHERE affects_pay AND lower(coalesce(status, '')) NOT IN ('avvist', 'rejected', 'trukket', 'withdrawn')
      AND (submitted_at IS NULL OR submitted_at < as_of_instant(d))
)
SELECT 'forms' AS list, 'blocking' AS kind, unit, employee_id, form_id AS ref, NULL::DATE AS from_date, NULL::DATE AS to_date,
       NULL::DOUBLE AS grade_pct, cutoff_day AS deadline, cutoff_at < as_of_instant(d) AS overdue, NULL::DOUBLE AS amount,
       coalesce(form_type, 'Skjema') || ' hos ' || coalesce(approver_role, '?') || ' (' || coalesce(current_step, coalesce(status, '')) || ')' AS detail
FROM f
WHERE (approved_at IS NULL OR approved_at >= as_of_instant(d) OR cutoff_day >= date_trunc('month', CAST(d AS DATE)))
  AND (approved_at IS NULL OR approved_at > cutoff_at);

-- Every list at once.
CREATE OR REPLACE MACRO followup_all(d) AS TABLE
SELECT * FROM followup_leavers(d)
UNION ALL SELECT * FROM followup_sick_leave(d)
UNION ALL SELECT * FROM followup_refunds(d)
UNION ALL SELECT * FROM followup_contracts(d)
UNION ALL SELECT * FROM followup_forms(d);
