package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"time"

	"slakpi"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
	"slakpi/schedules"
)

// centreOutbox is the outbox folder of the centre's own workbooks.
const centreOutbox = "senteret"

// sourceNames are the inbox folders: one per `ingest` source.
func sourceNames() []string {
	var names []string
	for n := range sources {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// scheduledJobs are the daemon's four jobs (SPEC §8) over the pipeline.
func (a *app) scheduledJobs(f schedules.Folders, log *slog.Logger) map[string]schedules.JobFunc {
	return map[string]schedules.JobFunc{
		"ingest": func(ctx context.Context, s *store.Store, run schedules.Run) error {
			return a.jobIngest(ctx, s, f, run, log)
		},
		"payroll-check": func(ctx context.Context, s *store.Store, run schedules.Run) error {
			return a.jobPayrollCheck(ctx, s, f, run, log)
		},
		"quarterly-report": func(ctx context.Context, s *store.Store, run schedules.Run) error {
			return a.jobQuarterly(ctx, s, f, run)
		},
		"followup-report": func(ctx context.Context, s *store.Store, run schedules.Run) error {
			return a.jobFollowup(ctx, s, f, run)
		},
	}
}

// jobIngest loads every complete file of every inbox, each as its name
// says, archiving what loaded (or was loaded before) and moving what was
// refused to rejected/ with the reason beside it.
func (a *app) jobIngest(ctx context.Context, s *store.Store, f schedules.Folders, run schedules.Run, log *slog.Logger) error {
	l := &ingest.Loader{Store: s, Config: a.cfg, Stderr: io.Discard}
	rejected := 0
	for _, src := range sourceNames() {
		files, err := f.Ready(ctx, src, time.Now())
		if err != nil {
			return err
		}
		for _, path := range files {
			format := sources[src].guess(path)
			var res []*ingest.Result
			err := fmt.Errorf("cannot tell what %s holds from its name (want one of %v)", filepath.Base(path), sources[src].formats)
			if format != "" {
				res, err = l.Load(ctx, format, []string{path})
			}
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err() // shutting down: leave the file for next time
				}
				rejected++
				log.Warn("file rejected", "source", src, "file", filepath.Base(path), "why", err.Error())
				if _, err := f.Reject(ctx, src, path, err.Error()); err != nil {
					return err
				}
				continue
			}
			r := res[0]
			log.Info("file ingested", "source", src, "file", filepath.Base(path), "format", format,
				"rows", r.Rows, "rejected_rows", len(r.Rejects), "already_loaded", r.Duplicate != nil)
			if _, err := f.Archive(ctx, src, path, run.At); err != nil {
				return err
			}
		}
	}
	if rejected > 0 {
		return fmt.Errorf("ingest: %d files rejected (see rejected/ and their .why.txt)", rejected)
	}
	return nil
}

// jobPayrollCheck checks the main run paid on the date the run is for and
// puts its workbook in the centre's outbox.
func (a *app) jobPayrollCheck(ctx context.Context, s *store.Store, f schedules.Folders, run schedules.Run, log *slog.Logger) error {
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	var runID string
	err = s.DB.QueryRowContext(ctx, `SELECT run_id FROM stg_pay_runs WHERE run_type = 'main' AND pay_date = CAST(? AS DATE)
		ORDER BY run_id LIMIT 1`, run.For.Format(time.DateOnly)).Scan(&runID)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("payroll-check: %w paid on %s in the database yet", errNoRun, run.For.Format(time.DateOnly))
	}
	if err != nil {
		return err
	}
	dir, err := f.Outbox(ctx, centreOutbox)
	if err != nil {
		return err
	}
	res, path, err := a.checkRun(ctx, s.DB, runID, dir)
	if err != nil {
		return err
	}
	if err := checkVerdict(res); err != nil {
		log.Warn("payroll run needs attention", "run", runID, "problem", err.Error(), "workbook", path)
	}
	return a.manifest(ctx, dir, "", run, path)
}

// jobQuarterly writes the quarter's management workbook into the centre's
// outbox and each unit's workbook into the unit's own.
func (a *app) jobQuarterly(ctx context.Context, s *store.Store, f schedules.Folders, run schedules.Run) error {
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	if err := a.refresh(ctx, s, eng); err != nil {
		return err
	}
	q := kpi.QuarterOf(run.For, a.cfg.Location)
	dir, err := f.Outbox(ctx, centreOutbox)
	if err != nil {
		return err
	}
	path, err := a.writeQuarterly(ctx, s, eng, q, dir)
	if err != nil {
		return err
	}
	if err := a.manifest(ctx, dir, "", run, path); err != nil {
		return err
	}
	paths, err := a.writeUnitsInto(ctx, eng, q, "", func(code string) (string, error) { return f.Outbox(ctx, code) })
	if err != nil {
		return err
	}
	for _, path := range paths {
		dir := filepath.Dir(path)
		if err := a.manifest(ctx, dir, filepath.Base(dir), run, path); err != nil {
			return err
		}
	}
	return nil
}

// jobFollowup writes the follow-up workbook as of the run's date into the
// centre's outbox, and each unit's own lists into its outbox.
func (a *app) jobFollowup(ctx context.Context, s *store.Store, f schedules.Folders, run schedules.Run) error {
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	at := run.At.In(a.cfg.Location)
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, a.cfg.Location)
	dir, err := f.Outbox(ctx, centreOutbox)
	if err != nil {
		return err
	}
	path, err := a.writeFollowup(ctx, eng, day, dir)
	if err != nil {
		return err
	}
	if err := a.manifest(ctx, dir, "", run, path); err != nil {
		return err
	}
	units, err := eng.Units(ctx)
	if err != nil {
		return err
	}
	for _, u := range units {
		rows, totals, err := eng.Followup(ctx, day, u.Code)
		if err != nil {
			return err
		}
		dir, err := f.Outbox(ctx, u.Code)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, reports.FollowupFileName(day))
		fu := &reports.Followup{AsOf: day, Lang: a.g.lang, Unit: &u, Rows: rows, Totals: totals,
			Version: slakpi.Version, GeneratedAt: time.Now()}
		if err := reports.WriteFollowup(path, fu); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := a.manifest(ctx, dir, u.Code, run, path); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) manifest(ctx context.Context, dir, unit string, run schedules.Run, files ...string) error {
	period := ""
	if !run.For.IsZero() {
		period = run.For.Format(time.DateOnly)
	}
	_, err := schedules.WriteManifest(ctx, dir, schedules.Manifest{Unit: unit, Job: run.Job, Period: period,
		GeneratedAt: time.Now(), Version: slakpi.Version}, files...)
	return err
}
