package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"slakpi/pipeline/calendar"
)

// The calendars are written to tables the SQL joins, so holidays, working
// hours, DST and the pay calendar are decided in Go, in one place.

// writePhoneHours fills cal_phone_hours for every date the phone data spans.
func (e *Engine) writePhoneHours(ctx context.Context) error {
	from, to, err := e.span(ctx, `SELECT min(ts) AS lo, max(ts) AS hi FROM raw_queue_log
		UNION ALL SELECT min(entered_at), max(entered_at) FROM raw_calls`)
	if err != nil || from.IsZero() {
		return e.refill(ctx, "cal_phone_hours", "(?::DATE, ?, ?)", nil, err)
	}
	var rows [][]any
	for _, iv := range e.cal.PhoneIntervals(from, to) {
		rows = append(rows, []any{iv.Date.Format(time.DateOnly), iv.Start, iv.End})
	}
	return e.refill(ctx, "cal_phone_hours", "(?::DATE, ?, ?)", rows, nil)
}

// writeWorkDays fills cal_work_days for every date the case data spans,
// with a year's margin on either side so clocks never fall off the table.
func (e *Engine) writeWorkDays(ctx context.Context) error {
	// Cases, and the follow-up lists' deadlines (working_day_by).
	from, to, err := e.span(ctx, `SELECT least(min(call_date), min(creation_date)) AS lo,
			greatest(max(call_date), max(creation_date), max(response_date), max(completed_date), max(closed_date), max(modified_at)) AS hi
		FROM raw_cases
		UNION ALL SELECT min(changed_at), max(changed_at) FROM raw_case_history
		UNION ALL SELECT min(registered_at), max(registered_at) FROM raw_employees
		UNION ALL SELECT min(from_date)::TIMESTAMPTZ, max(coalesce(to_date, from_date))::TIMESTAMPTZ FROM raw_absences
		UNION ALL SELECT min(sent_at), max(sent_at) FROM raw_contracts
		UNION ALL SELECT min(submitted_at), max(submitted_at) FROM raw_forms_in_flow`)
	if err != nil || from.IsZero() {
		return e.refill(ctx, "cal_work_days", "(?::DATE, ?, ?, ?, ?)", nil, err)
	}
	loc := e.cal.Location()
	first := time.Date(from.In(loc).Year()-1, 1, 1, 0, 0, 0, 0, loc)
	last := time.Date(to.In(loc).Year()+1, 12, 31, 0, 0, 0, 0, loc)
	open := map[string]calendar.Interval{}
	for _, iv := range e.cal.WorkIntervals(first, last) {
		open[iv.Date.Format(time.DateOnly)] = iv
	}
	var rows [][]any
	var cumS float64
	var cumDays int
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		key := d.Format(time.DateOnly)
		start, secs := d, 0.0
		if iv, ok := open[key]; ok {
			start, secs = iv.Start, iv.End.Sub(iv.Start).Seconds()
		}
		rows = append(rows, []any{key, start.UTC(), secs, cumS, cumDays})
		cumS += secs
		if secs > 0 {
			cumDays++
		}
	}
	return e.refill(ctx, "cal_work_days", "(?::DATE, ?, ?, ?, ?)", rows, nil)
}

// writePayDates fills cal_pay_dates for every period the pay data spans
// and the year after, from the pay calendar.
func (e *Engine) writePayDates(ctx context.Context) error {
	const tuple = "(?, ?::DATE, ?::DATE)"
	// Forms in flow look up the next cut-off, so their dates count too.
	from, to, err := e.span(ctx, `SELECT min(pay_date)::TIMESTAMPTZ AS lo, max(pay_date)::TIMESTAMPTZ AS hi FROM raw_pay_lines
		UNION ALL SELECT min(registered_at), max(registered_at) FROM raw_employees
		UNION ALL SELECT min(submitted_at), max(coalesce(approved_at, submitted_at)) FROM raw_forms_in_flow
		UNION ALL SELECT min(from_date)::TIMESTAMPTZ, max(coalesce(to_date, from_date))::TIMESTAMPTZ FROM raw_absences
		UNION ALL SELECT min(sent_at), max(sent_at) FROM raw_contracts`)
	if err != nil || from.IsZero() {
		return e.refill(ctx, "cal_pay_dates", tuple, nil, err)
	}
	pay, err := calendar.NewPayCalendar(e.cal, e.cfg.Payroll)
	if err != nil {
		return err
	}
	loc := e.cal.Location()
	var rows [][]any
	last := time.Date(to.In(loc).Year()+1, 12, 1, 0, 0, 0, 0, loc)
	for m := time.Date(from.In(loc).Year()-1, 1, 1, 0, 0, 0, 0, loc); !m.After(last); m = m.AddDate(0, 1, 0) {
		rows = append(rows, []any{m.Format("2006-01"),
			pay.PayDate(m.Year(), m.Month()).Format(time.DateOnly), pay.Cutoff(m.Year(), m.Month()).Format(time.DateOnly)})
	}
	return e.refill(ctx, "cal_pay_dates", tuple, rows, nil)
}

// writeStateRates fills cfg_state_rates from the configuration.
func (e *Engine) writeStateRates(ctx context.Context) error {
	var rows [][]any
	for year, r := range e.cfg.Payroll.StateRates {
		var perDiem *float64
		for _, v := range []*float64{r.PerDiemOvernight, r.PerDiem6To12h, r.PerDiemOver12h} {
			if v != nil && (perDiem == nil || *v > *perDiem) {
				perDiem = v
			}
		}
		rows = append(rows, []any{year, perDiem, r.Km})
	}
	return e.refill(ctx, "cfg_state_rates", "(?, ?, ?)", rows, nil)
}

// span reads the earliest lo and latest hi of a query's rows.
func (e *Engine) span(ctx context.Context, query string) (from, to time.Time, err error) {
	var lo, hi sql.NullTime
	err = e.db.QueryRowContext(ctx, "SELECT min(lo), max(hi) FROM ("+query+")").Scan(&lo, &hi)
	if err != nil {
		return from, to, fmt.Errorf("calendar span: %w", err)
	}
	return lo.Time, hi.Time, nil
}

// refill replaces a calendar table's rows; each row fills tuple's
// placeholders.
func (e *Engine) refill(ctx context.Context, table, tuple string, rows [][]any, err error) error {
	if err != nil {
		return err
	}
	if _, err := e.db.ExecContext(ctx, "DELETE FROM "+table); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	const chunk = 500
	for len(rows) > 0 {
		n := min(chunk, len(rows))
		tuples := make([]string, n)
		var args []any
		for i, r := range rows[:n] {
			tuples[i] = tuple
			args = append(args, r...)
		}
		if _, err := e.db.ExecContext(ctx, "INSERT INTO "+table+" VALUES "+strings.Join(tuples, ", "), args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}
