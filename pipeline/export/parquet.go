// Package export writes slakpi's raw and KPI tables as Hive-partitioned
// Parquet (SPEC §7 `export parquet`), a folder per table and a
// quarter=YYYYQn folder per quarter, which DuckDB, Spark, Trino and Power
// BI read as they are.
package export

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Table is one exported table and the expression of its rows' quarter
// (Europe/Oslo); an empty expression exports it whole, unpartitioned.
type Table struct {
	Name    string
	Quarter string
}

// Tables are what `export parquet` writes: every raw table, the ledger,
// the KPI results, the deviation register and the payroll findings.
var Tables = []Table{
	{"raw_queue_log", "quarter_of(ts)"},
	{"raw_calls", "quarter_of(entered_at)"},
	{"raw_cases", "quarter_of(coalesce(call_date, creation_date))"},
	{"raw_case_history", "quarter_of(changed_at)"},
	{"raw_units", ""},
	{"raw_pay_lines", "year(pay_date) || 'Q' || quarter(pay_date)"},
	{"raw_employees", ""},
	{"raw_travel_claims", "quarter_of(submitted_at)"},
	{"raw_absences", "year(from_date) || 'Q' || quarter(from_date)"},
	{"raw_nav_refunds", "year(period_from) || 'Q' || quarter(period_from)"},
	{"raw_contracts", ""},
	{"raw_forms_in_flow", ""},
	{"ingest_files", ""},
	{"kpi_results", "quarter"},
	{"deviations", "quarter"},
	{"check_findings", ""},
}

// Result counts one exported table's rows.
type Result struct {
	Table string
	Rows  int64
	Dir   string
}

// Parquet writes Tables under dir, replacing what an earlier export wrote
// there. The views and macros must exist (kpi.Engine's Rebuild).
func Parquet(ctx context.Context, db *sql.DB, dir string) ([]Result, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []Result
	for _, t := range Tables {
		target := filepath.Join(dir, t.Name)
		if err := os.RemoveAll(target); err != nil {
			return out, err
		}
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.Name).Scan(&n); err != nil {
			return out, fmt.Errorf("export %s: %w", t.Name, err)
		}
		if n == 0 {
			continue // no empty folders: a reader sees no table rather than a broken one
		}
		if err := copyTable(ctx, db, t, target); err != nil {
			return out, err
		}
		out = append(out, Result{Table: t.Name, Rows: n, Dir: target})
	}
	return out, nil
}

func copyTable(ctx context.Context, db *sql.DB, t Table, target string) error {
	path := "'" + strings.ReplaceAll(target, "'", "''") + "'"
	var q string
	if t.Quarter == "" {
		if err := os.MkdirAll(target, 0o755); err != nil {
			return err
		}
		path = "'" + strings.ReplaceAll(filepath.Join(target, "data.parquet"), "'", "''") + "'"
		q = fmt.Sprintf("COPY (SELECT * FROM %s) TO %s (FORMAT parquet)", t.Name, path)
	} else {
		// The table's own quarter column, if any, is the partition itself.
		cols := "*"
		if t.Quarter == "quarter" {
			cols = "* EXCLUDE (quarter)"
		}
		q = fmt.Sprintf("COPY (SELECT %s, coalesce(%s, 'unknown') AS quarter FROM %s) TO %s (FORMAT parquet, PARTITION_BY (quarter))",
			cols, t.Quarter, t.Name, path)
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	return nil
}
