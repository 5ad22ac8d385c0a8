package cli_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"slakpi"
	"slakpi/pipeline/store"
)

// shared is one run of `demo` in an empty folder, made by the first test
// that needs it and removed by TestMain: the demo takes a second or two.
var shared struct {
	once sync.Once
	dir  string
	run  result
	err  error
}

// demoQuarters are the quarters the demo reports on.
var demoQuarters = []string{"2025Q4", "2026Q1", "2026Q2", "2026Q3"}

// Labels of the bokmål workbook, as a reader sees them.
const (
	asaLabel = "Snittventetid besvarte anrop (ASA)"
	metYes   = "● Oppfylt"
	metNo    = "● Ikke oppfylt"
)

// demoDir returns the folder the demo ran in, running it on first use.
func demoDir(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "slakpi-cli-demo-")
		if shared.err != nil {
			return
		}
		shared.err = errors.New("demo did not finish")
		t.Run("demo in an empty folder", func(t *testing.T) {
			t.Chdir(shared.dir)
			shared.run = run(t, "demo")
			shared.err = nil
			if shared.run.code != 0 {
				shared.err = fmt.Errorf("demo: exit %d\nstderr:\n%s", shared.run.code, shared.run.stderr)
			}
		})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.dir
}

func demoDB(t *testing.T) string {
	return filepath.Join(demoDir(t), "slakpi.duckdb")
}

func TestDemo(t *testing.T) {
	dir := demoDir(t)
	if _, err := os.Stat(filepath.Join(dir, "slakpi.duckdb")); err != nil {
		t.Errorf("no database in the folder: %v", err)
	}
	listed := strings.Split(strings.TrimSpace(shared.run.stdout), "\n")
	for _, q := range demoQuarters {
		rel := filepath.Join("reports", "kvartalsrapport-"+q+".xlsx")
		if !slices.Contains(listed, rel) {
			t.Errorf("stdout does not list %s:\n%s", rel, shared.run.stdout)
		}
		if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
			t.Errorf("workbook missing: %v", err)
		}
	}
	inputs, err := filepath.Glob(filepath.Join(dir, "reports", "data", "phone", "queue_log-*"))
	if err != nil || len(inputs) != 12 {
		t.Errorf("generated input: %d files (%v), want 12 monthly queue_logs", len(inputs), err)
	}
}

func TestDemoWorkbooks(t *testing.T) {
	dir := demoDir(t)
	db := demoDB(t)
	yes, no := true, false
	tests := []struct {
		quarter string
		met     *bool // phone.asa_s against its 60 s target; nil: as kpi says
	}{
		{"2025Q4", nil},
		{"2026Q1", &no},
		{"2026Q2", nil},
		{"2026Q3", &yes},
	}
	for _, tt := range tests {
		t.Run(tt.quarter, func(t *testing.T) {
			k := decodeKPIs(t, mustRun(t, "kpi", "--quarter", tt.quarter, "--json", "--db", db).stdout)
			asa := k.KPIs[0]
			if asa.ID != "phone.asa_s" || asa.Value == nil || asa.Met == nil {
				t.Fatalf("kpi: first KPI %s = %v met %v, want phone.asa_s with a value", asa.ID, deref(asa.Value), asa.Met)
			}
			if tt.met != nil && *asa.Met != *tt.met {
				t.Errorf("kpi: phone.asa_s = %.1f s met %v, want met %v", *asa.Value, *asa.Met, *tt.met)
			}

			xlsx := filepath.Join(dir, "reports", "kvartalsrapport-"+tt.quarter+".xlsx")
			f := openWorkbook(t, xlsx)
			if got, want := f.GetSheetList(), []string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}; !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}

			row := rowStarting(t, rows(t, f, "Sammendrag"), asaLabel)
			// Durations are stored as Excel times: fractions of a day.
			seconds := number(t, cellAt(row, 1)) * 86400
			if math.Abs(seconds-*asa.Value) > 1e-9 {
				t.Errorf("summary ASA = %v s, kpi --json says %v", seconds, *asa.Value)
			}
			wantStatus, overTarget := metYes, false
			if !*asa.Met {
				wantStatus, overTarget = metNo, true
			}
			if got := cellAt(row, 3); got != wantStatus {
				t.Errorf("summary ASA status = %q, want %q", got, wantStatus)
			}
			if seconds > 60 != overTarget {
				t.Errorf("summary ASA = %.1f s with status %q", seconds, cellAt(row, 3))
			}

			if charts := chartsOn(t, xlsx, "Telefon"); len(charts) == 0 {
				t.Error("phone sheet has no chart")
			}
			checkInputFiles(t, f, filepath.Join(dir, "reports", "data", "phone"), tt.quarter)
		})
	}
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// checkInputFiles compares the input files listed on the "Om rapporten"
// sheet with the quarter's three monthly logs on disk.
func checkInputFiles(t *testing.T, f *excelize.File, dataDir, quarter string) {
	t.Helper()
	var names []string
	for _, r := range rows(t, f, "Om rapporten") {
		name := cellAt(r, 0)
		if !strings.HasPrefix(name, "queue_log-") {
			continue
		}
		names = append(names, name)
		b, err := os.ReadFile(filepath.Join(dataDir, name))
		if err != nil {
			t.Errorf("listed input %s: %v", name, err)
			continue
		}
		sum := sha256.Sum256(b)
		if got := cellAt(r, 2); !sha256Hex.MatchString(got) || got != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: sha256 %q, want %x", name, got, sum)
		}
		if got, want := cellAt(r, 3), fmt.Sprint(bytes.Count(b, []byte("\n"))); got != want {
			t.Errorf("%s: rows %s, want %s (every line loaded)", name, got, want)
		}
	}
	if want := monthlyLogs(quarter); !slices.Equal(names, want) {
		t.Errorf("input files listed = %q, want %q", names, want)
	}
}

// monthlyLogs names the demo's queue_logs of a quarter such as "2026Q3".
func monthlyLogs(quarter string) []string {
	var year, q int
	fmt.Sscanf(quarter, "%4dQ%d", &year, &q)
	var names []string
	for m := 3*q - 2; m <= 3*q; m++ {
		names = append(names, fmt.Sprintf("queue_log-%d-%02d", year, m))
	}
	return names
}

// TestDemoTwice runs the demo again in the same folder: every file is
// recognised as loaded, nothing is added and the figures stay the same.
func TestDemoTwice(t *testing.T) {
	dir := demoDir(t)
	db := demoDB(t)
	before := ledgerSize(t, db)
	// 12 monthly queue_logs, the unit tree, the case export and its
	// history, employees, pay lines, travel claims, new-hire cases, and
	// absences, refund claims, contracts and forms.
	if before != 23 {
		t.Errorf("ledger holds %d files after the demo, want 23", before)
	}
	figures := func() map[string]string {
		out := map[string]string{}
		for _, q := range demoQuarters {
			out[q] = mustRun(t, "kpi", "--quarter", q, "--json", "--db", db).stdout
		}
		return out
	}
	first := figures()

	t.Chdir(dir)
	r := mustRun(t, "demo")
	if n := strings.Count(r.stderr, "already loaded"); n != before {
		t.Errorf("stderr says \"already loaded\" %d times, want %d:\n%s", n, before, r.stderr)
	}
	if strings.Contains(r.stderr, "rows loaded") {
		t.Errorf("second demo loaded rows:\n%s", r.stderr)
	}
	if after := ledgerSize(t, db); after != before {
		t.Errorf("ledger grew from %d to %d files", before, after)
	}
	for q, was := range figures() {
		if was != first[q] {
			t.Errorf("%s: kpi --json changed after the second demo:\nbefore %s\nafter %s", q, first[q], was)
		}
	}
}

// ledgerSize counts the rows of the file ledger.
func ledgerSize(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(t.Context(), db, slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	files, err := s.Files(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}

func TestReportLanguage(t *testing.T) {
	db := demoDB(t)
	tests := []struct {
		name    string
		args    []string
		quarter string
		sheets  []string
		asa     string // the ASA's name in column A of the summary
		status  string // its status cell
	}{
		{"default bokmål", nil, "2026Q3",
			[]string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}, asaLabel, metYes},
		{"--lang nb", []string{"--lang", "nb"}, "2026Q1",
			[]string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}, asaLabel, metNo},
		{"--lang en", []string{"--lang", "en"}, "2026Q3",
			[]string{"Summary", "Trends", "Phone", "Cases", "Units", "New hires and travel", "Deviations", "About"}, "Average speed of answer (ASA)", "● Met"},
		{"--lang en, not met", []string{"--lang", "en"}, "2026Q1",
			[]string{"Summary", "Trends", "Phone", "Cases", "Units", "New hires and travel", "Deviations", "About"}, "Average speed of answer (ASA)", "● Not met"},
		{"quarter without data", nil, "2024Q1",
			[]string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}, asaLabel, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := slices.Concat([]string{"report", "quarterly", "--quarter", tt.quarter, "--out", out, "--db", db}, tt.args)
			r := mustRun(t, args...)
			xlsx := filepath.Join(out, "kvartalsrapport-"+tt.quarter+".xlsx")
			if got := strings.TrimSpace(r.stdout); got != xlsx {
				t.Errorf("stdout = %q, want the workbook's path %q", got, xlsx)
			}
			f := openWorkbook(t, xlsx)
			if got := f.GetSheetList(); !slices.Equal(got, tt.sheets) {
				t.Errorf("sheets = %q, want %q", got, tt.sheets)
			}
			row := rowStarting(t, rows(t, f, tt.sheets[0]), tt.asa)
			if got := cellAt(row, 3); got != tt.status {
				t.Errorf("ASA status = %q, want %q", got, tt.status)
			}
		})
	}
}
