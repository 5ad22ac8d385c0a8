package avvik_test

import (
	"context"
	"path/filepath"
	"testing"

	"slakpi"
	"slakpi/pipeline/avvik"
	"slakpi/pipeline/config"
	"slakpi/pipeline/store"
)

// The escalation rule on hand-set results of the 60 s ASA target: each
// further quarter in a run of misses adds a level, a gap of 25 % or more of
// the target adds one, and 3 is the top; a later met quarter closes them.
func TestEscalation(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "a.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cfg, _ := config.Default()
	put := func(q string, asa float64) {
		t.Helper()
		if _, err := s.DB.Exec(`INSERT OR REPLACE INTO kpi_results VALUES (?, '', 'phone.asa_s', ?, 100, 60, '<=', ?, now())`,
			q, asa, asa <= 60); err != nil {
			t.Fatal(err)
		}
	}
	put("2026Q1", 90) // gap 30 s = 50 %: level 1 + 1 = 2
	put("2026Q2", 66) // gap 6 s = 10 %, second in a row: level 2
	put("2026Q3", 80) // gap 33 %, third in a row: 1 + 2 + 1 = 4, capped at 3
	if err := avvik.Recompute(ctx, s.DB, slakpi.SQL, cfg); err != nil {
		t.Fatal(err)
	}
	if err := avvik.Note(ctx, s.DB, "phone.asa_s", "2026Q3", "Ekstra bemanning", "test"); err != nil {
		t.Fatal(err)
	}
	check := func(want map[string][2]any) {
		t.Helper()
		ds, err := avvik.List(ctx, s.DB)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != len(want) {
			t.Fatalf("%d deviations, want %d: %+v", len(ds), len(want), ds)
		}
		for _, d := range ds {
			w := want[d.Quarter]
			if d.Level != w[0] || d.Status != w[1] || d.FirstMissed != "2026Q1" {
				t.Errorf("%s: level %d %s (run from %s), want level %v %v from 2026Q1", d.Quarter, d.Level, d.Status, d.FirstMissed, w[0], w[1])
			}
		}
	}
	check(map[string][2]any{"2026Q1": {2, "open"}, "2026Q2": {2, "open"}, "2026Q3": {3, "open"}})
	put("2026Q4", 45) // met: the run has ended
	if err := avvik.Recompute(ctx, s.DB, slakpi.SQL, cfg); err != nil {
		t.Fatal(err)
	}
	check(map[string][2]any{"2026Q1": {2, "closed"}, "2026Q2": {2, "closed"}, "2026Q3": {3, "closed"}})
	ds, _ := avvik.List(ctx, s.DB)
	for _, d := range ds {
		if d.Quarter == "2026Q3" && d.Measure != "Ekstra bemanning" {
			t.Errorf("the measure is %q after recomputing", d.Measure)
		}
	}
	if err := avvik.Note(ctx, s.DB, "phone.asa_s", "2026Q4", "x", "test"); err == nil {
		t.Error("a note on a met quarter was accepted")
	}
}
