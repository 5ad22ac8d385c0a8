package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"slakpi/fixtures"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
)

// The demo year: four whole quarters ending with the one most reports show.
var (
	demoFirst = kpi.Quarter{Year: 2025, Q: 4}
	demoLast  = kpi.Quarter{Year: 2026, Q: 3}
	demoSeed  = int64(2026)
)

// demo generates a year of the centre's phone traffic as monthly rotated
// queue_log files under DIR/data, ingests them into the database, and
// writes the quarterly workbook of every demo quarter into DIR.
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
	files, err := a.demoPhoneFiles(filepath.Join(*out, "data", "phone"))
	if err != nil {
		return err
	}
	l := &ingest.Loader{Store: s, Config: a.cfg, Stderr: a.stderr, Terminal: a.stderrIsTerminal()}
	if _, err := l.Load(ctx, ingest.QueueLog, files); err != nil {
		return err
	}
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "database: %s\n", s.Path)
	for q := demoFirst; q != demoLast.Add(1); q = q.Add(1) {
		path, err := a.writeQuarterly(ctx, s, eng, q, *out)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, path)
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
		if err := writeMonth(p, fixtures.PhoneOptions{
			From: m, To: m.AddDate(0, 1, -1), Loc: loc, Open: a.cal.IsWorkingDay,
			Seed: demoSeed*100 + int64(m.Month()),
		}); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

func writeMonth(path string, opt fixtures.PhoneOptions) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := fixtures.WriteQueueLog(f, opt); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
