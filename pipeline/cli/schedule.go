package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/goccy/go-yaml"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/schedules"
)

func (a *app) schedule(ctx context.Context, args []string) error {
	fs := a.flags("schedule")
	once := fs.String("once", "", "run this job now, then exit")
	ifDue := fs.Bool("if-due", false, "with --once: only if the job is scheduled today (for system cron)")
	list := fs.Bool("list", false, "print the next runs of every job")
	from := fs.String("from", "", "with --list: from this date, YYYY-MM-DD (default now)")
	count := fs.Int("count", 10, "with --list: how many runs of each job")
	asJSON := fs.Bool("json", false, "with --list: print JSON")
	logFormat := fs.String("log-format", "text", "text or json")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	if err := a.setup(); err != nil {
		return err
	}
	sched, err := a.loadSchedule()
	if err != nil {
		return err
	}
	if *list {
		return a.scheduleList(sched, *from, *count, *asJSON)
	}
	logger, err := schedules.NewLogger(a.stderr, *logFormat)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	d, err := a.daemon(ctx, sched, logger)
	if err != nil {
		return err
	}
	if *once != "" && *ifDue {
		run, due := d.DueToday(*once, time.Now())
		if !due {
			logger.Info("not due today", "job", *once, "next", run.At)
			return nil
		}
		return d.RunScheduled(ctx, run)
	}
	if *once != "" {
		return d.RunOnce(ctx, *once)
	}
	return d.Run(ctx)
}

// loadSchedule reads the job table, the configuration's entries over the
// embedded default, onto the calendars.
func (a *app) loadSchedule() (*schedules.Schedule, error) {
	var override []byte
	if len(a.cfg.Schedule.Jobs) > 0 {
		b, err := yaml.Marshal(a.cfg.Schedule.Jobs)
		if err != nil {
			return nil, err
		}
		override = b
	}
	tab, err := schedules.LoadTable(slakpi.Schedules, override)
	if err != nil {
		return nil, err
	}
	pay, err := calendar.NewPayCalendar(a.cal, a.cfg.Payroll)
	if err != nil {
		return nil, err
	}
	return schedules.New(tab, a.cal, pay)
}

func (a *app) scheduleList(sched *schedules.Schedule, from string, count int, asJSON bool) error {
	start := time.Now()
	if from != "" {
		d, err := time.ParseInLocation(time.DateOnly, from, a.cfg.Location)
		if err != nil {
			return fmt.Errorf("%w: schedule --from %q: want YYYY-MM-DD", errUsage, from)
		}
		start = d
	}
	if count < 1 {
		return fmt.Errorf("%w: schedule --count %d: want 1 or more", errUsage, count)
	}
	return schedules.WriteRuns(a.stdout, sched.Upcoming(start, count), asJSON)
}

// daemon sets up the job runner over the configured folders and database.
func (a *app) daemon(ctx context.Context, sched *schedules.Schedule, logger *slog.Logger) (*schedules.Daemon, error) {
	folders := schedules.Folders{Root: a.cfg.Schedule.Root, Settle: a.cfg.Schedule.Settle}
	if err := folders.Prepare(ctx, sourceNames()...); err != nil {
		return nil, err
	}
	return &schedules.Daemon{
		Schedule: sched,
		Jobs:     a.scheduledJobs(folders, logger),
		Open:     schedules.OpenStore(a.dbPath(), slakpi.SQL, a.cfg.Schedule.BusyWait),
		Logger:   logger,
		Grace:    a.cfg.Schedule.Grace,
	}, nil
}

// errNoRun says a payroll check found no run paid on the date it is for.
var errNoRun = errors.New("no payroll run")
