package kpi

import (
	"context"
	"database/sql"
	"time"

	"slakpi/reports"
)

// HiresTravel gives quarter q's new hires and travel claims for the whole
// centre and per unit.
func (e *Engine) HiresTravel(ctx context.Context, q Quarter) (all reports.HireTravelRow, units []reports.HireTravelRow, err error) {
	scan := func(out *[]reports.HireTravelRow) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			var h reports.HireTravelRow
			var lead, before, days, within sql.NullFloat64
			if err := r.Scan(&h.Key, &h.Name, &h.NewHires, &lead, &before, &h.Claims, &days, &within); err != nil {
				return err
			}
			h.LeadP50, h.BeforeCutoff, h.DaysP50, h.PaidWithin = ptr(lead), ptr(before), ptr(days), ptr(within)
			*out = append(*out, h)
			return nil
		}
	}
	var centre []reports.HireTravelRow
	if err = e.queryFor(ctx, "hires_travel_all.sql", q, "", scan(&centre)); err != nil {
		return all, nil, err
	}
	if len(centre) == 1 {
		all = centre[0]
	}
	err = e.queryFor(ctx, "hires_travel_by_unit.sql", q, "", scan(&units))
	return all, units, err
}

// UnitNewHires lists a unit's new hires registered or starting in q.
func (e *Engine) UnitNewHires(ctx context.Context, q Quarter, unit string) ([]reports.NewHireRow, error) {
	var out []reports.NewHireRow
	err := e.queryFor(ctx, "unit_new_hires.sql", q, unit, func(r *sql.Rows) error {
		var h reports.NewHireRow
		var lead sql.NullFloat64
		var cutoff sql.NullTime
		var before sql.NullBool
		if err := r.Scan(&h.Case, &h.EmployeeID, &h.EmploymentID, &h.Unit, &h.CaseStarted, &h.Registered, &h.StartDate,
			&lead, &cutoff, &before); err != nil {
			return err
		}
		h.LeadBD, h.Cutoff = ptr(lead), timePtr(cutoff)
		if before.Valid {
			h.BeforeCutoff = &before.Bool
		}
		out = append(out, h)
		return nil
	})
	return out, err
}

// UnitTravel lists a unit's travel claims paid in q.
func (e *Engine) UnitTravel(ctx context.Context, q Quarter, unit string) ([]reports.TravelRow, error) {
	var out []reports.TravelRow
	err := e.queryFor(ctx, "unit_travel.sql", q, unit, func(r *sql.Rows) error {
		var t reports.TravelRow
		var pay sql.NullTime
		var days, amount sql.NullFloat64
		if err := r.Scan(&t.ClaimID, &t.EmployeeID, &t.Unit, &t.Submitted, &t.PaidRun, &pay, &days, &amount); err != nil {
			return err
		}
		t.PayDate, t.DaysToPay, t.Amount = timePtr(pay), ptr(days), ptr(amount)
		out = append(out, t)
		return nil
	})
	return out, err
}

// UnitFindings lists the payroll findings on a unit's rows in q's runs.
func (e *Engine) UnitFindings(ctx context.Context, q Quarter, unit string) ([]reports.UnitFinding, error) {
	var out []reports.UnitFinding
	err := e.queryFor(ctx, "unit_findings.sql", q, unit, func(r *sql.Rows) error {
		var f reports.UnitFinding
		var pay time.Time
		if err := r.Scan(&f.RunID, &pay, &f.Rule, &f.Severity, &f.Fingerprint, &f.EmployeeID, &f.EmploymentID,
			&f.Unit, &f.Detail, &f.Accepted, &f.AcceptReason); err != nil {
			return err
		}
		f.PayDate = pay
		out = append(out, f)
		return nil
	})
	return out, err
}
