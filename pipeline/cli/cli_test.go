package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"slakpi/fixtures"
)

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.duckdb")
	missing := filepath.Join(dir, "no-such-queue_log")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // each must appear on the first line of stderr
		usage  bool     // a usage error: the message line, then the usage
	}{
		{"no command", nil, 2, []string{"no command"}, true},
		{"only global flags", []string{"--db", db}, 2, []string{"no command"}, true},
		{"unknown command", []string{"frobnicate"}, 2, []string{`"frobnicate"`}, true},
		{"unknown flag", []string{"kpi", "--quater", "2026Q1"}, 2, []string{"quater"}, true},
		{"unknown global flag", []string{"--bogus", "kpi"}, 2, []string{"bogus"}, true},
		{"global flag without value", []string{"kpi", "--quarter", "2026Q1", "--db"}, 2, []string{"db"}, true},
		{"kpi without --quarter", []string{"kpi", "--db", db}, 2, []string{"kpi", "quarter"}, true},
		{"kpi quarter 5", []string{"kpi", "--quarter", "2026Q5", "--db", db}, 2, []string{"2026Q5"}, true},
		{"kpi quarter garbage", []string{"kpi", "--quarter", "Q3-2026", "--db", db}, 2, []string{"Q3-2026"}, true},
		{"bad --lang", []string{"--lang", "sv", "kpi", "--quarter", "2026Q1", "--db", db}, 2, []string{`"sv"`}, true},
		{"report without --out", []string{"report", "quarterly", "--quarter", "2026Q1", "--db", db}, 2, []string{"--out"}, true},
		{"report without --quarter", []string{"report", "quarterly", "--out", dir, "--db", db}, 2, []string{"quarter"}, true},
		{"report unknown kind", []string{"report", "yearly"}, 2, []string{`"yearly"`}, true},
		{"ingest nothing", []string{"ingest"}, 2, []string{"ingest"}, true},
		{"ingest phone without files", []string{"ingest", "phone", "--db", db}, 2, []string{"no files"}, true},
		{"ingest phone missing file", []string{"ingest", "phone", "--db", db, missing}, 1, []string{missing}, false},
		{"ingest phone unknown format", []string{"ingest", "phone", "--format", "mp3", "--db", db, missing}, 1, []string{`"mp3"`}, false},
		{"kpi on a database that does not exist", []string{"kpi", "--quarter", "2026Q1", "--db", filepath.Join(dir, "typo.duckdb")}, 1, []string{"typo.duckdb", "does not exist"}, false},
		{"quarter with a sign", []string{"kpi", "--quarter", "+202Q3", "--db", db}, 2, []string{"+202Q3"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", r.code, tt.code, r.stderr)
			}
			first := r.firstLine()
			for _, want := range tt.stderr {
				if !strings.Contains(first, want) {
					t.Errorf("first line of stderr %q lacks %q", first, want)
				}
			}
			// A usage error is one line of its own, then the usage, once.
			if n := strings.Count(r.stderr, "usage: slakpi"); tt.usage && n != 1 || !tt.usage && n != 0 {
				t.Errorf("usage on stderr %d times, want usage %v\nstderr:\n%s", n, tt.usage, r.stderr)
			}
			if tt.usage && !strings.HasPrefix(first, "slakpi: ") {
				t.Errorf("first line of stderr %q does not start with \"slakpi: \"", first)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"kpi", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := run(t, args...)
			if r.code != 0 {
				t.Errorf("exit %d, want 0", r.code)
			}
			if !strings.Contains(r.stdout, "usage: slakpi") || r.stderr != "" {
				t.Errorf("want the usage on stdout only\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			}
		})
	}
}

// garbled is a day of generated queue_log with every 20th line (5 %)
// replaced by garbage; it returns the file's text and the bad line numbers.
func garbled(t *testing.T) (string, []int) {
	t.Helper()
	var buf bytes.Buffer
	day := time.Date(2026, 1, 14, 0, 0, 0, 0, oslo)
	if _, err := fixtures.WriteQueueLog(&buf, fixtures.PhoneOptions{From: day, To: day, Loc: oslo, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	var bad []int
	for i := 19; i < len(lines); i += 20 {
		lines[i] = "this is not a queue_log line"
		bad = append(bad, i+1)
	}
	if len(bad) < 3 {
		t.Fatalf("generated day has only %d lines", len(lines))
	}
	return strings.Join(lines, "\n") + "\n", bad
}

func TestIngestRefusesGarbage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.duckdb")
	text, bad := garbled(t)
	log := filepath.Join(dir, "queue_log-2026-01-14")
	if err := os.WriteFile(log, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	r := run(t, "ingest", "phone", "--db", db, log)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", r.code, r.stderr)
	}
	for _, n := range bad[:3] {
		if want := log + ":" + strconv.Itoa(n) + ":"; !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "refused") {
		t.Errorf("stderr does not say the file was refused:\n%s", r.stderr)
	}

	k := decodeKPIs(t, mustRun(t, "kpi", "--quarter", "2026Q1", "--json", "--db", db).stdout)
	if got := k.value(t, "phone.offered"); got != 0 {
		t.Errorf("after a refused file, phone.offered = %v, want 0", got)
	}
}

// TestDatabaseLocation checks where the database goes: --db, before or
// after the command, wins over $SLAKPI_DB, which wins over ./slakpi.duckdb.
func TestDatabaseLocation(t *testing.T) {
	const (
		def  = "slakpi.duckdb"
		env  = "from-env.duckdb"
		flag = "from-flag.duckdb"
	)
	tests := []struct {
		name          string
		env           string
		before, after []string // global flags before the command, and after it
		want          string
	}{
		{"default", "", nil, nil, def},
		{"SLAKPI_DB", env, nil, nil, env},
		{"--db over SLAKPI_DB", env, []string{"--db", flag}, nil, flag},
		{"--db after the command", "", nil, []string{"--db", flag}, flag},
		{"--db after the command over SLAKPI_DB", env, nil, []string{"--db", flag}, flag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			t.Setenv("SLAKPI_DB", tt.env)
			log := writeFile(t, dir, "queue_log", handLog()...)

			ingest := slices.Concat(tt.before, []string{"ingest", "phone"}, tt.after, []string{log})
			mustRun(t, ingest...)
			kpi := slices.Concat(tt.before, []string{"kpi", "--quarter", "2026Q1"}, tt.after, []string{"--json"})
			k := decodeKPIs(t, mustRun(t, kpi...).stdout)
			if got := k.value(t, "phone.asa_s"); got != 47 {
				t.Errorf("phone.asa_s = %v, want 47", got)
			}
			for _, name := range []string{def, env, flag} {
				_, err := os.Stat(name)
				if exists := err == nil; exists != (name == tt.want) {
					t.Errorf("%s exists = %v, want %v", name, exists, name == tt.want)
				}
			}
		})
	}
}

func TestConfigFile(t *testing.T) {
	db := handDB(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		yaml    []string // nil: no such file
		code    int
		stderr  []string // on the first line of stderr
		target  float64  // phone.asa_s target when the command succeeds
		wantMet bool
	}{
		{"defaults only", []string{"# nothing changed"}, 0, nil, 60, true},
		{"stricter target", []string{"targets:", "  phone.asa_s: 40"}, 0, nil, 40, false},
		{"unknown key", []string{"phone:", "  short_abandon_s: 5", "  bogus_key: 3"}, 1, []string{"bogus_key"}, 0, false},
		{"bad value", []string{"ingest:", "  reject_limit: 7"}, 1, []string{"reject_limit"}, 0, false},
		{"missing file", nil, 1, []string{"missing-file.yaml"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := strings.ReplaceAll(tt.name, " ", "-") + ".yaml"
			path := filepath.Join(dir, name)
			if tt.yaml != nil {
				writeFile(t, dir, name, tt.yaml...)
			}
			r := run(t, "--config", path, "kpi", "--quarter", "2026Q1", "--json", "--db", db)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr:\n%s", r.code, tt.code, r.stderr)
			}
			if tt.code != 0 {
				first := r.firstLine()
				for _, want := range append(tt.stderr, name) {
					if !strings.Contains(first, want) {
						t.Errorf("first line of stderr %q lacks %q", first, want)
					}
				}
				return
			}
			asa := decodeKPIs(t, r.stdout).KPIs[0]
			if asa.ID != "phone.asa_s" || asa.Target == nil || *asa.Target != tt.target || asa.Met == nil || *asa.Met != tt.wantMet {
				t.Errorf("%s target %v met %v, want phone.asa_s target %v met %v",
					asa.ID, deref(asa.Target), asa.Met, tt.target, tt.wantMet)
			}
		})
	}
}

// TestDatabaseInUse runs kpi while another process holds the database.
func TestDatabaseInUse(t *testing.T) {
	db := handDB(t)
	release := startHolder(t, db)

	r := run(t, "kpi", "--quarter", "2026Q1", "--db", db)
	if r.code != 1 {
		t.Errorf("exit %d while the database is held, want 1\nstderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"in use", db} {
		if !strings.Contains(r.firstLine(), want) {
			t.Errorf("first line of stderr %q lacks %q", r.firstLine(), want)
		}
	}
	if strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr is not one line:\n%s", r.stderr)
	}

	release()
	mustRun(t, "kpi", "--quarter", "2026Q1", "--db", db)
}
