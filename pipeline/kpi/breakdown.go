package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"slakpi/reports"
)

// query runs one file under sql/breakdowns/ and calls scan for each row.
func (e *Engine) query(ctx context.Context, name string, scan func(*sql.Rows) error, args ...any) error {
	b, err := fs.ReadFile(e.sql, "breakdowns/"+name)
	if err != nil {
		return err
	}
	return e.queryText(ctx, "breakdowns/"+name, string(b), scan, args...)
}

// queryFor runs a breakdown for quarter q and unit (all when ""), with the
// parameters of KPI queries and any extra ones.
func (e *Engine) queryFor(ctx context.Context, name string, q Quarter, unit string, scan func(*sql.Rows) error, override ...sql.NamedArg) error {
	b, err := fs.ReadFile(e.sql, "breakdowns/"+name)
	if err != nil {
		return err
	}
	return e.queryText(ctx, "breakdowns/"+name, string(b), scan, e.params(string(b), q, unit, override...)...)
}

func (e *Engine) queryText(ctx context.Context, name, text string, scan func(*sql.Rows) error, args ...any) error {
	if err := e.setVariables(ctx); err != nil {
		return err
	}
	rows, err := e.db.QueryContext(ctx, text, args...)
	if err != nil {
		return fmt.Errorf("sql/%s: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("sql/%s: %w", name, err)
		}
	}
	return rows.Err()
}

// PhonePeriods gives phone figures per "month" or "week" over quarters
// first to last.
func (e *Engine) PhonePeriods(ctx context.Context, grain string, first, last Quarter) ([]reports.PhonePeriod, error) {
	var out []reports.PhonePeriod
	err := e.query(ctx, "phone_periods.sql", func(r *sql.Rows) error {
		var p reports.PhonePeriod
		var asa, sl, ar, mw sql.NullFloat64
		if err := r.Scan(&p.Label, &p.Start, &p.Offered, &p.Answered, &p.Abandoned, &p.Flowout, &asa, &sl, &ar, &mw); err != nil {
			return err
		}
		p.ASA, p.ServiceLevel, p.AbandonRate, p.MaxWait = ptr(asa), ptr(sl), ptr(ar), ptr(mw)
		out = append(out, p)
		return nil
	}, sql.Named("grain", grain), sql.Named("first", first.String()), sql.Named("last", last.String()))
	return out, err
}

// PhoneHeat gives offered calls and ASA per weekday and hour of quarter q.
func (e *Engine) PhoneHeat(ctx context.Context, q Quarter) ([]reports.HeatCell, error) {
	var out []reports.HeatCell
	err := e.query(ctx, "phone_heat.sql", func(r *sql.Rows) error {
		var c reports.HeatCell
		var asa sql.NullFloat64
		if err := r.Scan(&c.Weekday, &c.Hour, &c.Calls, &asa); err != nil {
			return err
		}
		c.ASA = ptr(asa)
		out = append(out, c)
		return nil
	}, sql.Named("quarter", q.String()))
	return out, err
}

// PhoneQueues gives the per-queue (per visit) breakdown of quarter q.
func (e *Engine) PhoneQueues(ctx context.Context, q Quarter) ([]reports.QueueRow, error) {
	var out []reports.QueueRow
	err := e.query(ctx, "phone_queues.sql", func(r *sql.Rows) error {
		var row reports.QueueRow
		var w sql.NullFloat64
		if err := r.Scan(&row.Queue, &row.Visits, &row.Answered, &w); err != nil {
			return err
		}
		row.AvgWait = ptr(w)
		out = append(out, row)
		return nil
	}, sql.Named("quarter", q.String()))
	return out, err
}

func ptr(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}
