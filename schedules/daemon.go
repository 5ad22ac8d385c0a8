package schedules

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"time"

	"slakpi/pipeline/store"
)

// JobFunc does one job's work for run with the database open. It should
// return when ctx is done, which happens only when a shutdown's grace has
// run out.
type JobFunc func(ctx context.Context, db *store.Store, run Run) error

// Opener opens the database for one job. It holds DuckDB's file lock, the
// same one the CLI takes, so jobs and commands never run together.
type Opener func(ctx context.Context) (*store.Store, error)

// OpenStore opens the database at path with the migrations of sqlFS
// (slakpi.SQL), waiting up to wait while another process holds it.
func OpenStore(path string, sqlFS fs.FS, wait time.Duration) Opener {
	return func(ctx context.Context) (*store.Store, error) {
		return store.Open(ctx, path, sqlFS, store.Options{Wait: wait})
	}
}

// DefaultGrace is how long a shutdown waits for the job in flight.
const DefaultGrace = 10 * time.Minute

// Daemon runs the jobs of a schedule, one at a time, each with the
// database opened for it alone: between jobs the CLI can use it.
type Daemon struct {
	Schedule *Schedule
	Jobs     map[string]JobFunc // one per enabled job
	Open     Opener
	Logger   *slog.Logger  // nil: discard
	Clock    Clock         // nil: SystemClock
	Grace    time.Duration // 0: DefaultGrace
}

// pending is a job's next run and what brought it on.
type pending struct {
	run     Run
	trigger string
}

// Run runs the daemon until ctx is done (SIGTERM). At start it runs once
// each job whose time passed since its last logged run; then each job at
// its time, one after the other; a job whose time comes while another runs
// starts when that one ends. Failed jobs are logged and do not stop the
// daemon. When ctx ends, no job starts; the one in flight has Grace to
// finish, and Run returns nil, or an error wrapping ErrCutShort when the
// job had to be cancelled.
func (d *Daemon) Run(ctx context.Context) error {
	if err := d.check(""); err != nil {
		return err
	}
	log := d.logger()
	due, err := d.startup(ctx)
	if ctx.Err() != nil {
		log.Info("schedule stopped")
		return nil
	}
	if err != nil {
		return err
	}
	log.Info("schedule started", "jobs", strings.Join(d.Schedule.Jobs(), ","), "location", d.Schedule.Location().String())
	for {
		p := d.earliest(due)
		log.Info("next run", "job", p.run.Job, "at", p.run.At, "trigger", p.trigger)
		if !d.clock().SleepUntil(ctx, p.run.At) {
			log.Info("schedule stopped")
			return nil
		}
		err := d.execute(ctx, p.run, p.trigger)
		if errors.Is(err, ErrCutShort) {
			return err
		}
		if ctx.Err() != nil {
			log.Info("schedule stopped")
			return nil
		}
		// A job that overran its own next slots skips them.
		after := p.run.At
		if now := d.clock().Now(); now.After(after) {
			after = now
		}
		due[p.run.Job] = pending{d.Schedule.Next(p.run.Job, after), TriggerSchedule}
	}
}

// RunOnce runs job now (`schedule --once JOB`), under the lock and logged
// like a scheduled run, and returns its error.
func (d *Daemon) RunOnce(ctx context.Context, job string) error {
	if err := d.check(job); err != nil {
		return err
	}
	return d.execute(ctx, d.Schedule.Current(job, d.clock().Now()), TriggerOnce)
}

// DueToday is job's scheduled run on now's local date, if it has one: what
// system cron calling `schedule --once JOB --if-due` every day should run.
func (d *Daemon) DueToday(job string, now time.Time) (Run, bool) {
	loc := d.Schedule.Location()
	n := now.In(loc)
	midnight := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	r := d.Schedule.Next(job, midnight.Add(-time.Nanosecond))
	if r.At.IsZero() || !r.At.Before(midnight.AddDate(0, 0, 1)) {
		return r, false
	}
	return r, true
}

// RunScheduled runs one scheduled run now, under the lock and logged.
func (d *Daemon) RunScheduled(ctx context.Context, run Run) error {
	if err := d.check(run.Job); err != nil {
		return err
	}
	return d.execute(ctx, run, TriggerOnce)
}

// check tells whether the daemon can run job, or every job when job is "".
func (d *Daemon) check(job string) error {
	if d.Schedule == nil || d.Open == nil {
		return errors.New("schedule: a daemon needs a schedule and a way to open the database")
	}
	jobs := d.Schedule.Jobs()
	if job != "" {
		if !d.Schedule.Has(job) {
			return fmt.Errorf("schedule: unknown or disabled job %q: want one of %s", job, strings.Join(jobs, ", "))
		}
		jobs = []string{job}
	}
	for _, j := range jobs {
		if d.Jobs[j] == nil {
			return fmt.Errorf("schedule: job %s has no function to run", j)
		}
	}
	return nil
}

// startup reads the run log and gives each job its first run: the latest
// slot missed since its last logged run, or its next one.
func (d *Daemon) startup(ctx context.Context) (map[string]pending, error) {
	db, err := d.Open(ctx)
	if err != nil {
		return nil, fmt.Errorf("schedule: read the run log: %w", err)
	}
	due, err := d.firstRuns(ctx, db.DB, d.clock().Now())
	if err := errors.Join(err, db.Close()); err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	return due, nil
}

func (d *Daemon) firstRuns(ctx context.Context, db *sql.DB, now time.Time) (map[string]pending, error) {
	last, err := lastRuns(ctx, db)
	if err != nil {
		return nil, err
	}
	due := map[string]pending{}
	for _, job := range d.Schedule.Jobs() {
		due[job] = pending{d.Schedule.Next(job, now), TriggerSchedule}
		since, logged := last[job]
		if !logged {
			if err := recordBaseline(ctx, db, job, now); err != nil {
				return nil, err
			}
			continue
		}
		if missed, ok := d.missed(job, since, now); ok {
			d.logger().Info("catching up", "job", job, "missed", missed.At, "last_run", since.In(d.Schedule.Location()))
			due[job] = pending{missed, TriggerCatchUp}
		}
	}
	return due, nil
}

// missed is job's latest slot after since and not after now, if any.
func (d *Daemon) missed(job string, since, now time.Time) (Run, bool) {
	var last Run
	for r := d.Schedule.Next(job, since); !r.At.IsZero() && !r.At.After(now); r = d.Schedule.Next(job, r.At) {
		last = r
	}
	return last, !last.At.IsZero()
}

// earliest is the first pending run, by time and then table order.
func (d *Daemon) earliest(due map[string]pending) pending {
	var first pending
	for _, job := range d.Schedule.Jobs() {
		if p := due[job]; first.run.Job == "" || p.run.At.Before(first.run.At) {
			first = p
		}
	}
	return first
}

func (d *Daemon) logger() *slog.Logger {
	if d.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Logger
}

func (d *Daemon) clock() Clock {
	if d.Clock == nil {
		return SystemClock()
	}
	return d.Clock
}

func (d *Daemon) grace() time.Duration {
	if d.Grace <= 0 {
		return DefaultGrace
	}
	return d.Grace
}
