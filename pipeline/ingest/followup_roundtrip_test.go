package ingest_test

import (
	"context"
	"testing"
	"time"

	"slakpi/pipeline/ingest"
)

// The same content twice, under another name, adds nothing.
func TestFollowupTwice(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		format, table string
		lines         []string
	}{
		{ingest.Absences, "raw_absences", []string{"Ansattnummer;Type;Fra;Til", "1001;syk;2026-01-05;2026-01-20"}},
		{ingest.NavRefunds, "raw_nav_refunds", []string{"Kravnummer;Ansattnummer;Periode fra;Periode til",
			"K-1;1001;2026-01-05;2026-01-20"}},
		{ingest.Contracts, "raw_contracts", []string{"Kontrakt;Ansattnummer;Type", "C-1;1001;midlertidig"}},
		{ingest.FormsInFlow, "raw_forms_in_flow", []string{"Skjema;Påvirker lønn", "S-1;ja"}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			e := e.in(t)
			first := e.mustLoad(tc.format, e.file(tc.format+".csv", tc.lines...))[0]
			again := e.mustLoad(tc.format, e.file(tc.format+"-igjen.csv", tc.lines...))[0]
			if d := again.Duplicate; d == nil || d.ID != first.FileID {
				t.Errorf("Duplicate = %+v, want file %d", d, first.FileID)
			}
			got := []int64{e.count(`SELECT count(*) FROM ` + tc.table),
				e.count(`SELECT count(*) FROM ingest_files WHERE kind = ?`, tc.format)}
			if d := diff([]int64{1, 1}, got); d != "" {
				t.Errorf("rows, files in the ledger %s", d)
			}
		})
	}
}

// A form approved a minute before or after its pay cut-off stays exactly
// that far from it: local times are Oslo's, across the change to summer
// time too (01:59 CET and 03:00 CEST are a minute apart), and an offset's
// microseconds are kept.
func TestFormsCutoffRoundTrip(t *testing.T) {
	e := newEnv(t)
	p := e.file("skjema.csv",
		"Skjema;Lønnsfrist;Godkjent",
		"S-1;2026-01-09 12:00;2026-01-09 11:59",
		"S-2;09.01.2026 12:00;09.01.2026 12:01",
		"S-3;2026-03-29 01:59;2026-03-29 03:00",
		"S-4;2026-06-10T12:00:00.123456+02:00;2026-06-10T10:01:00.123456Z",
	)
	e.mustLoad(ingest.FormsInFlow, p)
	at := func(y int, m time.Month, d, h, mi int, loc *time.Location) int64 {
		return time.Date(y, m, d, h, mi, 0, 0, loc).UnixMicro()
	}
	want := [][2]int64{
		{at(2026, 1, 9, 12, 0, oslo), at(2026, 1, 9, 11, 59, oslo)},
		{at(2026, 1, 9, 12, 0, oslo), at(2026, 1, 9, 12, 1, oslo)},
		{at(2026, 3, 29, 0, 59, time.UTC), at(2026, 3, 29, 1, 0, time.UTC)},
		{at(2026, 6, 10, 10, 0, time.UTC) + 123456, at(2026, 6, 10, 10, 1, time.UTC) + 123456},
	}
	rows, err := e.store.DB.QueryContext(context.Background(),
		`SELECT epoch_us(pay_cutoff), epoch_us(approved_at), abs(epoch_us(approved_at) - epoch_us(pay_cutoff))
		FROM raw_forms_in_flow ORDER BY line`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got [][2]int64
	for rows.Next() {
		var cutoff, approved, apart int64
		if err := rows.Scan(&cutoff, &approved, &apart); err != nil {
			t.Fatal(err)
		}
		if apart != time.Minute.Microseconds() {
			t.Errorf("row %d: approved %d µs from the cut-off, want a minute", len(got)+1, apart)
		}
		got = append(got, [2]int64{cutoff, approved})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if d := diff(want, got); d != "" {
		t.Errorf("pay_cutoff, approved_at in µs %s", d)
	}
}

// Parquet gives booleans and zoned times typed; a time without a zone is
// Oslo's, as in a CSV file.
func TestFormsParquet(t *testing.T) {
	e := newEnv(t)
	p, _ := e.parquetFile("skjema.parquet", `SELECT * FROM (VALUES
		('S-1', true, TIMESTAMPTZ '2026-01-09 11:00:00+00', TIMESTAMP '2026-01-09 12:01:00'),
		('S-2', NULL, NULL, NULL)
	) t(form_id, affects_pay, pay_cutoff, approved_at)`, 10)
	e.mustLoad(ingest.FormsInFlow, p)
	want := []string{
		"1 | S-1 | true | 2026-01-09 11:00 | 2026-01-09 11:01",
		"2 | S-2 | NULL | NULL | NULL",
	}
	got := e.texts(rowsOf("raw_forms_in_flow", "line", "form_id", "affects_pay", formCols[10], "approved_at"))
	if d := diff(want, got); d != "" {
		t.Errorf("raw_forms_in_flow %s", d)
	}
}
