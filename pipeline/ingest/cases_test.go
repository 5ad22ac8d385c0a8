package ingest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// caseQuery selects columns of raw_cases as one text a row, " | " between
// values, NULL for null, times in UTC to the millisecond.
func caseQuery(cols ...string) string {
	return tableQuery("raw_cases", cols...)
}

func tableQuery(table string, cols ...string) string {
	exprs := make([]string, len(cols))
	for i, c := range cols {
		v := c + "::VARCHAR"
		if strings.HasSuffix(c, "_date") || strings.HasSuffix(c, "_at") {
			v = fmt.Sprintf("strftime(%s AT TIME ZONE 'UTC', '%%Y-%%m-%%d %%H:%%M:%%S.%%g')", c)
		}
		exprs[i] = fmt.Sprintf("coalesce(%s, 'NULL')", v)
	}
	return fmt.Sprintf("SELECT concat_ws(' | ', %s) FROM %s ORDER BY file_id, line", strings.Join(exprs, ", "), table)
}

// norwegianCases is a TOPdesk UI export in Norwegian: every title is in the
// default aliases of cases-csv, and "Kort beskrivelse" is not a column.
var norwegianCases = []string{
	"Meldingsnummer;Meldingsdato;Melders enhet;Operatørgruppe;Behandlingsstatus;Kategori;Fullført;Antall gjenåpninger;Kort beskrivelse",
	"M 2601 001;2026-01-14 10:05;Institutt for fysikk;Lønn;Fullført;Lønn;2026-01-16 14:30;0;Feil i lønnsslipp",
	"M 2601 002;2026-06-15 09:00:30;Institutt for kjemi;Reise;I arbeid;Reiseregning;;ja;Reiseregning mangler",
	"M 2601 003;;Institutt for kjemi;Reise;Registrert;Reiseregning;;;Uten dato",
	"M 2601 004;2026-06-15 09:00;;;Registrert;;;kanskje;",
}

func TestCasesCSVNorwegianExport(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	p := e.file("meldinger.csv", norwegianCases...)
	res, stderr, err := e.load(ingest.CasesCSV, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// Oslo is UTC+1 in January and UTC+2 in June. Statuses stay as they
	// came; cases.status_map is applied in SQL.
	got := e.texts(caseQuery("line", "number", "call_date", "creation_date", "caller_unit", "operator_group",
		"status", "category", "completed_date", "reopened"))
	want := []string{
		"2 | M 2601 001 | 2026-01-14 09:05:00.000 | NULL | Institutt for fysikk | Lønn | Fullført | Lønn | " +
			"2026-01-16 13:30:00.000 | 0",
		"3 | M 2601 002 | 2026-06-15 07:00:30.000 | NULL | Institutt for kjemi | Reise | I arbeid | Reiseregning | " +
			"NULL | 1",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_cases %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: "neither a call date nor a creation date"},
		{Line: 5, Reason: `reopened: "kanskje": want a count, true/false or ja/nei`},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
}

func TestCasesCSVHeaderProblems(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct{ name, header, want string }{
		{"no number", "call_date,status", `no column "number"`},
		{"no date", "number,status", "no column call_date or creation_date"},
		{"two titles for one column", "number,nummer,call_date", `columns "number" and "nummer" both map to number`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := e.in(t)
			p := e.file(strings.ReplaceAll(tc.name, " ", "-")+".csv", tc.header, "M 1,2026-01-14 10:05,x")
			_, _, err := e.load(ingest.CasesCSV, p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	if n := e.count(`SELECT count(*) FROM raw_cases`); n != 0 {
		t.Errorf("raw_cases holds %d rows", n)
	}
}

// someCases is a cases CSV of n rows, every k-th (lines k+1, 2k+1, …) with
// a bad date; k = 0 for none.
func someCases(n, k int) []string {
	lines := []string{"number,call_date,status"}
	for i := 1; i <= n; i++ {
		date := fmt.Sprintf("2026-01-%02d 10:00", 1+i%28)
		if k > 0 && i%k == 0 {
			date = "i går"
		}
		lines = append(lines, fmt.Sprintf("M %d,%s,Registrert", i, date))
	}
	return lines
}

func TestCasesSameFileTwice(t *testing.T) {
	e := newEnv(t)
	lines := someCases(10, 0)
	first := e.mustLoad(ingest.CasesCSV, e.file("cases.csv", lines...))[0]
	res := e.mustLoad(ingest.CasesCSV, e.file("cases-again.csv", lines...))
	if d := res[0].Duplicate; d == nil || d.ID != first.FileID {
		t.Errorf("Duplicate = %+v, want file %d", d, first.FileID)
	}
	got := []int64{e.count(`SELECT count(*) FROM raw_cases`), e.count(`SELECT count(*) FROM ingest_files`)}
	if d := diff([]int64{10, 1}, got); d != "" {
		t.Errorf("raw_cases rows, ledger rows %s", d)
	}
}

func TestCasesOverRejectLimit(t *testing.T) {
	e := newEnv(t)
	p := e.file("cases.csv", someCases(100, 50)...) // rows 50 and 100 bad: 2 %
	res, _, err := e.load(ingest.CasesCSV, p)
	var ref *ingest.RefusedError
	if len(res) != 0 || !errors.As(err, &ref) {
		t.Fatalf("results %+v, error %v: want a *RefusedError", res, err)
	}
	if ref.Rows != 98 || len(ref.Rejects) != 2 || ref.Rejects[0].Line != 51 {
		t.Errorf("refused rows %d, rejects %+v: want 98 and lines 51, 101", ref.Rows, ref.Rejects)
	}
	got := e.texts(`SELECT concat_ws(' ', status, rows_accepted, rows_rejected) FROM ingest_files`)
	if d := diff([]string{"refused 0 2"}, got); d != "" {
		t.Errorf("ledger %s", d)
	}
	if n := e.count(`SELECT count(*) FROM raw_cases`); n != 0 {
		t.Errorf("raw_cases holds %d rows of a refused file", n)
	}
}
