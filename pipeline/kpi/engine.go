package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/reports"
)

// Engine rebuilds derived tables and computes KPIs over one database.
type Engine struct {
	db   *sql.DB
	sql  fs.FS
	cfg  *config.Config
	cal  *calendar.Calendar
	defs []Def
}

// NewEngine reads every KPI definition up front, so a bad file fails here.
func NewEngine(db *sql.DB, sqlFS fs.FS, cfg *config.Config, cal *calendar.Calendar) (*Engine, error) {
	defs, err := LoadDefs(sqlFS)
	if err != nil {
		return nil, err
	}
	return &Engine{db: db, sql: sqlFS, cfg: cfg, cal: cal, defs: defs}, nil
}

// Defs lists the KPI definitions in output order.
func (e *Engine) Defs() []Def { return e.defs }

// Rebuild recreates the staging views, the calendar tables and the derived
// fct_ tables from the raw tables, as the configuration and calendars say.
func (e *Engine) Rebuild(ctx context.Context) error {
	if err := e.setVariables(ctx); err != nil {
		return err
	}
	if err := e.execDir(ctx, "views"); err != nil {
		return err
	}
	if err := e.writePhoneHours(ctx); err != nil {
		return err
	}
	return e.execDir(ctx, "derive")
}

// setVariables passes the configuration to SQL as DuckDB session variables
// (getvariable('…')), so the SQL files stay free of Go-made text.
func (e *Engine) setVariables(ctx context.Context) error {
	queues := make([]string, len(e.cfg.Phone.Queues))
	for i, q := range e.cfg.Phone.Queues {
		queues[i] = quote(q)
	}
	stmts := []string{
		"SET VARIABLE tz = " + quote(e.cfg.Timezone),
		fmt.Sprintf("SET VARIABLE short_abandon_s = %d", e.cfg.Phone.ShortAbandonS),
		fmt.Sprintf("SET VARIABLE service_level_s = %d", e.cfg.Phone.ServiceLevelS),
		"SET VARIABLE phone_queues = [" + strings.Join(queues, ", ") + "]::VARCHAR[]",
	}
	for _, s := range stmts {
		if _, err := e.db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("set variables: %w", err)
		}
	}
	return nil
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// execDir runs every .sql file of a folder under sql/ in name order.
func (e *Engine) execDir(ctx context.Context, dir string) error {
	names, err := fs.Glob(e.sql, dir+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(e.sql, n)
		if err != nil {
			return err
		}
		if _, err := e.db.ExecContext(ctx, string(b)); err != nil {
			return fmt.Errorf("sql/%s: %w", n, err)
		}
	}
	return nil
}

// writePhoneHours fills cal_phone_hours for every date the phone data spans.
func (e *Engine) writePhoneHours(ctx context.Context) error {
	var from, to sql.NullTime
	err := e.db.QueryRowContext(ctx, `SELECT min(t), max(t) FROM (
		SELECT min(ts) AS t FROM raw_queue_log UNION ALL SELECT max(ts) FROM raw_queue_log
		UNION ALL SELECT min(entered_at) FROM raw_calls UNION ALL SELECT max(entered_at) FROM raw_calls)`).Scan(&from, &to)
	if err != nil {
		return fmt.Errorf("phone hours: %w", err)
	}
	if _, err := e.db.ExecContext(ctx, "DELETE FROM cal_phone_hours"); err != nil {
		return err
	}
	if !from.Valid {
		return nil
	}
	return insertIntervals(ctx, e.db, "cal_phone_hours", e.cal.PhoneIntervals(from.Time, to.Time))
}

func insertIntervals(ctx context.Context, db *sql.DB, table string, ivs []calendar.Interval) error {
	const chunk = 500
	for len(ivs) > 0 {
		n := min(chunk, len(ivs))
		var b strings.Builder
		args := make([]any, 0, 3*n)
		for i, iv := range ivs[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?::DATE, ?, ?)")
			args = append(args, iv.Date.Format(time.DateOnly), iv.Start, iv.End)
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO "+table+" VALUES "+b.String(), args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		ivs = ivs[n:]
	}
	return nil
}

// Quarter computes every KPI for quarter q over the whole centre, stores
// the results in kpi_results and returns them in definition order. Call
// Rebuild first when raw data or configuration changed.
func (e *Engine) Quarter(ctx context.Context, q Quarter) ([]reports.KPI, error) {
	if err := e.setVariables(ctx); err != nil {
		return nil, err
	}
	out := make([]reports.KPI, 0, len(e.defs))
	for _, d := range e.defs {
		k, err := e.compute(ctx, d, q)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, e.store(ctx, q, "", out)
}

func (e *Engine) compute(ctx context.Context, d Def, q Quarter) (reports.KPI, error) {
	k := reports.KPI{ID: d.ID, Unit: d.Unit, Target: e.cfg.Target(d.ID), Comparison: d.Comparison}
	var v sql.NullFloat64
	err := e.db.QueryRowContext(ctx, d.Query, sql.Named("quarter", q.String())).Scan(&v, &k.N)
	if err != nil {
		return k, fmt.Errorf("sql/%s: %w", d.File, err)
	}
	if v.Valid {
		k.Value = &v.Float64
	}
	k.Met = Met(k.Value, k.Target, d.Comparison)
	return k, nil
}

// Met compares a value with its target at full precision; nil when either
// is missing.
func Met(value, target *float64, comparison string) *bool {
	if value == nil || target == nil {
		return nil
	}
	var m bool
	switch comparison {
	case ">=":
		m = *value >= *target
	default:
		m = *value <= *target
	}
	return &m
}

func (e *Engine) store(ctx context.Context, q Quarter, unit string, ks []reports.KPI) error {
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM kpi_results WHERE quarter = ? AND unit = ?`, q.String(), unit); err != nil {
		return fmt.Errorf("store kpis: %w", err)
	}
	for _, k := range ks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kpi_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())`,
			q.String(), unit, k.ID, k.Value, k.N, k.Target, nullIfEmpty(k.Comparison), k.Met); err != nil {
			return fmt.Errorf("store kpis: %w", err)
		}
	}
	return tx.Commit()
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
