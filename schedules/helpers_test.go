package schedules

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/pipeline/store"
)

// holdEnv names the database a re-executed test binary holds open: DuckDB's
// lock is per process, so only another process can meet it.
const holdEnv = "SLAKPI_SCHEDULES_TEST_HOLD"

func TestMain(m *testing.M) {
	if p := os.Getenv(holdEnv); p != "" {
		os.Exit(hold(p))
	}
	os.Exit(m.Run())
}

func hold(path string) int {
	s, err := store.Open(context.Background(), path, slakpi.SQL, store.Options{})
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

// holdDB starts another process holding the database at path until the
// test ends.
func holdDB(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("holder: %v", err)
		}
	})
	if line, err := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		t.Fatalf("holder said %q (%v), want ready", line, err)
	}
}

var oslo = mustLoc("Europe/Oslo")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// osloTime reads "2006-01-02 15:04" in Oslo.
func osloTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, oslo)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// testCalendars are the calendars of the default configuration with
// configYAML laid over it.
func testCalendars(t *testing.T, configYAML string) (*calendar.Calendar, *calendar.PayCalendar) {
	t.Helper()
	path := ""
	if configYAML != "" {
		path = filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(configYAML), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pay, err := calendar.NewPayCalendar(cal, cfg.Payroll)
	if err != nil {
		t.Fatal(err)
	}
	return cal, pay
}

// testSchedule is the default job table on the calendars of configYAML.
func testSchedule(t *testing.T, configYAML string) *Schedule {
	t.Helper()
	tab, err := LoadTable(slakpi.Schedules, nil)
	if err != nil {
		t.Fatal(err)
	}
	cal, pay := testCalendars(t, configYAML)
	s, err := New(tab, cal, pay)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fakeClock jumps to whatever time the daemon waits for.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) SleepUntil(ctx context.Context, t time.Time) bool {
	if ctx.Err() != nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.now) {
		c.now = t
	}
	return true
}

// testDB is a new database file and the Opener of it.
func testDB(t *testing.T) (string, Opener) {
	path := filepath.Join(t.TempDir(), "t.duckdb")
	return path, OpenStore(path, slakpi.SQL, 0)
}

// logRows reads schedule_runs as "job trigger scheduled_at status" lines, in
// the order written.
func logRows(t *testing.T, open Opener) []string {
	t.Helper()
	s, err := open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.DB.Query(`SELECT job, triggered_by, scheduled_at, status FROM schedule_runs ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var job, trigger, status string
		var at time.Time
		if err := rows.Scan(&job, &trigger, &at, &status); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", job, trigger, at.In(oslo).Format("2006-01-02 15:04"), status))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// diff says how got differs from want, in (-want +got) form; "" when equal.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return fmt.Sprintf("(-want +got):\n-%#v\n+%#v", want, got)
}
