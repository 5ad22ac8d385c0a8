package export_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/pipeline/export"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
)

// The export read back by DuckDB gives the database's counts, per table and
// per quarter.
func TestParquetExportReadsBack(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "x.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cfg, _ := config.Default()
	cal, _ := calendar.FromConfig(cfg)
	log := filepath.Join(dir, "queue_log")
	// Two calls in 2026Q1 (CET) and one in 2026Q3 (CEST): 6 events.
	os.WriteFile(log, []byte(strings.Join([]string{
		"1768381200|a|lonn|NONE|ENTERQUEUE||+4773000001|1", "1768381230|a|lonn|A|CONNECT|30|x|1",
		"1768384800|b|lonn|NONE|ENTERQUEUE||+4773000002|1", "1768384840|b|lonn|NONE|ABANDON|1|1|40",
		"1783332000|c|lonn|NONE|ENTERQUEUE||+4773000003|1", "1783332050|c|lonn|A|CONNECT|50|x|1",
	}, "\n")+"\n"), 0o644)
	l := &ingest.Loader{Store: s, Config: cfg, Stderr: io.Discard}
	if _, err := l.Load(ctx, ingest.QueueLog, []string{log}); err != nil {
		t.Fatal(err)
	}
	eng, err := kpi.NewEngine(s.DB, slakpi.SQL, cfg, cal)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if err := eng.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if err := eng.ComputeAll(ctx); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bi")
	res, err := export.Parquet(ctx, s.DB, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		var n int64
		glob := filepath.Join(r.Dir, "**", "*.parquet")
		if err := s.DB.QueryRow(`SELECT count(*) FROM read_parquet(?, hive_partitioning = true)`, glob).Scan(&n); err != nil {
			t.Fatalf("%s: %v", r.Table, err)
		}
		if n != r.Rows {
			t.Errorf("%s: %d rows read back, %d in the database", r.Table, n, r.Rows)
		}
	}
	var q1, q3 int64
	if err := s.DB.QueryRow(`SELECT count(*) FILTER (WHERE quarter = '2026Q1'), count(*) FILTER (WHERE quarter = '2026Q3')
		FROM read_parquet(?, hive_partitioning = true)`, filepath.Join(out, "raw_queue_log", "**", "*.parquet")).Scan(&q1, &q3); err != nil {
		t.Fatal(err)
	}
	if q1 != 4 || q3 != 2 {
		t.Errorf("raw_queue_log by quarter: 2026Q1 %d, 2026Q3 %d; want 4 and 2", q1, q3)
	}
	if _, err := os.Stat(filepath.Join(out, "kpi_results", "quarter=2026Q1")); err != nil {
		t.Errorf("kpi_results is not partitioned by quarter: %v", err)
	}
}
