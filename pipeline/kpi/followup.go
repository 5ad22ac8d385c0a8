package kpi

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"slakpi/reports"
)

// Followup reads every follow-up list as of the date asOf, for a unit (and
// the units below it) or the whole centre when unit is "", by deadline,
// with its totals: the follow-up KPI files taken as of that date.
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
		return nil
	}, day)
	if err != nil {
		return nil, tot, err
	}
	for _, d := range e.followupDefs() {
		k, err := e.compute(ctx, d, Quarter{}, unit, day)
		if err != nil {
			return nil, tot, err
		}
		setTotal(&tot, k)
	}
	return rows, tot, nil
}

// FollowupByUnit gives every unit's follow-up totals as of asOf, from the
// same KPI files, for all units at once.
func (e *Engine) FollowupByUnit(ctx context.Context, asOf time.Time) ([]reports.UnitFollowupTotals, error) {
	if err := e.setVariables(ctx); err != nil {
		return nil, err
	}
	byUnit := map[string][]reports.KPI{}
	for _, d := range e.followupDefs() {
		if err := e.computeEveryUnit(ctx, d, Quarter{}, byUnit, sql.Named("as_of", asOf.Format(time.DateOnly))); err != nil {
			return nil, err
		}
	}
	units, err := e.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]reports.UnitFollowupTotals, len(units))
	for i, u := range units {
		out[i].Unit = u
		for _, k := range byUnit[u.Code] {
			setTotal(&out[i].FollowupTotals, k)
		}
	}
	return out, nil
}

// followupDefs are the KPI files of the follow-up lists (SPEC §4.5).
func (e *Engine) followupDefs() []Def {
	var out []Def
	for _, d := range e.defs {
		if strings.HasPrefix(d.ID, "followup.") {
			out = append(out, d)
		}
	}
	return out
}

// setTotal puts a follow-up KPI's value in its place among the totals.
func setTotal(t *reports.FollowupTotals, k reports.KPI) {
	v := 0.0
	if k.Value != nil {
		v = *k.Value
	}
	switch k.ID {
	case "followup.refund_missing":
		t.RefundMissing = int64(v)
	case "followup.refund_outstanding_nok":
		t.RefundOutstanding = v
	case "followup.unsigned_contracts":
		t.UnsignedContracts = int64(v)
	case "followup.forms_blocking_pay":
		t.FormsBlockingPay = int64(v)
	}
}
