package kpi

import (
	"context"
	"database/sql"
	"time"

	"slakpi/reports"
)

// HiresTravel gives quarter q's new hires and travel claims for the whole
// centre and per unit: the newhire.* and travel.* KPIs, whose n counts the
// hires registered and the claims paid.
func (e *Engine) HiresTravel(ctx context.Context, q Quarter) (all reports.HireTravelRow, units []reports.HireTravelRow, err error) {
	centre, err := e.Quarter(ctx, q)
	if err != nil {
		return all, nil, err
	}
	all = hireTravelRow(centre)
	byUnit, err := e.ComputeUnits(ctx, q)
	if err != nil {
		return all, nil, err
	}
	us, err := e.Units(ctx)
	if err != nil {
		return all, nil, err
	}
	for _, u := range us {
		h := hireTravelRow(byUnit[u.Code])
		h.Key, h.Name = u.Code, u.Name
		units = append(units, h)
	}
	return all, units, nil
}

// hireTravelRow reads a new-hire and travel row off a quarter's KPIs.
func hireTravelRow(ks []reports.KPI) reports.HireTravelRow {
	var h reports.HireTravelRow
	for _, k := range ks {
		switch k.ID {
		case "newhire.lead_bd_p50":
			h.NewHires, h.LeadP50 = k.N, k.Value
		case "newhire.before_first_run":
			h.BeforeCutoff = k.Value
		case "travel.days_to_pay_p50":
			h.Claims, h.DaysP50 = k.N, k.Value
		case "travel.paid_within_14d":
			h.PaidWithin = k.Value
		}
	}
	return h
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
