package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"slakpi/reports"
)

// ComputeUnits computes quarter q's per-unit KPIs for every unit at once:
// each KPI file runs once, laterally joined to dim_units with $unit bound
// to the unit's code, rather than once per unit. The figures equal
// Compute's for each unit; they are stored in kpi_results likewise, and
// kept until the next Rebuild (read-only for callers).
func (e *Engine) ComputeUnits(ctx context.Context, q Quarter) (map[string][]reports.KPI, error) {
	if byUnit, ok := e.units[q]; ok {
		return byUnit, nil
	}
	if err := e.setVariables(ctx); err != nil {
		return nil, err
	}
	out := map[string][]reports.KPI{}
	for _, d := range e.defs {
		if !d.PerUnit {
			continue
		}
		if err := e.computeEveryUnit(ctx, d, q, out); err != nil {
			return nil, err
		}
	}
	for code, ks := range out {
		if err := e.store(ctx, q, code, ks); err != nil {
			return nil, err
		}
	}
	if e.units == nil {
		e.units = map[Quarter]map[string][]reports.KPI{}
	}
	e.units[q] = out
	return out, nil
}

// computeEveryUnit runs one per-unit KPI file for every unit at once and
// appends each unit's figure to out[code].
func (e *Engine) computeEveryUnit(ctx context.Context, d Def, q Quarter, out map[string][]reports.KPI, override ...sql.NamedArg) error {
	body := strings.TrimRight(strings.TrimSpace(d.Query), ";")
	query := "SELECT u.code, k.value, k.n FROM dim_units u, LATERAL (" +
		strings.ReplaceAll(body, "$unit", "u.code") + ") k ORDER BY u.code"
	rows, err := e.db.QueryContext(ctx, query, e.params(query, q, "", override...)...)
	if err != nil {
		return fmt.Errorf("sql/%s (all units): %w", d.File, err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var v sql.NullFloat64
		k := reports.KPI{ID: d.ID, Unit: d.Unit, Target: e.cfg.Target(d.ID), Comparison: d.Comparison}
		if err := rows.Scan(&code, &v, &k.N); err != nil {
			return err
		}
		k.Value = ptr(v)
		k.Met = Met(k.Value, k.Target, d.Comparison)
		out[code] = append(out[code], k)
	}
	return rows.Err()
}
