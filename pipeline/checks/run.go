package checks

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"slakpi/pipeline/config"
	"slakpi/reports"
)

// ErrUnknownRun says no pay lines carry the run id.
var ErrUnknownRun = errors.New("no such payroll run")

// Finding is one failing row of a rule in a run.
type Finding struct {
	Rule         string `json:"rule"`
	Severity     string `json:"severity"`
	EmployeeID   string `json:"employee_id"`
	EmploymentID string `json:"employment_id"`
	Unit         string `json:"unit"`
	Fingerprint  string `json:"fingerprint"`
	Detail       string `json:"detail"`
	Accepted     bool   `json:"accepted"`
	AcceptReason string `json:"-"`
	New          bool   `json:"-"` // not among the compared run's findings
}

// Result is one check of a run.
type Result struct {
	RunID         string
	RunType       string
	PayDate       time.Time
	PreviousRunID string // the run compared with; "" when none
	Rules         []Rule
	Findings      []Finding
	Failed        map[string]error // rules that could not run
}

// Unaccepted counts the findings of a severity nobody has accepted.
func (r *Result) Unaccepted(severity string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == severity && !f.Accepted {
			n++
		}
	}
	return n
}

// Runner checks payroll runs.
type Runner struct {
	db    *sql.DB
	rules []Rule
	cfg   *config.Config
}

// NewRunner reads the rules. The derived views must be built (kpi.Engine's
// Rebuild) on db's connection before Check runs.
func NewRunner(db *sql.DB, sqlFS fs.FS, cfg *config.Config) (*Runner, error) {
	rules, err := LoadRules(sqlFS)
	if err != nil {
		return nil, err
	}
	for id, set := range cfg.Checks {
		i := slices.IndexFunc(rules, func(r Rule) bool { return r.ID == id })
		if i < 0 {
			return nil, fmt.Errorf("config checks: no rule %q", id)
		}
		for name := range set {
			if !slices.ContainsFunc(rules[i].Thresholds, func(t Threshold) bool { return t.Name == name }) {
				return nil, fmt.Errorf("config checks.%s: rule has no threshold %q", id, name)
			}
		}
	}
	return &Runner{db: db, rules: rules, cfg: cfg}, nil
}

// Rules lists the rules in file order.
func (r *Runner) Rules() []Rule { return r.rules }

// Check runs every rule on run runID, replaces the run's stored findings,
// and marks each finding accepted (its fingerprint was accepted, in any
// run) and new (the compared run did not have it). A rule that fails is
// recorded in Result.Failed; the others still run.
func (r *Runner) Check(ctx context.Context, runID string) (*Result, error) {
	res := &Result{RunID: runID, Rules: r.rules, Failed: map[string]error{}}
	var prev sql.NullString
	err := r.db.QueryRowContext(ctx, `SELECT p.run_type, p.pay_date, c.prev_run_id
		FROM stg_pay_runs p JOIN stg_run_compare c USING (run_id) WHERE run_id = ?`, runID).Scan(&res.RunType, &res.PayDate, &prev)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w %q", ErrUnknownRun, runID)
	}
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", runID, err)
	}
	res.PreviousRunID = prev.String
	for _, rule := range r.rules {
		fs, err := r.runRule(ctx, rule, runID)
		if err != nil {
			res.Failed[rule.ID] = err
			continue
		}
		res.Findings = append(res.Findings, fs...)
	}
	if err := r.mark(ctx, res); err != nil {
		return nil, err
	}
	return res, r.store(ctx, res)
}

func (r *Runner) runRule(ctx context.Context, rule Rule, runID string) ([]Finding, error) {
	args := []any{sql.Named("run_id", runID)}
	for _, t := range rule.Thresholds {
		v := t.Default
		if set, ok := r.cfg.Checks[rule.ID][t.Name]; ok {
			v = set
		}
		args = append(args, sql.Named(t.Name, v))
	}
	rows, err := r.db.QueryContext(ctx, rule.Query, args...)
	if err != nil {
		return nil, fmt.Errorf("sql/%s: %w", rule.File, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []Finding
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("sql/%s: %w", rule.File, err)
		}
		f, err := finding(rule, cols, vals)
		if err != nil {
			return nil, fmt.Errorf("sql/%s: %w", rule.File, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// finding reads one row by column name and fingerprints it: the rule and
// its key columns, so the same problem in a later run matches.
func finding(rule Rule, cols []string, vals []any) (Finding, error) {
	row := map[string]string{}
	for i, c := range cols {
		if vals[i] != nil {
			row[c] = fmt.Sprint(vals[i])
		}
	}
	f := Finding{Rule: rule.ID, Severity: rule.Severity, EmployeeID: row["employee_id"],
		EmploymentID: row["employment_id"], Unit: row["unit"], Detail: row["detail"]}
	if s := row["severity"]; s != "" {
		f.Severity = s
	}
	h := sha256.New()
	h.Write([]byte(rule.ID))
	for _, k := range rule.Key {
		if !slices.Contains(cols, k) {
			return f, fmt.Errorf("key column %q not returned", k)
		}
		fmt.Fprintf(h, "\x1f%s=%s", k, row[k])
	}
	f.Fingerprint = hex.EncodeToString(h.Sum(nil))[:20]
	return f, nil
}

// mark sets Accepted and New on res's findings.
func (r *Runner) mark(ctx context.Context, res *Result) error {
	accepted := map[string]string{}
	rows, err := r.db.QueryContext(ctx, `SELECT fingerprint, reason FROM check_acceptances`)
	if err != nil {
		return fmt.Errorf("acceptances: %w", err)
	}
	for rows.Next() {
		var fp, reason string
		if err := rows.Scan(&fp, &reason); err != nil {
			rows.Close()
			return err
		}
		accepted[fp] = reason
	}
	rows.Close()
	before := map[string]bool{}
	if res.PreviousRunID != "" {
		rows, err := r.db.QueryContext(ctx, `SELECT fingerprint FROM check_findings WHERE run_id = ?`, res.PreviousRunID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var fp string
			if err := rows.Scan(&fp); err != nil {
				rows.Close()
				return err
			}
			before[fp] = true
		}
		rows.Close()
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		f.AcceptReason, f.Accepted = accepted[f.Fingerprint]
		f.New = !before[f.Fingerprint]
	}
	return nil
}

func (r *Runner) store(ctx context.Context, res *Result) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM check_findings WHERE run_id = ?`, res.RunID); err != nil {
		return fmt.Errorf("store findings: %w", err)
	}
	now := time.Now().UTC()
	for _, f := range res.Findings {
		if _, err := tx.ExecContext(ctx, `INSERT INTO check_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			res.RunID, f.Rule, f.Severity, f.Fingerprint, null(f.EmployeeID), null(f.EmploymentID), null(f.Unit), f.Detail, now); err != nil {
			return fmt.Errorf("store findings: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO check_runs VALUES (?, ?, ?, ?)`,
		res.RunID, now, len(res.Rules)-len(res.Failed), len(res.Failed)); err != nil {
		return fmt.Errorf("store check: %w", err)
	}
	return tx.Commit()
}

func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Accept records that a finding's fingerprint is accepted, by whom, when
// and why; it stays accepted in every later run where it recurs.
func Accept(ctx context.Context, db *sql.DB, fingerprint, reason, by string) error {
	if strings.TrimSpace(reason) == "" {
		return errors.New("accept: a reason is required")
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM check_findings WHERE fingerprint = ?`, fingerprint).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("accept: no finding has fingerprint %q", fingerprint)
	}
	_, err := db.ExecContext(ctx, `INSERT OR REPLACE INTO check_acceptances VALUES (?, ?, ?, ?)`,
		fingerprint, reason, by, time.Now().UTC())
	return err
}

// Totals compares a run's totals with the run it is compared with.
func Totals(ctx context.Context, db *sql.DB, runID, prevID string) ([]reports.RunTotal, error) {
	read := func(id string) (map[string]float64, error) {
		var lines, heads, emps int64
		var gross sql.NullFloat64
		err := db.QueryRowContext(ctx, `SELECT lines, headcount, employments, gross FROM stg_pay_runs WHERE run_id = ?`, id).
			Scan(&lines, &heads, &emps, &gross)
		if err != nil {
			return nil, fmt.Errorf("run totals %s: %w", id, err)
		}
		return map[string]float64{"headcount": float64(heads), "employments": float64(emps),
			"gross": gross.Float64, "lines": float64(lines)}, nil
	}
	cur, err := read(runID)
	if err != nil {
		return nil, err
	}
	var prev map[string]float64
	if prevID != "" {
		if prev, err = read(prevID); err != nil {
			return nil, err
		}
	}
	var out []reports.RunTotal
	for _, m := range []string{"headcount", "employments", "gross", "lines"} {
		t := reports.RunTotal{Measure: m, Current: cur[m]}
		if prev != nil {
			v := prev[m]
			t.Previous = &v
		}
		out = append(out, t)
	}
	return out, nil
}

// Runs lists the payroll runs in pay-date order, the order to check them
// in so that each is compared with a checked predecessor.
func Runs(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT run_id FROM stg_pay_runs ORDER BY pay_date, run_id`)
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
