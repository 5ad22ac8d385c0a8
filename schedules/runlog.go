package schedules

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// What started a run, as logged in schedule_runs.triggered_by.
const (
	TriggerSchedule = "schedule" // its time came while the daemon ran
	TriggerCatchUp  = "catch-up" // its time passed while the daemon was down
	TriggerOnce     = "once"     // `schedule --once`
	triggerStart    = "start"    // a baseline row
)

// How a run ended, as logged in schedule_runs.status.
const (
	statusOK          = "ok"
	statusFailed      = "failed"
	statusInterrupted = "interrupted"
	statusBaseline    = "baseline"
)

// logEntry is one row of schedule_runs.
type logEntry struct {
	run            Run
	trigger        string
	started, ended time.Time
	status         string
	err            error
}

func recordRun(ctx context.Context, db *sql.DB, e logEntry) error {
	var forDate, ended, msg any
	if !e.run.For.IsZero() {
		forDate = e.run.For.Format(time.DateOnly)
	}
	if !e.ended.IsZero() {
		ended = e.ended
	}
	if e.err != nil {
		msg = e.err.Error()
	}
	_, err := db.ExecContext(ctx, `INSERT INTO schedule_runs
		(job, triggered_by, scheduled_at, for_date, started_at, ended_at, status, error)
		VALUES (?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?)`,
		e.run.Job, e.trigger, e.run.At, forDate, e.started, ended, e.status, msg)
	if err != nil {
		return fmt.Errorf("run log: record %s: %w", e.run.Job, err)
	}
	return nil
}

// lastRuns gives each logged job's latest slot that needs no catching up:
// every run but one cut short at shutdown counts, failed ones too, so a
// failing job is not retried at every start.
func lastRuns(ctx context.Context, db *sql.DB) (map[string]time.Time, error) {
	rows, err := db.QueryContext(ctx, `SELECT job, max(scheduled_at) FROM schedule_runs
		WHERE status <> ? GROUP BY job`, statusInterrupted)
	if err != nil {
		return nil, fmt.Errorf("run log: %w", err)
	}
	defer rows.Close()
	last := map[string]time.Time{}
	for rows.Next() {
		var job string
		var at time.Time
		if err := rows.Scan(&job, &at); err != nil {
			return nil, fmt.Errorf("run log: %w", err)
		}
		last[job] = at
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("run log: %w", err)
	}
	return last, nil
}

// recordBaseline marks the first start of the daemon for a job never
// logged: the slots before it were never the daemon's to run.
func recordBaseline(ctx context.Context, db *sql.DB, job string, now time.Time) error {
	return recordRun(ctx, db, logEntry{run: Run{Job: job, At: now}, trigger: triggerStart,
		started: now, ended: now, status: statusBaseline})
}
