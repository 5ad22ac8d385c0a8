package checks_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"slakpi"
	"slakpi/fixtures"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/checks"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
)

// largeRun is a year of generated payroll ending in January 2026, whose
// main run (≈3.2 lines an employee outside June's holiday pay) has about
// 500,000 lines and is compared with November's.
var largeRun = struct {
	Employees int
	From, To  string
	Seed      int64
}{Employees: 155_000, From: "2025-02-01", To: "2026-01-31", Seed: 1}

// BenchmarkRulesOnLargeRun times every rule on the last main run of
// largeRun, and reports its lines and the process's peak memory while
// checking. The database takes minutes to build; it is kept in the temp
// folder, keyed by largeRun and the schema (delete it after changing the
// generator).
func BenchmarkRulesOnLargeRun(b *testing.B) {
	if testing.Short() {
		b.Skip("skipped in -short mode: builds a payroll database of ~7 million pay lines (see largeRun)")
	}
	ctx := context.Background()
	start := time.Now()
	path := largeRunDB(b)
	b.Logf("setup %s", time.Since(start).Round(time.Second))
	s, err := store.Open(ctx, path, slakpi.SQL, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	cfg, err := config.Default()
	if err != nil {
		b.Fatal(err)
	}
	rebuild(b, s, cfg)
	r, err := checks.NewRunner(s.DB, slakpi.SQL, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var run string
	var lines int64
	if err := s.DB.QueryRowContext(ctx, `SELECT run_id, lines FROM stg_pay_runs WHERE run_type = 'main'
		ORDER BY pay_date DESC LIMIT 1`).Scan(&run, &lines); err != nil {
		b.Fatal(err)
	}
	debug.FreeOSMemory() // the setup's Go garbage is not the check's
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("peak memory not reset, so it includes the setup: %v", err)
	}
	for b.Loop() {
		res, err := r.Check(ctx, run)
		if err != nil {
			b.Fatal(err)
		}
		for id, err := range res.Failed {
			b.Errorf("rule %s could not run: %v", id, err)
		}
	}
	b.ReportMetric(float64(lines), "lines")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/check")
	b.ReportMetric(peakMiB(b), "peak-MiB")
}

// largeRunDB returns the path of largeRun's database, building it first
// unless a previous run left it. It is built under another name and
// renamed when complete, so an interrupted build is never reused.
func largeRunDB(b *testing.B) string {
	h := sha256.New()
	fmt.Fprintf(h, "%+v", largeRun)
	fs.WalkDir(slakpi.SQL, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			body, _ := fs.ReadFile(slakpi.SQL, p)
			h.Write(body)
		}
		return err
	})
	dir := filepath.Join(os.TempDir(), "slakpi-bench-payroll-"+hex.EncodeToString(h.Sum(nil))[:12])
	path := filepath.Join(dir, "payroll.duckdb")
	if _, err := os.Stat(path); err == nil {
		b.Logf("reusing %s", path)
		return path
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "slakpi-bench-payroll-build-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	buildLargeRun(b, tmp)
	if err := os.Rename(tmp, dir); err != nil && !os.IsExist(err) { // another process built it first
		b.Fatal(err)
	}
	return path
}

// buildLargeRun generates largeRun into dir as CSV, loads it into
// dir/payroll.duckdb and removes the CSV files.
func buildLargeRun(b *testing.B, dir string) {
	ctx := context.Background()
	cfg, err := config.Default()
	if err != nil {
		b.Fatal(err)
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		b.Fatal(err)
	}
	pay, err := calendar.NewPayCalendar(cal, cfg.Payroll)
	if err != nil {
		b.Fatal(err)
	}
	from, _ := time.ParseInLocation(time.DateOnly, largeRun.From, cfg.Location)
	to, _ := time.ParseInLocation(time.DateOnly, largeRun.To, cfg.Location)
	names := []string{"pay-lines.csv", "employees.csv", "travel-claims.csv"}
	var ws [3]*bufio.Writer
	var files [3]*os.File
	for i, n := range names {
		if files[i], err = os.Create(filepath.Join(dir, n)); err != nil {
			b.Fatal(err)
		}
		ws[i] = bufio.NewWriterSize(files[i], 1<<20)
	}
	st, err := fixtures.WritePayroll(fixtures.PayrollFiles{PayLines: ws[0], Employees: ws[1], TravelClaims: ws[2], NewHireCases: io.Discard},
		fixtures.PayrollOptions{From: from, To: to, Loc: cfg.Location, Open: cal.IsWorkingDay, PayDate: pay.PayDate,
			Seed: largeRun.Seed, Employees: largeRun.Employees})
	if err != nil {
		b.Fatal(err)
	}
	for i := range files {
		if err := ws[i].Flush(); err != nil {
			b.Fatal(err)
		}
		if err := files[i].Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("generated %d runs, %d pay lines, %d employees, %d claims", st.Runs, st.PayLines, st.Employees, st.Claims)
	s, err := store.Open(ctx, filepath.Join(dir, "payroll.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var log bytes.Buffer
	l := &ingest.Loader{Store: s, Config: cfg, Stderr: &log}
	for i, format := range []string{ingest.PayLines, ingest.Employees, ingest.TravelClaims} {
		if _, err := l.Load(ctx, format, []string{filepath.Join(dir, names[i])}); err != nil {
			s.Close()
			b.Fatalf("%v\n%s", err, log.String())
		}
		os.Remove(filepath.Join(dir, names[i]))
	}
	b.Logf("loaded:\n%s", strings.TrimSpace(log.String()))
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}

// rebuild builds the derived views and tables the rules read.
func rebuild(b *testing.B, s *store.Store, cfg *config.Config) {
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := kpi.NewEngine(s.DB, slakpi.SQL, cfg, cal)
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	if err := eng.Rebuild(context.Background()); err != nil {
		b.Fatal(err)
	}
}

// peakMiB reads the process's peak resident memory (VmHWM) since the last
// reset.
func peakMiB(b *testing.B) float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Logf("no peak memory: %v", err)
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		var kb float64
		if _, err := fmt.Sscanf(line, "VmHWM: %f kB", &kb); err == nil {
			return kb / 1024
		}
	}
	b.Log("no VmHWM in /proc/self/status")
	return 0
}
