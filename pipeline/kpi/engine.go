package kpi

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/reports"
)

// Engine rebuilds derived tables and computes KPIs over one database.
type Engine struct {
	db    *sql.DB
	sql   fs.FS
	cfg   *config.Config
	cal   *calendar.Calendar
	defs  []Def
	stmts map[string]*sql.Stmt
	// centre holds each quarter's centre-wide KPIs once computed since the
	// last Rebuild: a report reads the same quarter several times.
	centre map[Quarter][]reports.KPI
	units  map[Quarter]map[string][]reports.KPI // likewise, every unit's
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
	e.centre, e.units = nil, nil
	if err := e.setVariables(ctx); err != nil {
		return err
	}
	if err := e.execDir(ctx, "views"); err != nil {
		return err
	}
	if err := e.writePhoneHours(ctx); err != nil {
		return err
	}
	if err := e.writeWorkDays(ctx); err != nil {
		return err
	}
	if err := e.writePayDates(ctx); err != nil {
		return err
	}
	if err := e.writeStateRates(ctx); err != nil {
		return err
	}
	return e.execDir(ctx, "derive")
}

// setVariables passes the configuration to SQL as DuckDB session variables
// (getvariable('…')), so the SQL files stay free of Go-made text.
func (e *Engine) setVariables(ctx context.Context) error {
	stmts := []string{
		"SET VARIABLE tz = " + quote(e.cfg.Timezone),
		fmt.Sprintf("SET VARIABLE short_abandon_s = %d", e.cfg.Phone.ShortAbandonS),
		fmt.Sprintf("SET VARIABLE service_level_s = %d", e.cfg.Phone.ServiceLevelS),
		"SET VARIABLE phone_queues = " + listLiteral(e.cfg.Phone.Queues),
		"SET VARIABLE pause_statuses = " + listLiteral(e.cfg.Cases.PauseStatuses),
		"SET VARIABLE main_salary_codes = " + listLiteral(e.cfg.Payroll.MainSalaryCodes),
		"SET VARIABLE hourly_codes = " + listLiteral(e.cfg.Payroll.HourlyCodes),
		"SET VARIABLE holiday_pay_codes = " + listLiteral(e.cfg.Payroll.HolidayPayCodes),
		fmt.Sprintf("SET VARIABLE travel_paid_within_days = %d", e.cfg.Payroll.TravelPaidWithinDays),
		fmt.Sprintf("SET VARIABLE followup_horizon_days = %d", e.cfg.Followup.HorizonDays),
		fmt.Sprintf("SET VARIABLE followup_plan_days = %d", 7*e.cfg.Followup.PlanWeeks),
		fmt.Sprintf("SET VARIABLE followup_dialogue_days = %d", 7*e.cfg.Followup.DialogueWeeks),
		fmt.Sprintf("SET VARIABLE employer_period_days = %d", e.cfg.Followup.EmployerPeriodDays),
		fmt.Sprintf("SET VARIABLE refund_unpaid_days = %d", e.cfg.Followup.RefundUnpaidDays),
		fmt.Sprintf("SET VARIABLE unsigned_days = %d", e.cfg.Followup.UnsignedDays),
		"SET VARIABLE status_map = " + mapLiteral(e.cfg.Cases.StatusMap, quote, "VARCHAR"),
		"SET VARIABLE resolution_targets_h = " + mapLiteral(e.cfg.Cases.ResolutionTargetsH,
			func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }, "DOUBLE"),
	}
	for _, s := range stmts {
		if _, err := e.db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("set variables: %w", err)
		}
	}
	return nil
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// listLiteral writes a DuckDB VARCHAR[] literal.
func listLiteral(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = quote(it)
	}
	return "[" + strings.Join(q, ", ") + "]::VARCHAR[]"
}

// mapLiteral writes a DuckDB MAP(VARCHAR, typ) literal, keys sorted.
func mapLiteral[V any](m map[string]V, value func(V) string, typ string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = quote(k) + ": " + value(m[k])
	}
	return "MAP {" + strings.Join(pairs, ", ") + "}::MAP(VARCHAR, " + typ + ")"
}

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

// Quarter computes every KPI for quarter q over the whole centre, stores
// the results in kpi_results and returns them in definition order; the
// same quarter again before the next Rebuild is not recomputed. Call
// Rebuild first when raw data or configuration changed.
func (e *Engine) Quarter(ctx context.Context, q Quarter) ([]reports.KPI, error) {
	if ks, ok := e.centre[q]; ok {
		return slices.Clone(ks), nil
	}
	ks, err := e.Compute(ctx, q, "")
	if err != nil {
		return nil, err
	}
	if e.centre == nil {
		e.centre = map[Quarter][]reports.KPI{}
	}
	e.centre[q] = ks
	return slices.Clone(ks), nil
}

// Compute computes quarter q's KPIs for a unit (and the units below it),
// or for the whole centre when unit is "". A unit gets the KPIs whose
// data carries a unit (scope: unit).
func (e *Engine) Compute(ctx context.Context, q Quarter, unit string) ([]reports.KPI, error) {
	if err := e.setVariables(ctx); err != nil {
		return nil, err
	}
	out := make([]reports.KPI, 0, len(e.defs))
	for _, d := range e.defs {
		if unit != "" && !d.PerUnit {
			continue
		}
		k, err := e.compute(ctx, d, q, unit)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, e.store(ctx, q, unit, out)
}

// params gives a query the named parameters it uses: those of quarter q
// and unit, where an override of the same name wins ($as_of for a list
// taken on a given date), and any other override ($dim).
func (e *Engine) params(query string, q Quarter, unit string, override ...sql.NamedArg) []any {
	loc := e.cal.Location()
	var u any
	if unit != "" {
		u = unit
	}
	// Longer names first: "$quarter" must not match inside "$quarter_end".
	all := []sql.NamedArg{
		sql.Named("quarter_start", q.Start(loc)), sql.Named("quarter_end", q.End(loc)),
		sql.Named("quarter", q.String()), sql.Named("unit", u),
		// A quarter's follow-up KPIs are taken as of its last day.
		sql.Named("as_of", q.End(loc).AddDate(0, 0, -1).Format(time.DateOnly)),
	}
	for _, o := range override {
		if i := slices.IndexFunc(all, func(a sql.NamedArg) bool { return a.Name == o.Name }); i >= 0 {
			all[i] = o
		} else {
			all = append(all, o)
		}
	}
	var args []any
	for _, a := range all {
		if strings.Contains(query, "$"+a.Name) {
			args = append(args, a)
			query = strings.ReplaceAll(query, "$"+a.Name, "")
		}
	}
	return args
}

func (e *Engine) compute(ctx context.Context, d Def, q Quarter, unit string, override ...sql.NamedArg) (reports.KPI, error) {
	k := reports.KPI{ID: d.ID, Unit: d.Unit, Target: e.cfg.Target(d.ID), Comparison: d.Comparison}
	var v sql.NullFloat64
	stmt, err := e.prepared(ctx, d)
	if err == nil {
		err = stmt.QueryRowContext(ctx, e.params(d.Query, q, unit, override...)...).Scan(&v, &k.N)
	}
	if err != nil {
		return k, fmt.Errorf("sql/%s: %w", d.File, err)
	}
	if v.Valid {
		k.Value = &v.Float64
	}
	k.Met = Met(k.Value, k.Target, d.Comparison)
	return k, nil
}

// prepared plans a KPI query once; the unit reports run each many times.
func (e *Engine) prepared(ctx context.Context, d Def) (*sql.Stmt, error) {
	if st, ok := e.stmts[d.ID]; ok {
		return st, nil
	}
	st, err := e.db.PrepareContext(ctx, d.Query)
	if err != nil {
		return nil, err
	}
	if e.stmts == nil {
		e.stmts = map[string]*sql.Stmt{}
	}
	e.stmts[d.ID] = st
	return st, nil
}

// Close releases the prepared queries.
func (e *Engine) Close() error {
	var errs []error
	for _, st := range e.stmts {
		errs = append(errs, st.Close())
	}
	e.stmts = nil
	return errors.Join(errs...)
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
