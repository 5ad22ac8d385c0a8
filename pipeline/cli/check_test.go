package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	checkEmployees = "employee_id,employment_id,unit,start_date,end_date,position_pct,status,bank_account_hash,registered_at"
	checkPay       = "run_id,run_type,pay_date,period,employee_id,employment_id,unit,cost_centre,wage_type,amelding_code,amount,hours,rate"
)

// checkDB holds two main runs: January clean, February with E1's
// supplement twice (an error) and E2's bonus of 150,000 (a warning).
func checkDB(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "pay.duckdb")
	emp := writeFile(t, dir, "employees.csv", checkEmployees,
		"E1,E1-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00",
		"E2,E2-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00")
	pay := writeFile(t, dir, "lonn.csv", checkPay,
		"2026-01-H,main,2026-01-12,2026-01,E1,E1-1,IE-IDI,KS-1,1000 Fastlønn,fastloenn,50000.00,,",
		"2026-01-H,main,2026-01-12,2026-01,E2,E2-1,IE-IDI,KS-1,1000 Fastlønn,fastloenn,50000.00,,",
		"2026-02-H,main,2026-02-12,2026-02,E1,E1-1,IE-IDI,KS-1,1000 Fastlønn,fastloenn,50000.00,,",
		"2026-02-H,main,2026-02-12,2026-02,E1,E1-1,IE-IDI,KS-1,2000 Tillegg,fastTillegg,1500.00,,",
		"2026-02-H,main,2026-02-12,2026-02,E1,E1-1,IE-IDI,KS-1,2000 Tillegg,fastTillegg,1500.00,,",
		"2026-02-H,main,2026-02-12,2026-02,E2,E2-1,IE-IDI,KS-1,1000 Fastlønn,fastloenn,50000.00,,",
		"2026-02-H,main,2026-02-12,2026-02,E2,E2-1,IE-IDI,KS-1,4000 Bonus,bonus,150000.00,,")
	mustRun(t, "ingest", "payroll", "--kind", "employees", "--db", db, emp)
	mustRun(t, "ingest", "payroll", "--db", db, pay)
	return db, dir
}

// check payroll prints SPEC §5's JSON and exits 1 while an error finding is
// unaccepted, 0 once it is accepted (warnings alone pass).
func TestCheckPayroll(t *testing.T) {
	db, dir := checkDB(t)
	out := filepath.Join(dir, "out")
	// Gross rises 150 % against January: run totals are tested elsewhere.
	cfg := writeFile(t, dir, "slakpi.yaml", "checks:", "  run_totals_change: {warn_pct: 1000, error_pct: 1000}")
	if r := run(t, "check", "payroll", "--run", "2026-01-H", "--out", out, "--db", db, "--config", cfg); r.code != 0 {
		t.Fatalf("January: exit %d, want 0\n%s", r.code, r.stderr)
	}
	r := run(t, "check", "payroll", "--run", "2026-02-H", "--out", out, "--json", "--db", db, "--config", cfg)
	if r.code != 1 || !strings.Contains(r.stderr, "1 error findings not accepted") {
		t.Fatalf("February: exit %d, stderr %q; want 1 naming one unaccepted error", r.code, r.stderr)
	}
	var got struct {
		RunID    string            `json:"run_id"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if got.RunID != "2026-02-H" || len(got.Findings) != 2 {
		t.Fatalf("run %q with %d findings, want 2026-02-H with 2:\n%s", got.RunID, len(got.Findings), r.stdout)
	}
	wantKeys := []string{"rule", "severity", "employee_id", "employment_id", "unit", "fingerprint", "detail", "accepted"}
	var dup map[string]any
	for _, raw := range got.Findings {
		if keys := objectKeys(t, raw); !slices.Equal(keys, wantKeys) {
			t.Errorf("finding keys %v, want %v", keys, wantKeys)
		}
		var f map[string]any
		json.Unmarshal(raw, &f)
		if f["rule"] == "duplicate_pay_line" {
			dup = f
		}
	}
	if dup == nil || dup["severity"] != "error" || dup["employee_id"] != "E1" || dup["accepted"] != false {
		t.Fatalf("duplicate finding = %v, want an unaccepted error on E1", dup)
	}
	if _, err := os.Stat(filepath.Join(out, "lonnskontroll-2026-02-H.xlsx")); err != nil {
		t.Errorf("run workbook: %v", err)
	}
	fp := dup["fingerprint"].(string)
	if r := run(t, "check", "accept", fp, "--db", db); r.code != 2 {
		t.Errorf("accept without --reason: exit %d, want 2", r.code)
	}
	mustRun(t, "check", "accept", fp, "--reason", "rettet i tilleggskjøringen", "--db", db)
	r = run(t, "check", "payroll", "--run", "2026-02-H", "--out", out, "--json", "--db", db, "--config", cfg)
	if r.code != 0 || !strings.Contains(r.stdout, `"accepted": true`) {
		t.Errorf("after accepting: exit %d, want 0 with the finding accepted\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "check", "payroll", "--run", "1999-01-H", "--out", out, "--db", db); r.code != 2 || !strings.Contains(r.stderr, "1999-01-H") {
		t.Errorf("unknown run: exit %d, stderr %q; want 2 naming the run", r.code, r.stderr)
	}
	bad := writeFile(t, dir, "bad.yaml", "checks:", "  no_such_rule: {x: 1}")
	if r := run(t, "check", "payroll", "--run", "2026-02-H", "--out", out, "--db", db, "--config", bad); r.code != 2 {
		t.Errorf("a rule that cannot run: exit %d, want 2\n%s", r.code, r.stderr)
	}
}
