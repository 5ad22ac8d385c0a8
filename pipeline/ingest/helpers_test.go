package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"slakpi"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// env is a real database in a temporary folder with the default config.
type env struct {
	t     *testing.T
	dir   string
	store *store.Store
	cfg   *config.Config
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(context.Background(), filepath.Join(dir, "t.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The key the database makes and keeps, whatever the caller's shell has.
	t.Setenv(cfg.Ingest.HashKeyEnv, "")
	return &env{t: t, dir: dir, store: s, cfg: cfg}
}

// in is e reporting to t, for use inside t.Run.
func (e *env) in(t *testing.T) *env {
	c := *e
	c.t = t
	return &c
}

// file writes lines, each ended by "\n", to name in the env's folder.
func (e *env) file(name string, lines ...string) string {
	e.t.Helper()
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return e.writeFile(name, []byte(b.String()))
}

func (e *env) writeFile(name string, b []byte) string {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// load ingests paths as format and returns what Load returned and what it
// wrote on stderr.
func (e *env) load(format string, paths ...string) ([]*ingest.Result, string, error) {
	return e.loadTo(false, format, paths...)
}

// loadTo is load with Terminal set as given.
func (e *env) loadTo(terminal bool, format string, paths ...string) ([]*ingest.Result, string, error) {
	e.t.Helper()
	var stderr bytes.Buffer
	l := &ingest.Loader{Store: e.store, Config: e.cfg, Stderr: &stderr, Terminal: terminal}
	res, err := l.Load(context.Background(), format, paths)
	return res, stderr.String(), err
}

// mustLoad is load for files that must load.
func (e *env) mustLoad(format string, paths ...string) []*ingest.Result {
	e.t.Helper()
	res, stderr, err := e.load(format, paths...)
	if err != nil {
		e.t.Fatalf("load: %v\nstderr:\n%s", err, stderr)
	}
	return res
}

// count runs a query that returns one integer.
func (e *env) count(query string, args ...any) int64 {
	e.t.Helper()
	var n int64
	if err := e.store.DB.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// texts runs a query whose rows are one text column each.
func (e *env) texts(query string, args ...any) []string {
	e.t.Helper()
	rows, err := e.store.DB.QueryContext(context.Background(), query, args...)
	if err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		e.t.Fatal(err)
	}
	return out
}

var oslo, _ = time.LoadLocation("Europe/Oslo")

// ql builds one queue_log line at an Oslo local time.
func ql(local, rest string) string {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", local, oslo)
	if err != nil {
		panic(err)
	}
	return strconv.FormatInt(t.Unix(), 10) + "|" + rest
}

// rings is n well-formed queue_log lines, one a second from 10:00 on
// Wednesday 14 January 2026.
func rings(n int) []string {
	start := time.Date(2026, 1, 14, 10, 0, 0, 0, oslo).Unix()
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("%d|r.%d|lonn|PJSIP/lonn-01|RINGNOANSWER|1000", start+int64(i), i)
	}
	return lines
}

// diff says how got differs from want, in (-want +got) form; "" when equal.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return fmt.Sprintf("(-want +got):\n-%+v\n+%+v", want, got)
}
