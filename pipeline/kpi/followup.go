package kpi

import (
	"context"
	"database/sql"
	"time"

	"slakpi/reports"
)

// Followup reads every follow-up list as of the date asOf, for a unit (and
// the units below it) or the whole centre when unit is "", by deadline,
// with the totals the follow-up KPIs count.
func (e *Engine) Followup(ctx context.Context, asOf time.Time, unit string) ([]reports.FollowupRow, reports.FollowupTotals, error) {
	var rows []reports.FollowupRow
	var tot reports.FollowupTotals
	day := sql.Named("as_of", asOf.Format(time.DateOnly))
	err := e.queryFor(ctx, "followup_rows.sql", Quarter{}, unit, func(r *sql.Rows) error {
		var f reports.FollowupRow
		var from, to, deadline sql.NullTime
		var grade, amount sql.NullFloat64
		var emp sql.NullString
		if err := r.Scan(&f.List, &f.Kind, &f.Unit, &emp, &f.Ref, &from, &to, &grade, &deadline, &f.Overdue, &amount, &f.Detail); err != nil {
			return err
		}
		f.EmployeeID = emp.String
		f.From, f.To, f.Deadline = timePtr(from), timePtr(to), timePtr(deadline)
		f.GradePct, f.Amount = ptr(grade), ptr(amount)
		if f.List == "sick_leave" {
			f.Detail = "" // health data: employee, period, grade and deadline only
		}
		rows = append(rows, f)
		switch {
		case f.List == "refunds" && f.Kind == "missing":
			tot.RefundMissing++
		case f.List == "contracts" && f.Kind == "unsigned":
			tot.UnsignedContracts++
		case f.List == "forms":
			tot.FormsBlockingPay++
		}
		return nil
	}, day)
	if err != nil {
		return nil, tot, err
	}
	err = e.queryFor(ctx, "followup_outstanding.sql", Quarter{}, unit, func(r *sql.Rows) error {
		return r.Scan(&tot.RefundOutstanding)
	}, day)
	return rows, tot, err
}

// FollowupByUnit gives every unit's follow-up totals as of asOf.
func (e *Engine) FollowupByUnit(ctx context.Context, asOf time.Time) ([]reports.UnitFollowupTotals, error) {
	var out []reports.UnitFollowupTotals
	err := e.queryFor(ctx, "followup_totals.sql", Quarter{}, "", func(r *sql.Rows) error {
		var u reports.UnitFollowupTotals
		if err := r.Scan(&u.Unit.Code, &u.Unit.Name, &u.Unit.Parent, &u.RefundMissing, &u.RefundOutstanding,
			&u.UnsignedContracts, &u.FormsBlockingPay); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	}, sql.Named("as_of", asOf.Format(time.DateOnly)))
	return out, err
}
