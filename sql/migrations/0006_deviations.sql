-- The deviation register (avvik, SPEC §4.4). Recomputed from kpi_results
-- whenever figures are; the measure (tiltak) a user sets survives.
CREATE TABLE deviations (
    kpi          VARCHAR NOT NULL,
    quarter      VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,   -- '' for the whole centre
    value        DOUBLE NOT NULL,
    target       DOUBLE NOT NULL,
    comparison   VARCHAR NOT NULL,
    gap          DOUBLE NOT NULL,
    first_missed VARCHAR NOT NULL,
    consecutive  INTEGER NOT NULL,
    level        INTEGER NOT NULL,
    status       VARCHAR NOT NULL,   -- open | closed
    measure      VARCHAR,
    measure_by   VARCHAR,
    measure_at   TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kpi, quarter, unit)
);
