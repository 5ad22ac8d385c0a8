package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"slakpi"
	"slakpi/pipeline/checks"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

// Exit statuses of `check payroll` (SPEC §5).
const (
	exitErrors    = 1 // an unaccepted error finding
	exitRuleError = 2 // a rule could not run
)

func (a *app) check(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: check what? payroll or accept", errUsage)
	}
	switch args[0] {
	case "payroll":
		return a.checkPayroll(ctx, args[1:])
	case "accept":
		return a.checkAccept(ctx, args[1:])
	}
	return fmt.Errorf("%w: check %q: want payroll or accept", errUsage, args[0])
}

func (a *app) checkPayroll(ctx context.Context, args []string) error {
	fs := a.flags("check payroll")
	run := fs.String("run", "", "the payroll run's id")
	out := fs.String("out", "", "folder for the run's workbook")
	asJSON := fs.Bool("json", false, "print the findings as JSON")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	if *run == "" || *out == "" {
		return fmt.Errorf("%w: check payroll: --run RUN_ID and --out DIR are required", errUsage)
	}
	var res *checks.Result
	var path string
	err := a.computed(ctx, false, func(s *store.Store, _ *kpi.Engine) (err error) {
		res, path, err = a.checkRun(ctx, s.DB, *run, *out)
		return err
	})
	if err != nil {
		return exitError{code: exitRuleError, err: err}
	}
	if *asJSON {
		err = writeFindingsJSON(a, res)
	} else {
		writeFindingsText(a, res, path)
	}
	if err != nil {
		return err
	}
	return checkVerdict(res)
}

// checkRun checks one run and writes its workbook into dir. The engine
// must be rebuilt.
func (a *app) checkRun(ctx context.Context, db *sql.DB, runID, dir string) (*checks.Result, string, error) {
	runner, err := checks.NewRunner(db, slakpi.SQL, a.cfg)
	if err != nil {
		return nil, "", err
	}
	res, err := runner.Check(ctx, runID)
	if err != nil {
		return nil, "", err
	}
	totals, err := checks.Totals(ctx, db, res.RunID, res.PreviousRunID)
	if err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", err
	}
	path := filepath.Join(dir, reports.PayrollFileName(res.RunID))
	if err := reports.WritePayrollRun(path, a.payrollReport(res, totals)); err != nil {
		return nil, "", fmt.Errorf("write %s: %w", path, err)
	}
	return res, path, nil
}

func (a *app) payrollReport(res *checks.Result, totals []reports.RunTotal) *reports.PayrollRun {
	r := &reports.PayrollRun{RunID: res.RunID, RunType: res.RunType, PayDate: res.PayDate,
		PreviousRunID: res.PreviousRunID, Lang: a.g.lang, Totals: totals,
		Version: slakpi.Version, GeneratedAt: time.Now()}
	for _, rule := range res.Rules {
		sum := reports.RuleSummary{ID: rule.ID, Title: rule.Title[a.g.lang], Severity: rule.Severity, Area: rule.Area}
		if err := res.Failed[rule.ID]; err != nil {
			sum.Failed = err.Error()
		}
		for _, f := range res.Findings {
			if f.Rule != rule.ID {
				continue
			}
			sum.Findings++
			if f.Accepted {
				sum.Accepted++
			}
			if f.New {
				sum.New++
			}
			r.Findings = append(r.Findings, reports.Finding{Rule: f.Rule, Severity: f.Severity, Fingerprint: f.Fingerprint,
				EmployeeID: f.EmployeeID, EmploymentID: f.EmploymentID, Unit: f.Unit, Detail: f.Detail,
				Accepted: f.Accepted, AcceptReason: f.AcceptReason, New: f.New})
		}
		r.Rules = append(r.Rules, sum)
	}
	return r
}

// checkVerdict turns a result into SPEC §5's exit status: 2 when a rule
// could not run, 1 for unaccepted errors, 0 for a pass or warnings only.
func checkVerdict(res *checks.Result) error {
	if len(res.Failed) > 0 {
		ids := make([]string, 0, len(res.Failed))
		for id := range res.Failed {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return exitError{code: exitRuleError, err: fmt.Errorf("run %s: %d rules could not run: %s: %v",
			res.RunID, len(ids), strings.Join(ids, ", "), res.Failed[ids[0]])}
	}
	if n := res.Unaccepted("error"); n > 0 {
		return exitError{code: exitErrors, err: fmt.Errorf("run %s: %d error findings not accepted", res.RunID, n)}
	}
	return nil
}

// findingsJSON is what `check payroll --json` prints (SPEC §5).
type findingsJSON struct {
	RunID    string           `json:"run_id"`
	Findings []checks.Finding `json:"findings"`
}

func writeFindingsJSON(a *app, res *checks.Result) error {
	out := findingsJSON{RunID: res.RunID, Findings: res.Findings}
	if out.Findings == nil {
		out.Findings = []checks.Finding{}
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeFindingsText(a *app, res *checks.Result, path string) {
	fmt.Fprintf(a.stdout, "%s (%s, paid %s): %d findings, %d unaccepted errors, %d unaccepted warnings\n",
		res.RunID, res.RunType, res.PayDate.Format(time.DateOnly), len(res.Findings), res.Unaccepted("error"), res.Unaccepted("warn"))
	for _, rule := range res.Rules {
		n := 0
		for _, f := range res.Findings {
			if f.Rule == rule.ID {
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(a.stdout, "  %-32s %5d\n", rule.ID, n)
		}
	}
	fmt.Fprintln(a.stdout, path)
}

func (a *app) checkAccept(ctx context.Context, args []string) error {
	fs := a.flags("check accept")
	reason := fs.String("reason", "", "why the finding is accepted")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || strings.TrimSpace(*reason) == "" {
		return fmt.Errorf("%w: check accept FINGERPRINT --reason TEXT", errUsage)
	}
	s, err := a.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := checks.Accept(ctx, s.DB, fs.Arg(0), *reason, whoAmI()); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "accepted %s\n", fs.Arg(0))
	return nil
}

// whoAmI names the person accepting: $USER, else the account's name.
func whoAmI() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}
