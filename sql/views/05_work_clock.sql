-- work_clock(t): working seconds from the start of cal_work_days up to the
-- instant t. Business time between two instants is the difference of their
-- clocks, a constant-time lookup however long the span. We keep the
-- calendar in a table rather than a Go scalar UDF so SQL stays set-based
-- (one join, no call into Go per row) and the same table counts business
-- days (work_days) for the new-hire KPIs.
CREATE OR REPLACE MACRO work_clock(t) AS (
    SELECT d.cum_s + greatest(0, least(epoch(t - d.work_from), d.work_s))
    FROM cal_work_days d
    WHERE d.local_date = CAST(timezone(getvariable('tz'), t) AS DATE)
);

-- work_days(t): working days before t's local date.
CREATE OR REPLACE MACRO work_days(t) AS (
    SELECT d.cum_days
    FROM cal_work_days d
    WHERE d.local_date = CAST(timezone(getvariable('tz'), t) AS DATE)
);

-- quarter_of(t): the 'YYYYQn' of t's local date.
CREATE OR REPLACE MACRO quarter_of(t) AS (
    year(timezone(getvariable('tz'), t)) || 'Q' || quarter(timezone(getvariable('tz'), t))
);

-- in_unit(code, u): code is unit u or below it; every code when u is NULL.
CREATE OR REPLACE MACRO in_unit(code, u) AS (
    u IS NULL OR code IN (SELECT descendant FROM dim_unit_closure WHERE ancestor = u)
);
