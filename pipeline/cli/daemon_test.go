package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"slakpi"
	"slakpi/schedules"
)

// stopClock jumps to whatever time the daemon waits for, and ends the
// daemon (cancels its context) instead of jumping past stop.
type stopClock struct {
	mu     sync.Mutex
	now    time.Time
	stop   time.Time
	cancel context.CancelFunc
}

func (c *stopClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *stopClock) SleepUntil(ctx context.Context, t time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ctx.Err() != nil || t.After(c.stop) {
		c.cancel()
		return false
	}
	if t.After(c.now) {
		c.now = t
	}
	return true
}

// daemonApp is an app over a temporary drift folder and database.
func daemonApp(t *testing.T, dir string) *app {
	t.Helper()
	a := &app{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, g: globals{lang: "nb", db: filepath.Join(dir, "d.duckdb")}}
	if err := a.setup(); err != nil {
		t.Fatal(err)
	}
	a.cfg.Schedule.Root = filepath.Join(dir, "drift")
	return a
}

// runDaemon runs the daemon from start until it would wait past stop.
func runDaemon(t *testing.T, a *app, start, stop time.Time) string {
	t.Helper()
	sched, err := a.loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	logger, _ := schedules.NewLogger(&log, "text")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d, err := a.daemon(ctx, sched, logger)
	if err != nil {
		t.Fatal(err)
	}
	d.Clock = &stopClock{now: start, stop: stop, cancel: cancel}
	if err := d.Run(ctx); err != nil {
		t.Fatalf("daemon: %v\n%s", err, log.String())
	}
	return log.String()
}

// drop puts a complete file (with its .done marker) in a source's inbox.
func drop(t *testing.T, a *app, source, name string, lines ...string) {
	t.Helper()
	dir := filepath.Join(a.cfg.Schedule.Root, "inbox", source)
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p+".done", nil, 0o644)
}

func count(t *testing.T, a *app, query string) int {
	t.Helper()
	s, err := a.open(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var osloLoc, _ = time.LoadLocation("Europe/Oslo")

func epoch(local string) string {
	t, _ := time.ParseInLocation("2006-01-02 15:04:05", local, osloLoc)
	return strconv.FormatInt(t.Unix(), 10)
}

// The daemon, from Sunday evening 3 January 2027 until Monday 07:00: the
// night's ingest loads a queue_log, a case export and a run's pay lines
// and archives them, refuses a garbage file with its reason, and on the
// first working day after the quarter the reports land in the outbox.
func TestDaemonInboxToOutbox(t *testing.T) {
	dir := t.TempDir()
	a := daemonApp(t, dir)
	start := time.Date(2027, 1, 3, 20, 0, 0, 0, osloLoc)
	// A first start records where each job stands, so nothing fires at once.
	runDaemon(t, a, start.Add(-time.Hour), start.Add(-time.Hour))
	drop(t, a, "phone", "queue_log-2026-12",
		epoch("2026-12-02 10:05:00")+"|c.1|lonn|NONE|ENTERQUEUE||+4773000001|1",
		epoch("2026-12-02 10:05:40")+"|c.1|lonn|PJSIP/a|CONNECT|40|x|1")
	drop(t, a, "phone", "garbage.log", "this is not a queue_log", "nor is this")
	drop(t, a, "cases", "saker.csv", "number,call_date,caller_unit,status,category",
		"S-1,2026-12-01 09:00,IE,I arbeid,Lønn")
	drop(t, a, "payroll", "lonnslinjer.csv",
		"run_id,run_type,pay_date,period,employee_id,employment_id,unit,cost_centre,wage_type,amelding_code,amount,hours,rate",
		"2026-12-H,main,2026-12-11,2026-12,E1,E1-1,IE,KS-1,1000 Fastlønn,fastloenn,50000.00,,")
	log := runDaemon(t, a, start, time.Date(2027, 1, 4, 7, 0, 0, 0, osloLoc))

	if n := count(t, a, "SELECT count(*) FROM raw_queue_log"); n != 2 {
		t.Errorf("%d queue_log rows, want 2\n%s", n, log)
	}
	if count(t, a, "SELECT count(*) FROM raw_cases") != 1 || count(t, a, "SELECT count(*) FROM raw_pay_lines") != 1 {
		t.Errorf("the case export or the pay lines were not loaded\n%s", log)
	}
	root := a.cfg.Schedule.Root
	archived, _ := filepath.Glob(filepath.Join(root, "archive", "*", "*", "*"))
	if len(archived) != 3 {
		t.Errorf("archived %v, want the three good files", archived)
	}
	why, err := os.ReadFile(filepath.Join(root, "rejected", "phone", "garbage.log.why.txt"))
	if err != nil || !strings.Contains(string(why), "refused") {
		t.Errorf("garbage.log's reason: %q, %v; want the refusal", why, err)
	}
	for _, want := range []string{
		filepath.Join("senteret", "kvartalsrapport-2026Q4.xlsx"),
		filepath.Join("senteret", "oppfolging-2027-01-04.xlsx"),
		filepath.Join("senteret", "manifest.json"),
		filepath.Join("IE", "statusmote-IE-2026Q4.xlsx"),
		filepath.Join("IE", "manifest.json"),
	} {
		if _, err := os.Stat(filepath.Join(root, "outbox", want)); err != nil {
			t.Errorf("outbox lacks %s\n%s", want, log)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "inbox", "phone")); len(entries) != 0 {
		t.Errorf("the phone inbox still holds %d entries", len(entries))
	}
}

// Stopped over two nights and started again, the daemon runs the missed
// ingest once; a file dropped again under another name adds nothing.
func TestDaemonCatchUp(t *testing.T) {
	dir := t.TempDir()
	a := daemonApp(t, dir)
	monday := time.Date(2027, 3, 1, 12, 0, 0, 0, osloLoc)
	line := epoch("2027-02-24 10:05:00") + "|d.1|lonn|NONE|ENTERQUEUE||+4773000001|1"
	drop(t, a, "phone", "queue_log.1", line)
	// Runs Monday noon to just before Tuesday's 02:00 ingest: nothing due.
	runDaemon(t, a, monday, monday.Add(13*time.Hour))
	if n := count(t, a, "SELECT count(*) FROM schedule_runs WHERE job = 'ingest' AND status = 'ok'"); n != 0 {
		t.Fatalf("ingest ran %d times before it was due", n)
	}
	drop(t, a, "phone", "queue_log.copy", line)
	// Down Tuesday and Wednesday nights; started Thursday 09:00 and run
	// until just before Friday 02:00: one catch-up ingest, no more.
	thursday := time.Date(2027, 3, 4, 9, 0, 0, 0, osloLoc)
	log := runDaemon(t, a, thursday, thursday.Add(16*time.Hour))
	if n := count(t, a, "SELECT count(*) FROM schedule_runs WHERE job = 'ingest' AND status = 'ok'"); n != 1 {
		t.Errorf("ingest ran %d times after the restart, want once\n%s", n, log)
	}
	if n := count(t, a, "SELECT count(*) FROM raw_queue_log"); n != 1 {
		t.Errorf("%d queue_log rows, want 1: the copy adds nothing", n)
	}
	_ = slakpi.Version
}

// --if-due runs a calendar job only on its own day: the payroll check of
// the pay date Friday 11 December 2026 is due Wednesday 9 December.
func TestDueToday(t *testing.T) {
	a := daemonApp(t, t.TempDir())
	sched, err := a.loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.daemon(context.Background(), sched, nil)
	if err != nil {
		t.Fatal(err)
	}
	for day, want := range map[string]bool{"2026-12-08": false, "2026-12-09": true, "2026-12-10": false} {
		now, _ := time.ParseInLocation("2006-01-02 15:04", day+" 05:00", osloLoc)
		run, due := d.DueToday("payroll-check", now)
		if due != want {
			t.Errorf("%s: due %v, want %v", day, due, want)
		}
		if due && run.For.Format(time.DateOnly) != "2026-12-11" {
			t.Errorf("%s: the check serves %s, want the pay date 2026-12-11", day, run.For.Format(time.DateOnly))
		}
	}
}
