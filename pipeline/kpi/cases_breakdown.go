package kpi

import (
	"context"
	"database/sql"
	"time"

	"slakpi/reports"
)

// CasesBy gives quarter q's cases per "category", "operator_group" or
// "unit" (every unit, each including the units below it: its cases.* KPIs).
func (e *Engine) CasesBy(ctx context.Context, dim string, q Quarter) ([]reports.CaseBreakdown, error) {
	if dim == "unit" {
		return e.casesByUnit(ctx, q)
	}
	var out []reports.CaseBreakdown
	err := e.queryFor(ctx, "cases_by.sql", q, "", func(r *sql.Rows) error {
		var b reports.CaseBreakdown
		var rp, p50, p90 sql.NullFloat64
		if err := r.Scan(&b.Key, &b.Name, &b.Opened, &b.Resolved, &b.Backlog, &rp, &p50, &p90); err != nil {
			return err
		}
		b.ResponseP50, b.ResolutionP50, b.ResolutionP90 = ptr(rp), ptr(p50), ptr(p90)
		out = append(out, b)
		return nil
	}, sql.Named("dim", dim))
	return out, err
}

func (e *Engine) casesByUnit(ctx context.Context, q Quarter) ([]reports.CaseBreakdown, error) {
	byUnit, err := e.ComputeUnits(ctx, q)
	if err != nil {
		return nil, err
	}
	units, err := e.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]reports.CaseBreakdown, len(units))
	for i, u := range units {
		b := reports.CaseBreakdown{Key: u.Code, Name: u.Name}
		for _, k := range byUnit[u.Code] {
			switch k.ID {
			case "cases.opened":
				b.Opened = count(k)
			case "cases.resolved":
				b.Resolved = count(k)
			case "cases.backlog_end":
				b.Backlog = count(k)
			case "cases.first_response_bh_p50":
				b.ResponseP50 = k.Value
			case "cases.resolution_bh_p50":
				b.ResolutionP50 = k.Value
			case "cases.resolution_bh_p90":
				b.ResolutionP90 = k.Value
			}
		}
		out[i] = b
	}
	return out, nil
}

// count reads a count KPI's value (0 when there is nothing to count).
func count(k reports.KPI) int64 {
	if k.Value == nil {
		return 0
	}
	return int64(*k.Value)
}

// UnitCases lists a unit's cases of quarter q: opened or resolved in it,
// or open at its end; the unit's own and those of the units below it.
func (e *Engine) UnitCases(ctx context.Context, q Quarter, unit string) ([]reports.CaseRow, error) {
	var out []reports.CaseRow
	err := e.queryFor(ctx, "unit_cases.sql", q, unit, func(r *sql.Rows) error {
		var c reports.CaseRow
		var resp, res sql.NullTime
		var rh, sh sql.NullFloat64
		if err := r.Scan(&c.Number, &c.Category, &c.Subcategory, &c.Unit, &c.OperatorGroup, &c.Operator, &c.Status,
			&c.Started, &resp, &res, &rh, &sh, &c.Reopens); err != nil {
			return err
		}
		c.FirstResponse, c.Resolved = timePtr(resp), timePtr(res)
		c.ResponseH, c.ResolutionH = ptr(rh), ptr(sh)
		out = append(out, c)
		return nil
	})
	return out, err
}

// Units lists the organisation's units, from the tree or as seen in data.
func (e *Engine) Units(ctx context.Context) ([]reports.Unit, error) {
	var out []reports.Unit
	err := e.query(ctx, "units.sql", func(r *sql.Rows) error {
		var u reports.Unit
		if err := r.Scan(&u.Code, &u.Name, &u.Parent); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	return &t.Time
}
