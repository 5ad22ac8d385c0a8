-- Offered calls and ASA per ISO weekday (1 = Monday) and local hour.
SELECT isodow(entered_local) AS weekday,
       hour(entered_local) AS hour,
       count(*) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')) AS calls,
       avg(wait_s) FILTER (WHERE outcome = 'answered') AS asa
FROM fct_phone_calls
WHERE in_scope AND quarter = $quarter
GROUP BY weekday, hour
ORDER BY weekday, hour;
