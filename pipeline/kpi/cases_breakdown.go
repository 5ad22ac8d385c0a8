package kpi

import (
	"context"
	"database/sql"
	"time"

	"slakpi/reports"
)

// CasesBy gives quarter q's cases per "category", "operator_group" or
// "unit" (every unit, each including the units below it).
func (e *Engine) CasesBy(ctx context.Context, dim string, q Quarter) ([]reports.CaseBreakdown, error) {
	name, extra := "cases_by.sql", []sql.NamedArg{sql.Named("dim", dim)}
	if dim == "unit" {
		name, extra = "cases_by_unit.sql", nil
	}
	var out []reports.CaseBreakdown
	err := e.queryFor(ctx, name, q, "", func(r *sql.Rows) error {
		var b reports.CaseBreakdown
		var rp, p50, p90 sql.NullFloat64
		if err := r.Scan(&b.Key, &b.Name, &b.Opened, &b.Resolved, &b.Backlog, &rp, &p50, &p90); err != nil {
			return err
		}
		b.ResponseP50, b.ResolutionP50, b.ResolutionP90 = ptr(rp), ptr(p50), ptr(p90)
		out = append(out, b)
		return nil
	}, extra...)
	return out, err
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
