package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"slakpi/fixtures"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/checks"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
)

// The demo year: four whole quarters ending with the one most reports show.
var (
	demoFirst = kpi.Quarter{Year: 2025, Q: 4}
	demoLast  = kpi.Quarter{Year: 2026, Q: 3}
	demoSeed  = int64(2026)
)

// demo generates a year of the centre's data under DIR/data (monthly
// rotated queue_logs, the unit tree, a case export with its history),
// ingests it into the database, and writes the quarterly workbook of every
// demo quarter and every unit's workbook of the last one into DIR.
func (a *app) demo(ctx context.Context, args []string) error {
	fs := a.flags("demo")
	out := fs.String("out", "reports", "folder for the reports (and the generated input under data/)")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	data := filepath.Join(*out, "data")
	loads, err := a.demoInputs(data)
	if err != nil {
		return err
	}
	l := &ingest.Loader{Store: s, Config: a.cfg, Stderr: a.stderr, Terminal: a.stderrIsTerminal()}
	for _, ld := range loads {
		if _, err := l.Load(ctx, ld.format, ld.paths); err != nil {
			return err
		}
	}
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	fmt.Fprintf(a.stdout, "database: %s\n", s.Path)
	if err := a.refresh(ctx, s, eng); err != nil {
		return err
	}
	// Runs are checked first: the unit workbooks list their findings.
	if err := a.demoChecks(ctx, s.DB, filepath.Join(*out, "lonnskontroll")); err != nil {
		return err
	}
	for q := demoFirst; q != demoLast.Add(1); q = q.Add(1) {
		path, err := a.writeQuarterly(ctx, s, eng, q, *out)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, path)
	}
	paths, err := a.writeUnits(ctx, eng, demoLast, "", filepath.Join(*out, "enheter"))
	for _, p := range paths {
		fmt.Fprintln(a.stdout, p)
	}
	if err != nil {
		return err
	}
	path, err := a.writeFollowup(ctx, eng, demoLast.End(a.cfg.Location).AddDate(0, 0, -1), *out)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, path)
	return nil
}

// demoInputs writes the demo's input files and says how to load them.
func (a *app) demoInputs(dir string) ([]formatGroup, error) {
	phone, err := a.demoPhoneFiles(filepath.Join(dir, "phone"))
	if err != nil {
		return nil, err
	}
	cases, err := a.demoCaseFiles(filepath.Join(dir, "cases"))
	if err != nil {
		return nil, err
	}
	payroll, err := a.demoPayrollFiles(filepath.Join(dir, "payroll"))
	if err != nil {
		return nil, err
	}
	// Employees before the cases naming them; units first of all.
	groups := append([]formatGroup{{ingest.QueueLog, phone}}, cases...)
	return append(groups, payroll...), nil
}

// demoPayrollFiles writes a year of pay runs for about 3,000 employees with
// their employments, travel claims and new-hire cases, anomalies planted.
func (a *app) demoPayrollFiles(dir string) ([]formatGroup, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	loc := a.cfg.Location
	pay, err := calendar.NewPayCalendar(a.cal, a.cfg.Payroll)
	if err != nil {
		return nil, err
	}
	names := []string{"lonnslinjer.csv", "ansatte.csv", "reiseregninger.csv", "nyansettelser.csv"}
	files := make([]*os.File, len(names))
	for i, n := range names {
		if files[i], err = os.Create(filepath.Join(dir, n)); err != nil {
			return nil, err
		}
		defer files[i].Close()
	}
	_, err = fixtures.WritePayroll(fixtures.PayrollFiles{PayLines: files[0], Employees: files[1], TravelClaims: files[2], NewHireCases: files[3]},
		fixtures.PayrollOptions{From: demoFirst.Start(loc), To: demoLast.End(loc).AddDate(0, 0, -1), Loc: loc,
			Open: a.cal.IsWorkingDay, PayDate: pay.PayDate, Seed: demoSeed})
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	path := func(i int) []string { return []string{filepath.Join(dir, names[i])} }
	followup, err := a.demoFollowupFiles(filepath.Join(dir, "..", "followup"), path(1)[0], pay)
	if err != nil {
		return nil, err
	}
	return append([]formatGroup{
		{ingest.Employees, path(1)},
		{ingest.PayLines, path(0)},
		{ingest.TravelClaims, path(2)},
		{ingest.CasesCSV, path(3)},
	}, followup...), nil
}

// demoFollowupFiles writes a year of absences, NAV refund claims, contracts
// and forms in flow for the employees of the employees file.
func (a *app) demoFollowupFiles(dir, employees string, pay *calendar.PayCalendar) ([]formatGroup, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	in, err := os.Open(employees)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	loc := a.cfg.Location
	kinds := []string{ingest.Absences, ingest.NavRefunds, ingest.Contracts, ingest.FormsInFlow}
	names := []string{"fravaer.csv", "refusjonskrav.csv", "kontrakter.csv", "skjema.csv"}
	files := make([]*os.File, len(names))
	for i, n := range names {
		if files[i], err = os.Create(filepath.Join(dir, n)); err != nil {
			return nil, err
		}
		defer files[i].Close()
	}
	_, err = fixtures.WriteFollowup(in, fixtures.FollowupFiles{Absences: files[0], NavRefunds: files[1], Contracts: files[2], Forms: files[3]},
		fixtures.FollowupOptions{From: demoFirst.Start(loc), To: demoLast.End(loc).AddDate(0, 0, -1), Loc: loc,
			Open: a.cal.IsWorkingDay, Cutoff: pay.Cutoff, Seed: demoSeed})
	if err != nil {
		return nil, err
	}
	var groups []formatGroup
	for i, f := range files {
		if err := f.Close(); err != nil {
			return nil, err
		}
		groups = append(groups, formatGroup{kinds[i], []string{filepath.Join(dir, names[i])}})
	}
	return groups, nil
}

// demoChecks checks every payroll run in pay-date order and writes each
// run's workbook into dir; the demo's planted anomalies are found there.
func (a *app) demoChecks(ctx context.Context, db *sql.DB, dir string) error {
	runs, err := checks.Runs(ctx, db)
	if err != nil {
		return err
	}
	for _, id := range runs {
		res, path, err := a.checkRun(ctx, db, id, dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s (%d findings)\n", path, len(res.Findings))
	}
	return nil
}

// demoPhoneFiles writes one queue_log per month, as a rotated log would be.
func (a *app) demoPhoneFiles(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	loc := a.cfg.Location
	var paths []string
	for m := demoFirst.Start(loc); m.Before(demoLast.End(loc)); m = m.AddDate(0, 1, 0) {
		p := filepath.Join(dir, "queue_log-"+m.Format("2006-01"))
		opt := fixtures.PhoneOptions{From: m, To: m.AddDate(0, 1, -1), Loc: loc, Open: a.cal.IsWorkingDay,
			Seed: demoSeed*100 + int64(m.Month())}
		if err := writeFile(p, func(w io.Writer) error {
			_, err := fixtures.WriteQueueLog(w, opt)
			return err
		}); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// demoCaseFiles writes NTNU's unit tree and a year's case export with its
// status history.
func (a *app) demoCaseFiles(dir string) ([]formatGroup, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	loc := a.cfg.Location
	units := fixtures.NTNUUnits()
	unitsPath := filepath.Join(dir, "enheter.csv")
	if err := writeFile(unitsPath, func(w io.Writer) error { return fixtures.WriteUnitsCSV(w, units) }); err != nil {
		return nil, err
	}
	casesPath, historyPath := filepath.Join(dir, "saker.csv"), filepath.Join(dir, "sakshistorikk.csv")
	opt := fixtures.CaseOptions{From: demoFirst.Start(loc), To: demoLast.End(loc).AddDate(0, 0, -1), Loc: loc,
		Open: a.cal.IsWorkingDay, Seed: demoSeed, Units: units}
	if err := writeFile(casesPath, func(cases io.Writer) error {
		return writeFile(historyPath, func(history io.Writer) error {
			_, err := fixtures.WriteCases(cases, history, opt)
			return err
		})
	}); err != nil {
		return nil, err
	}
	return []formatGroup{
		{ingest.Units, []string{unitsPath}},
		{ingest.CasesCSV, []string{casesPath}},
		{ingest.CaseHistoryCSV, []string{historyPath}},
	}, nil
}

// writeFile creates path and fills it with fill.
func writeFile(path string, fill func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
