-- fct_phone_visits: every queue visit, materialised once because both the
-- calls and the per-queue breakdown read it.
CREATE OR REPLACE TABLE fct_phone_visits AS
SELECT * FROM stg_phone_visits;
