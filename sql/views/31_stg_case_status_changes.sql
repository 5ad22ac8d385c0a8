-- stg_case_status_changes: each case's status changes in time order (the
-- same change exported twice counts once), statuses mapped, with the time
-- and status of the change that followed.
CREATE OR REPLACE VIEW stg_case_status_changes AS
WITH h AS (
    SELECT DISTINCT number, changed_at,
           coalesce(getvariable('status_map')[old_value], old_value) AS old_status,
           coalesce(getvariable('status_map')[new_value], new_value) AS new_status
    FROM raw_case_history
    WHERE lower(field) = 'status'
)
SELECT *,
       lead(changed_at) OVER w AS next_at,
       lead(new_status) OVER w AS next_status
FROM h
WINDOW w AS (PARTITION BY number ORDER BY changed_at, new_status);
