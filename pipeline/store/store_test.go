package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"slakpi"
	"slakpi/pipeline/store"
)

// migrations reads schema_migrations as "version name" strings.
func migrations(t *testing.T, s *store.Store) []string {
	t.Helper()
	rows, err := s.DB.Query(`SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v int
		var n string
		if err := rows.Scan(&v, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %s", v, n))
	}
	return out
}

func TestMigrationsAreRecordedOnce(t *testing.T) {
	ctx := context.Background()
	p := dbPath(t)
	// One row per embedded file, "N name" with N the number before "_".
	names, err := fs.Glob(slakpi.SQL, "migrations/*.sql")
	if err != nil || len(names) == 0 || path.Base(names[0]) != "0001_init.sql" {
		t.Fatalf("embedded migrations %v (%v): want 0001_init.sql first", names, err)
	}
	var want []string
	for _, n := range names {
		num, _, _ := strings.Cut(path.Base(n), "_")
		v, _ := strconv.Atoi(num)
		want = append(want, fmt.Sprintf("%d %s", v, path.Base(n)))
	}
	var applied []time.Time
	for range 2 {
		s, err := store.Open(ctx, p, slakpi.SQL, store.Options{})
		if err != nil {
			t.Fatal(err) // a second run of 0001 would fail on CREATE SEQUENCE
		}
		if d := diff(want, migrations(t, s)); d != "" {
			t.Errorf("schema_migrations %s", d)
		}
		var at time.Time
		if err := s.DB.QueryRow(`SELECT applied_at FROM schema_migrations WHERE version = 1`).Scan(&at); err != nil {
			t.Fatal(err)
		}
		applied = append(applied, at)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if !applied[0].Equal(applied[1]) {
		t.Errorf("applied_at changed on re-open: %v then %v", applied[0], applied[1])
	}
}

func sqlFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return m
}

func TestMigrationsApplyInNumberOrder(t *testing.T) {
	ctx := context.Background()
	p := dbPath(t)
	first := map[string]string{"migrations/1_a.sql": "CREATE TABLE a (x INTEGER);"}
	later := map[string]string{
		"migrations/1_a.sql":  "CREATE TABLE a (x INTEGER);",
		"migrations/2_b.sql":  "CREATE TABLE b (x INTEGER);",
		"migrations/10_c.sql": "INSERT INTO b VALUES (10);", // after 2, though "10" < "2" as text
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"new database", first, []string{"1 1_a.sql"}},
		{"two more files: only they run", later, []string{"1 1_a.sql", "2 2_b.sql", "10 10_c.sql"}},
		{"nothing new", later, []string{"1 1_a.sql", "2 2_b.sql", "10 10_c.sql"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(ctx, p, sqlFS(tc.files), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if d := diff(tc.want, migrations(t, s)); d != "" {
				t.Errorf("schema_migrations %s", d)
			}
		})
	}
}

func TestMigrationErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // all in the error
	}{
		{"two files share a number", map[string]string{
			"migrations/0001_a.sql": "CREATE TABLE a (x INTEGER);",
			"migrations/0001_b.sql": "CREATE TABLE b (x INTEGER);",
		}, []string{"0001_a.sql", "0001_b.sql", "share a number"}},
		{"no migrations", map[string]string{"views/v.sql": "SELECT 1;"}, []string{"no migrations"}},
		{"name without a number", map[string]string{"migrations/init.sql": "SELECT 1;"},
			[]string{"migrations/init.sql", "must start with a number"}},
		{"bad SQL", map[string]string{"migrations/0001_a.sql": "CREATE TABLE a (;"}, []string{"migrate 0001_a.sql"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(context.Background(), dbPath(t), sqlFS(tc.files), store.Options{})
			if err == nil {
				s.Close()
				t.Fatal("opened; want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	p := dbPath(t)
	good := map[string]string{"migrations/1_a.sql": "CREATE TABLE a (x INTEGER);"}
	bad := map[string]string{
		"migrations/1_a.sql": good["migrations/1_a.sql"],
		"migrations/2_b.sql": "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);",
	}
	if _, err := store.Open(ctx, p, sqlFS(bad), store.Options{}); err == nil || !strings.Contains(err.Error(), "2_b.sql") {
		t.Fatalf("error %v: want one naming 2_b.sql", err)
	}
	s, err := store.Open(ctx, p, sqlFS(good), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d := diff([]string{"1 1_a.sql"}, migrations(t, s)); d != "" {
		t.Errorf("schema_migrations %s", d)
	}
	var n int
	if err := s.DB.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("table b: %d (%v), want none: 2_b.sql ran in one transaction", n, err)
	}
}

func TestSecondProcessGetsErrBusy(t *testing.T) {
	p := dbPath(t)
	h := startHolder(t, p)
	_, err := store.Open(context.Background(), p, slakpi.SQL, store.Options{})
	if !errors.Is(err, store.ErrBusy) {
		t.Fatalf("error %v: want ErrBusy", err)
	}
	for _, want := range []string{p, "try again", fmt.Sprintf("(pid %d)", h.cmd.Process.Pid)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	h.release(t)
	s := open(t, p)
	var n int
	if err := s.DB.QueryRow(`SELECT count(*) FROM settings WHERE key LIKE 'held-%'`).Scan(&n); err != nil || n != holderRows {
		t.Errorf("holder's rows: %d (%v), want %d", n, err, holderRows)
	}
}

func TestOpenWaitsForTheHolder(t *testing.T) {
	for _, tc := range []struct {
		name     string
		wait     time.Duration
		ctx      time.Duration // 0: no deadline
		release  time.Duration // 0: never
		wantErr  error
		minTaken time.Duration
	}{
		{"holder leaves within Wait", 2 * time.Second, 0, 500 * time.Millisecond, nil, 400 * time.Millisecond},
		{"Wait runs out", 300 * time.Millisecond, 0, 0, store.ErrBusy, 300 * time.Millisecond},
		{"context ends first", 5 * time.Second, 300 * time.Millisecond, 0, context.DeadlineExceeded, 300 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := dbPath(t)
			h := startHolder(t, p)
			ctx := context.Background()
			if tc.ctx > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.ctx)
				defer cancel()
			}
			if tc.release > 0 {
				time.AfterFunc(tc.release, func() { h.release(t) })
			}
			start := time.Now()
			s, err := store.Open(ctx, p, slakpi.SQL, store.Options{Wait: tc.wait})
			taken := time.Since(start)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Errorf("error %v, want %v", err, tc.wantErr)
			}
			if taken < tc.minTaken {
				t.Errorf("took %v, want at least %v", taken, tc.minTaken)
			}
		})
	}
}

func TestHashKey(t *testing.T) {
	ctx := context.Background()
	p := dbPath(t)
	key := func(s *store.Store, env string) []byte {
		t.Helper()
		k, err := s.HashKey(ctx, env)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	s, err := store.Open(ctx, p, slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	made := key(s, "")
	if len(made) != 32 {
		t.Errorf("made key has %d bytes, want 32", len(made))
	}
	if got := key(s, "from-env"); string(got) != "from-env" {
		t.Errorf("with the environment's value: %q, want it", got)
	}
	if got := key(s, ""); !bytes.Equal(got, made) {
		t.Errorf("second call: %x, want %x", got, made)
	}
	s.Close()
	if got := key(open(t, p), ""); !bytes.Equal(got, made) {
		t.Errorf("after re-open: %x, want %x", got, made)
	}
	if got := key(open(t, dbPath(t)), ""); bytes.Equal(got, made) {
		t.Error("another database made the same key")
	}
}
