-- dim_units: the organisation tree from the latest units file; every unit
-- code seen in the data but missing from the tree is a unit of its own.
-- dim_unit_closure pairs each unit with itself and every unit below it,
-- so a faculty's figures include its departments'.
CREATE OR REPLACE TABLE dim_units AS
WITH tree AS (
    SELECT code, name, nullif(parent, '') AS parent, contact_email
    FROM raw_units
    WHERE file_id = (SELECT max(file_id) FROM raw_units)
),
seen AS (
    SELECT caller_unit AS code FROM stg_cases WHERE caller_unit IS NOT NULL
    UNION SELECT unit FROM stg_employments WHERE unit IS NOT NULL
    UNION SELECT unit FROM raw_travel_claims WHERE unit IS NOT NULL
    UNION SELECT unit FROM raw_absences WHERE unit IS NOT NULL
    UNION SELECT unit FROM raw_nav_refunds WHERE unit IS NOT NULL
    UNION SELECT unit FROM raw_contracts WHERE unit IS NOT NULL
    UNION SELECT unit FROM raw_forms_in_flow WHERE unit IS NOT NULL
)
SELECT * FROM tree
UNION ALL
SELECT code, code, NULL, NULL FROM seen WHERE code NOT IN (SELECT code FROM tree);

CREATE OR REPLACE TABLE dim_unit_closure AS
WITH RECURSIVE t(ancestor, descendant, depth) AS (
    SELECT code, code, 0 FROM dim_units
    UNION ALL
    SELECT t.ancestor, u.code, t.depth + 1
    FROM t JOIN dim_units u ON u.parent = t.descendant
    WHERE t.depth < 20
)
SELECT DISTINCT ancestor, descendant FROM t;
