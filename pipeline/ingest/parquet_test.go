package ingest_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// parquetFile writes the rows of query to name in the env's folder as
// Parquet, in row groups of at most groupRows rows, and returns its path
// and how many row groups it has. A group never spans two parts of a
// UNION ALL, so a query of three parts makes three groups.
func (e *env) parquetFile(name, query string, groupRows int) (string, int64) {
	e.t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	p := filepath.Join(e.dir, name)
	// One thread keeps the rows in the order of the query.
	for _, q := range []string{"SET threads = 1",
		fmt.Sprintf("COPY (%s) TO '%s' (FORMAT parquet, ROW_GROUP_SIZE %d)", query, strings.ReplaceAll(p, "'", "''"), groupRows)} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			e.t.Fatalf("%s: %v", q, err)
		}
	}
	var groups int64
	if err := db.QueryRowContext(ctx, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata(?)", p).Scan(&groups); err != nil {
		e.t.Fatal(err)
	}
	return p, groups
}

// payLinesParquet is five pay lines with the canonical column names in
// three row groups; the fourth has a run type that is not one.
const payLinesParquet = `
SELECT * FROM (VALUES
	('R1', 'main', DATE '2026-01-12', '2026-01', '1001', 'E1', 'IFY', 'K100', '1000', 'fastloenn', 45678.90::DECIMAL(14, 2), NULL::DOUBLE, NULL::DOUBLE),
	('R1', 'main', DATE '2026-01-12', '2026-01', '1001', 'E2', 'IFY', 'K100', '2010', 'timeloenn', 1234.50, 7.5, 164.6)
) t(run_id, run_type, pay_date, period, employee_id, employment_id, unit, cost_centre, wage_type, amelding_code, amount, hours, rate)
UNION ALL SELECT * FROM (VALUES
	('R1', 'main', DATE '2026-01-12', '2026-01', '1002', 'E3', 'IKJ', 'K200', '1000', 'fastloenn', 12345.67::DECIMAL(14, 2), NULL::DOUBLE, NULL::DOUBLE),
	('R1', 'bonus', DATE '2026-01-12', '2026-01', '1002', 'E3', 'IKJ', 'K200', '1500', NULL, 5000.00, NULL, NULL)
)
UNION ALL SELECT * FROM (VALUES
	('R1', 'main', DATE '2026-01-12', '2026-01', '1003', NULL, NULL, NULL, '8100', NULL, -1500.00::DECIMAL(14, 2), NULL::DOUBLE, NULL::DOUBLE)
)`

func TestPayLinesParquet(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see the bad row
	p, groups := e.parquetFile("lines.parquet", payLinesParquet, 2)
	if groups != 3 {
		t.Fatalf("the test file has %d row groups, want 3", groups)
	}
	res, stderr, err := e.load(ingest.PayLines, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := []string{
		"1 | R1 | main | 2026-01-12 | 2026-01 | 1001 | E1 | IFY | K100 | 1000 | fastloenn | 45678.90 | NULL | NULL",
		"2 | R1 | main | 2026-01-12 | 2026-01 | 1001 | E2 | IFY | K100 | 2010 | timeloenn | 1234.50 | 7.5 | 164.6",
		"3 | R1 | main | 2026-01-12 | 2026-01 | 1002 | E3 | IKJ | K200 | 1000 | fastloenn | 12345.67 | NULL | NULL",
		"5 | R1 | main | 2026-01-12 | 2026-01 | 1003 | NULL | NULL | NULL | 8100 | NULL | -1500.00 | NULL | NULL",
	}
	if d := diff(want, e.texts(rowsOf("raw_pay_lines", payLineCols...))); d != "" {
		t.Errorf("raw_pay_lines %s", d)
	}
	wantRejects := []store.Reject{{Line: 4, Reason: `run_type "bonus": want main, supplementary, travel or extra`}}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	raw := e.texts(`SELECT raw FROM quarantine WHERE line = 4`)
	if d := diff([]string{"R1\tbonus\t2026-01-12\t2026-01\t1002\tE3\tIKJ\tK200\t1500\t\t5000.00\t\t"}, raw); d != "" {
		t.Errorf("quarantined row %s", d)
	}
}

// TestPayLinesParquetTypes reads a file as a dataframe library writes it:
// Norwegian column names, dates as midnight timestamps, the period and the
// employee as numbers, amounts as doubles.
func TestPayLinesParquetTypes(t *testing.T) {
	e := newEnv(t)
	p, _ := e.parquetFile("frame.parquet", `
SELECT * FROM (VALUES
	('R1', 'main', TIMESTAMP '2026-01-12 00:00:00', 202601, 1001, '1000', 12345.67::DOUBLE, 162.5::DOUBLE),
	('R1', 'main', TIMESTAMP '2026-01-12 00:00:00', 202601, 1002, '1000', 0.1::DOUBLE, NULL)
) t("Kjøring", "Kjøringstype", "Utbetalingsdato", "Periode", "Ansattnummer", "Lønnsart", "Beløp", "Timer")`, 1000)
	e.mustLoad(ingest.PayLines, p)
	want := []string{
		"1 | 2026-01-12 | 2026-01 | 1001 | 12345.67 | 162.5",
		"2 | 2026-01-12 | 2026-01 | 1002 | 0.10 | NULL",
	}
	if d := diff(want, e.texts(rowsOf("raw_pay_lines", "line", "pay_date", "period", "employee_id", "amount", "hours"))); d != "" {
		t.Errorf("raw_pay_lines %s", d)
	}
}

func TestPayLinesParquetUnreadable(t *testing.T) {
	e := newEnv(t)
	short, _ := e.parquetFile("short.parquet",
		`SELECT 'R1' run_id, 'main' run_type, DATE '2026-01-12' pay_date, '2026-01' period, '1001' employee_id, '1000' wage_type`, 1000)
	notParquet := e.file("csv.parquet", "run_id,run_type,pay_date,period,employee_id,wage_type,amount")
	for _, tc := range []struct{ name, path, want string }{
		{"no amount column", short, `parquet: no column "amount"`},
		{"not Parquet", notParquet, "parquet: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := e.in(t)
			_, _, err := e.load(ingest.PayLines, tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	got := e.texts(`SELECT status FROM ingest_files ORDER BY file_id`)
	if d := diff([]string{"failed", "failed"}, got); d != "" {
		t.Errorf("ledger %s", d)
	}
}

// TestPayLinesParquetWindows reads a file longer than one window of rows;
// every line number is its row's.
func TestPayLinesParquetWindows(t *testing.T) {
	const rows = 300_000
	e := newEnv(t)
	p, _ := e.parquetFile("many.parquet", fmt.Sprintf(`
SELECT 'R1' run_id, CASE WHEN range = 250000 THEN 'bonus' ELSE 'main' END run_type, DATE '2026-01-12' pay_date,
	'2026-01' period, (range + 1)::VARCHAR employee_id, '1000' wage_type, (range / 100)::DECIMAL(14, 2) amount
FROM range(%d)`, rows), 100_000)
	res := e.mustLoad(ingest.PayLines, p)
	wantRejects := []store.Reject{{Line: 250001, Reason: `run_type "bonus": want main, supplementary, travel or extra`}}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	got := e.texts(`SELECT concat_ws(' ', count(*), count(*) FILTER (line::VARCHAR <> employee_id), sum(amount)) FROM raw_pay_lines`)
	// 0.00 + 0.01 + … + 2999.99 = 299999 × 300000 / 2 / 100 = 449998500.00,
	// less 2500.00 of the refused row.
	if d := diff([]string{"299999 0 449996000.00"}, got); d != "" {
		t.Errorf("rows, rows whose line is not their number, sum %s", d)
	}
}
