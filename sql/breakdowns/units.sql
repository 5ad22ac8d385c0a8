-- Every unit, faculties before their departments.
SELECT code, coalesce(name, code), coalesce(parent, '') FROM dim_units ORDER BY code;
