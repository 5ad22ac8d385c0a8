-- The whole centre's new hires and travel claims of the quarter.
SELECT '' AS code, '' AS name,
       (SELECT count(*) FROM fct_new_hires WHERE registered_quarter = $quarter),
       (SELECT quantile_cont(lead_bd, 0.5) FROM fct_new_hires WHERE registered_quarter = $quarter),
       (SELECT count(*) FILTER (WHERE before_cutoff) / nullif(count(*), 0)
          FROM fct_new_hires WHERE start_quarter = $quarter AND cutoff IS NOT NULL),
       (SELECT count(*) FROM fct_travel_claims WHERE paid_quarter = $quarter),
       (SELECT quantile_cont(days_to_pay, 0.5) FROM fct_travel_claims WHERE paid_quarter = $quarter),
       (SELECT count(*) FILTER (WHERE days_to_pay <= getvariable('travel_paid_within_days')) / nullif(count(*), 0)
          FROM fct_travel_claims WHERE paid_quarter = $quarter);
