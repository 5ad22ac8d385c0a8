package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"slakpi/reports"
)

// DataQuarters lists every quarter from the first to the last that any
// derived table has data in. The engine must be rebuilt.
func (e *Engine) DataQuarters(ctx context.Context) ([]Quarter, error) {
	var lo, hi sql.NullTime
	err := e.db.QueryRowContext(ctx, `SELECT min(t), max(t) FROM (
		SELECT entered_at AS t FROM fct_phone_calls WHERE in_scope
		UNION ALL SELECT started_at FROM fct_cases
		UNION ALL SELECT resolved_at FROM fct_cases
		UNION ALL SELECT pay_date::TIMESTAMPTZ FROM stg_pay_runs
		UNION ALL SELECT registered_at FROM fct_new_hires)`).Scan(&lo, &hi)
	if err != nil {
		return nil, fmt.Errorf("data quarters: %w", err)
	}
	if !lo.Valid {
		return nil, nil
	}
	loc := e.cal.Location()
	var qs []Quarter
	for q, last := QuarterOf(lo.Time, loc), QuarterOf(hi.Time, loc); q != last.Add(1); q = q.Add(1) {
		qs = append(qs, q)
	}
	return qs, nil
}

// ComputeAll computes the centre's KPIs of every data quarter into
// kpi_results, so trends and deviations rest on current figures.
func (e *Engine) ComputeAll(ctx context.Context) error {
	qs, err := e.DataQuarters(ctx)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if _, err := e.Quarter(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// Trends reads the stored centre-wide values of the KPIs that have a
// target or belong to the agreement's planned measures (cases, new hires,
// travel; counts left out) over quarters, oldest first.
func (e *Engine) Trends(ctx context.Context, quarters []Quarter) ([]reports.KPITrend, error) {
	var out []reports.KPITrend
	for _, d := range e.defs {
		target := e.cfg.Target(d.ID)
		planned := d.Unit != "count" && (strings.HasPrefix(d.ID, "cases.") || strings.HasPrefix(d.ID, "newhire.") || strings.HasPrefix(d.ID, "travel."))
		if target == nil && !planned {
			continue
		}
		t := reports.KPITrend{ID: d.ID, Unit: d.Unit, Target: target}
		for _, q := range quarters {
			var v sql.NullFloat64
			err := e.db.QueryRowContext(ctx, `SELECT value FROM kpi_results WHERE quarter = ? AND unit = '' AND id = ?`,
				q.String(), d.ID).Scan(&v)
			if err != nil && err != sql.ErrNoRows {
				return nil, fmt.Errorf("trends: %w", err)
			}
			t.Values = append(t.Values, ptr(v))
		}
		out = append(out, t)
	}
	return out, nil
}
