package cli_test

import (
	"path/filepath"
	"testing"
)

// Flags may follow the files: `ingest phone FILE --db X` loads FILE into X,
// and "--" makes a following "--db" a file name.
func TestFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "after.duckdb")
	log := writeFile(t, dir, "queue_log", handLog()...)
	mustRun(t, "ingest", "phone", log, "--db", db)
	out := decodeKPIs(t, mustRun(t, "kpi", "--json", "--db", db, "--quarter", "2026Q1").stdout)
	if got := out.value(t, "phone.asa_s"); got != 47 {
		t.Errorf("phone.asa_s = %v, want 47 (hand log of pipeline/kpi)", got)
	}
	r := run(t, "ingest", "phone", "--db", db, "--", "--db")
	if r.code != 1 || r.firstLine() == "" {
		t.Errorf("a file named --db after --: exit %d, stderr %q; want 1 naming the missing file", r.code, r.stderr)
	}
}
