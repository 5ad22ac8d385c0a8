package schedules

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"slakpi/pipeline/store"
)

// ErrCutShort is wrapped by the error of a job still running when a
// shutdown's grace ran out; its context was cancelled. Such a run is logged
// as interrupted and caught up at the next start.
var ErrCutShort = errors.New("job cut short at shutdown")

// errStillRunning: even cancelled, the job did not return within stopWait.
var errStillRunning = fmt.Errorf("%w: it did not stop when cancelled", ErrCutShort)

// stopWait is how long a job cancelled at the end of the grace has to
// return before the daemon gives up on it.
const stopWait = 30 * time.Second

// execute opens the database, runs run's job and logs the run under the
// same lock. A database that stays busy past the Opener's wait fails the
// run without logging it (the log is in that database), so the next start
// catches it up.
func (d *Daemon) execute(ctx context.Context, run Run, trigger string) error {
	log := d.logger().With("job", run.Job, "at", run.At, "trigger", trigger)
	if !run.For.IsZero() {
		log = log.With("for", run.For.Format(time.DateOnly))
	}
	db, err := d.Open(ctx)
	if err != nil {
		err = fmt.Errorf("%s: not run: %w", run.Job, err)
		if errors.Is(err, store.ErrBusy) {
			log.Error("job not run: the database stayed busy", "err", err)
		} else if ctx.Err() == nil {
			log.Error("job not run", "err", err)
		}
		return err
	}
	log.Info("job started")
	e := logEntry{run: run, trigger: trigger, started: d.clock().Now()}
	e.err = d.runJob(ctx, db, run, log)
	if errors.Is(e.err, errStillRunning) {
		// The job may still use the database: leave it to the process's exit.
		log.Error("job did not stop", "err", e.err)
		return e.err
	}
	e.ended = d.clock().Now()
	e.status = status(e.err)
	logErr := recordRun(context.WithoutCancel(ctx), db.DB, e)
	closeErr := db.Close()
	took := slog.Duration("took", e.ended.Sub(e.started))
	if e.err != nil {
		log.Error("job failed", took, "status", e.status, "err", e.err)
	} else {
		log.Info("job done", took)
	}
	if err := errors.Join(logErr, closeErr); err != nil {
		log.Error("run log", "err", err)
	}
	return errors.Join(e.err, logErr, closeErr)
}

func status(err error) string {
	switch {
	case err == nil:
		return statusOK
	case errors.Is(err, ErrCutShort):
		return statusInterrupted
	}
	return statusFailed
}

// runJob runs the job on its own context, which outlives ctx by the grace:
// a shutdown lets the job in flight finish, and cancels it only when the
// grace runs out. A panic is the job's error.
func (d *Daemon) runJob(ctx context.Context, db *store.Store, run Run, log *slog.Logger) error {
	jobCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("%s: panic: %v", run.Job, p)
			}
		}()
		done <- d.Jobs[run.Job](jobCtx, db, run)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping: waiting for the job in flight", "grace", d.grace())
	grace := time.NewTimer(d.grace())
	defer grace.Stop()
	select {
	case err := <-done:
		return err
	case <-grace.C:
	}
	cancel()
	stop := time.NewTimer(stopWait)
	defer stop.Stop()
	select {
	case err := <-done:
		if err == nil {
			return nil // it finished after all
		}
		return fmt.Errorf("%w after %s: %w", ErrCutShort, d.grace(), err)
	case <-stop.C:
		return errStillRunning
	}
}
