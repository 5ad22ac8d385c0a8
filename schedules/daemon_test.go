package schedules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"slakpi"
	"slakpi/pipeline/store"
)

// recorder is a set of fake jobs that note each run, as "job at for".
type recorder struct {
	mu   sync.Mutex
	runs []string
	// each is called in every job after it is noted.
	each func(ctx context.Context, run Run) error
}

func (r *recorder) jobs() map[string]JobFunc {
	m := map[string]JobFunc{}
	for _, name := range jobNames {
		m[name] = func(ctx context.Context, db *store.Store, run Run) error {
			if db == nil || db.DB.PingContext(ctx) != nil {
				return errors.New("no database")
			}
			r.mu.Lock()
			r.runs = append(r.runs, fmt.Sprintf("%s %s %s", run.Job, run.At.Format("2006-01-02 15:04"), run.For.Format(time.DateOnly)))
			r.mu.Unlock()
			if r.each != nil {
				return r.each(ctx, run)
			}
			return nil
		}
	}
	return m
}

func (r *recorder) noted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.runs...)
}

func TestDaemonRunsEachJobAtItsTime(t *testing.T) {
	s := testSchedule(t, "")
	_, open := testDB(t)
	start := osloTime(t, "2026-12-08 12:00")
	stop := osloTime(t, "2027-01-04 06:30")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &recorder{each: func(_ context.Context, run Run) error {
		if !run.At.Before(stop) {
			cancel() // SIGTERM during the last job: it finishes
		}
		return nil
	}}
	d := &Daemon{Schedule: s, Jobs: rec.jobs(), Open: open, Clock: &fakeClock{now: start}}
	if err := d.Run(ctx); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	var want []string
	for _, r := range s.Upcoming(start, 40) {
		if !r.At.After(stop) {
			want = append(want, fmt.Sprintf("%s %s %s", r.Job, r.At.Format("2006-01-02 15:04"), r.For.Format(time.DateOnly)))
		}
	}
	if d := diff(want, rec.noted()); d != "" {
		t.Error(d)
	}
	for _, s := range []string{
		"payroll-check 2026-12-09 07:00",
		"quarterly-report 2027-01-04 06:00",
		"followup-report 2027-01-04 06:30",
	} {
		if !strings.Contains(strings.Join(rec.noted(), "\n"), s) {
			t.Errorf("no run %s", s)
		}
	}
	rows := logRows(t, open)
	if got, want := len(rows), 4+len(want); got != want {
		t.Errorf("run log has %d rows, want %d (4 baselines and the runs)", got, want)
	}
	if want := "payroll-check start 2026-12-08 12:00 baseline"; rows[1] != want {
		t.Errorf("run log row 2 = %q, want %q", rows[1], want)
	}
}

func TestDaemonCatchesUpOnce(t *testing.T) {
	s := testSchedule(t, "")
	_, open := testDB(t)
	db, err := open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The daemon last ran the jobs on 1 December or before; the ingest cut
	// short by a shutdown at 02:00 on 10 December does not count.
	for _, e := range []logEntry{
		{run: Run{Job: JobIngest, At: osloTime(t, "2026-12-01 02:00")}, status: statusOK},
		{run: Run{Job: JobIngest, At: osloTime(t, "2026-12-10 02:00")}, status: statusInterrupted},
		{run: Run{Job: JobPayrollCheck, At: osloTime(t, "2026-11-10 07:00")}, status: statusFailed},
		{run: Run{Job: JobQuarterlyReport, At: osloTime(t, "2026-10-01 06:00")}, status: statusOK},
		{run: Run{Job: JobFollowupReport, At: osloTime(t, "2026-12-01 06:30")}, status: statusOK},
	} {
		e.trigger, e.started = TriggerSchedule, e.run.At
		if err := recordRun(context.Background(), db.DB, e); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &recorder{}
	rec.each = func(context.Context, Run) error {
		if len(rec.noted()) == 2 {
			cancel()
		}
		return nil
	}
	d := &Daemon{Schedule: s, Jobs: rec.jobs(), Open: open, Clock: &fakeClock{now: osloTime(t, "2026-12-10 12:00")}}
	if err := d.Run(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"payroll-check 2026-12-09 07:00 2026-12-11", // the latest missed slot of each, once
		"ingest 2026-12-10 02:00 0001-01-01",
	}
	if d := diff(want, rec.noted()); d != "" {
		t.Error(d)
	}
	rows := logRows(t, open)
	wantRows := []string{
		"payroll-check catch-up 2026-12-09 07:00 ok",
		"ingest catch-up 2026-12-10 02:00 ok",
	}
	if d := diff(wantRows, rows[5:]); d != "" {
		t.Error(d)
	}

	// Started again the same day, nothing is due but the next runs.
	db, err = open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	due, err := d.firstRuns(context.Background(), db.DB, osloTime(t, "2026-12-10 13:00"))
	if err != nil {
		t.Fatal(err)
	}
	for job, p := range due {
		if p.trigger != TriggerSchedule {
			t.Errorf("%s: %s at %v, want no catching up", job, p.trigger, p.run.At)
		}
	}
}

func TestDaemonJobFailureIsLoggedAndRunGoesOn(t *testing.T) {
	s := testSchedule(t, "")
	_, open := testDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &recorder{}
	rec.each = func(_ context.Context, run Run) error {
		switch len(rec.noted()) {
		case 1:
			return errors.New("inbox unreadable")
		case 2:
			panic("bad row")
		}
		cancel()
		return nil
	}
	var logs bytes.Buffer
	logger, err := NewLogger(&logs, "json")
	if err != nil {
		t.Fatal(err)
	}
	d := &Daemon{Schedule: s, Jobs: rec.jobs(), Open: open, Logger: logger, Clock: &fakeClock{now: osloTime(t, "2026-12-12 12:00")}}
	if err := d.Run(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"ingest start 2026-12-12 12:00 baseline",
		"payroll-check start 2026-12-12 12:00 baseline",
		"quarterly-report start 2026-12-12 12:00 baseline",
		"followup-report start 2026-12-12 12:00 baseline",
		"ingest schedule 2026-12-13 02:00 failed",
		"ingest schedule 2026-12-14 02:00 failed",
		"ingest schedule 2026-12-15 02:00 ok",
	}
	if d := diff(want, logRows(t, open)); d != "" {
		t.Error(d)
	}
	for _, s := range []string{`"msg":"job failed"`, `"err":"inbox unreadable"`, `"err":"ingest: panic: bad row"`, `"msg":"job done"`} {
		if !strings.Contains(logs.String(), s) {
			t.Errorf("log lacks %s:\n%s", s, logs.String())
		}
	}
}

func TestRunOnce(t *testing.T) {
	s := testSchedule(t, "")
	_, open := testDB(t)
	rec := &recorder{}
	d := &Daemon{Schedule: s, Jobs: rec.jobs(), Open: open, Clock: &fakeClock{now: osloTime(t, "2026-12-10 09:15")}}
	if err := d.RunOnce(context.Background(), JobPayrollCheck); err != nil {
		t.Fatal(err)
	}
	if d := diff([]string{"payroll-check 2026-12-10 09:15 2026-12-11"}, rec.noted()); d != "" {
		t.Error(d)
	}
	if d := diff([]string{"payroll-check once 2026-12-10 09:15 ok"}, logRows(t, open)); d != "" {
		t.Error(d)
	}
	err := d.RunOnce(context.Background(), "payroll")
	if err == nil || !strings.Contains(err.Error(), `unknown or disabled job "payroll"`) {
		t.Errorf("RunOnce(payroll) = %v, want unknown job", err)
	}
	d.Jobs = map[string]JobFunc{}
	if err := d.RunOnce(context.Background(), JobIngest); err == nil || !strings.Contains(err.Error(), "no function") {
		t.Errorf("RunOnce without a function = %v", err)
	}
}

func TestBusyDatabase(t *testing.T) {
	s := testSchedule(t, "")
	path, _ := testDB(t)
	holdDB(t, path)
	var logs bytes.Buffer
	logger, _ := NewLogger(&logs, "text")
	rec := &recorder{}
	d := &Daemon{Schedule: s, Jobs: rec.jobs(), Logger: logger,
		Open: OpenStore(path, slakpi.SQL, 300*time.Millisecond), Clock: &fakeClock{now: osloTime(t, "2026-12-10 09:15")}}
	began := time.Now()
	err := d.RunOnce(context.Background(), JobIngest)
	if !errors.Is(err, store.ErrBusy) || !strings.HasPrefix(err.Error(), "ingest: not run: ") {
		t.Errorf("RunOnce = %v, want ingest: not run: … busy", err)
	}
	if waited := time.Since(began); waited < 300*time.Millisecond {
		t.Errorf("gave up after %v, want a wait of 300ms first", waited)
	}
	if len(rec.noted()) != 0 || !strings.Contains(logs.String(), "the database stayed busy") {
		t.Errorf("ran %v; log:\n%s", rec.noted(), logs.String())
	}
}

func TestShutdown(t *testing.T) {
	tests := []struct {
		name       string
		grace      time.Duration
		release    bool // the job finishes on its own during the grace
		wantErr    error
		wantStatus string
	}{
		{name: "the job in flight finishes", grace: time.Minute, release: true, wantStatus: "ok"},
		{name: "the grace runs out", grace: 50 * time.Millisecond, wantErr: ErrCutShort, wantStatus: "interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, open := testDB(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			started, release := make(chan struct{}), make(chan struct{})
			rec := &recorder{each: func(jobCtx context.Context, _ Run) error {
				close(started)
				select {
				case <-release:
					return jobCtx.Err() // nil: SIGTERM did not reach the job
				case <-jobCtx.Done():
					return jobCtx.Err()
				}
			}}
			d := &Daemon{Schedule: testSchedule(t, ""), Jobs: rec.jobs(), Open: open, Grace: tt.grace,
				Clock: &fakeClock{now: osloTime(t, "2026-12-10 12:00")}}
			done := make(chan error)
			go func() { done <- d.Run(ctx) }()
			<-started
			cancel()
			if tt.release {
				time.Sleep(20 * time.Millisecond)
				close(release)
			}
			if err := <-done; !errors.Is(err, tt.wantErr) {
				t.Fatalf("Run = %v, want %v", err, tt.wantErr)
			}
			rows := logRows(t, open)
			if got := rows[len(rows)-1]; got != "ingest schedule 2026-12-11 02:00 "+tt.wantStatus {
				t.Errorf("last run logged as %q, want status %s", got, tt.wantStatus)
			}
		})
	}
}
