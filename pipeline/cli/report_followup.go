package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"slakpi"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

func (a *app) reportFollowup(ctx context.Context, args []string) error {
	fs := a.flags("report followup")
	out := fs.String("out", "", "folder to write the workbook into")
	asOf := fs.String("as-of", "", "the date the lists are taken as of, YYYY-MM-DD (default today)")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: report followup: --out DIR is required", errUsage)
	}
	if err := a.setup(); err != nil {
		return err
	}
	day, err := a.asOfDate(*asOf)
	if err != nil {
		return err
	}
	return a.computed(ctx, false, func(_ *store.Store, eng *kpi.Engine) error {
		path, err := a.writeFollowup(ctx, eng, day, *out)
		if err == nil {
			fmt.Fprintln(a.stdout, path)
		}
		return err
	})
}

// asOfDate reads --as-of, today (Europe/Oslo) when empty.
func (a *app) asOfDate(s string) (time.Time, error) {
	if s == "" {
		n := time.Now().In(a.cfg.Location)
		return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, a.cfg.Location), nil
	}
	d, err := time.ParseInLocation(time.DateOnly, s, a.cfg.Location)
	if err != nil {
		return d, fmt.Errorf("%w: --as-of %q: want YYYY-MM-DD", errUsage, s)
	}
	return d, nil
}

// writeFollowup writes the centre's follow-up workbook as of day into dir.
// The engine must be rebuilt.
func (a *app) writeFollowup(ctx context.Context, eng *kpi.Engine, day time.Time, dir string) (string, error) {
	rows, totals, err := eng.Followup(ctx, day, "")
	if err != nil {
		return "", err
	}
	units, err := eng.FollowupByUnit(ctx, day)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, reports.FollowupFileName(day))
	f := &reports.Followup{AsOf: day, Lang: a.g.lang, Rows: rows, Totals: totals, UnitTotals: units,
		Version: slakpi.Version, GeneratedAt: time.Now()}
	if err := reports.WriteFollowup(path, f); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}

// unitFollowup is a unit's lists as of quarter q's last day.
func (a *app) unitFollowup(ctx context.Context, eng *kpi.Engine, q kpi.Quarter, u reports.Unit) (*reports.Followup, error) {
	day := q.End(a.cfg.Location).AddDate(0, 0, -1)
	rows, totals, err := eng.Followup(ctx, day, u.Code)
	if err != nil {
		return nil, err
	}
	return &reports.Followup{AsOf: day, Lang: a.g.lang, Unit: &u, Rows: rows, Totals: totals,
		Version: slakpi.Version, GeneratedAt: time.Now()}, nil
}
