package ingest_test

import (
	"path/filepath"
	"testing"

	"slakpi/pipeline/ingest"
)

// Cases name the employee a Nyansettelse case registers, under any of
// cases-csv's aliases of employee_id.
func TestCasesEmployeeID(t *testing.T) {
	for _, tc := range []struct{ name, header string }{
		{"Ansattnummer", "Ansattnummer"},
		{"ansattnr", "ansattnr"},
		{"Nyansatt", "Nyansatt"},
		{"canonical", "employee_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			lines := []string{
				"Meldingsnummer;Meldingsdato;Kategori;" + tc.header,
				"M 1;2026-01-14 10:05;Nyansettelse;1001",
				"M 2;2026-01-14 10:06;Lønn;",
			}
			first := e.mustLoad(ingest.CasesCSV, e.file("saker.csv", lines...))[0]
			again := e.mustLoad(ingest.CasesCSV, e.file("saker-igjen.csv", lines...))[0]
			if d := again.Duplicate; d == nil || d.ID != first.FileID {
				t.Errorf("Duplicate = %+v, want file %d", d, first.FileID)
			}
			want := []string{"M 1 | Nyansettelse | 1001", "M 2 | Lønn | NULL"}
			if d := diff(want, e.texts(caseQuery("number", "category", "employee_id"))); d != "" {
				t.Errorf("raw_cases %s", d)
			}
		})
	}
}

func TestCasesEmployeeIDXLSXAndTopdesk(t *testing.T) {
	e := newEnv(t)
	p := e.workbook("saker.xlsx", "Ark1", map[string]any{
		"A1": "Meldingsnummer", "B1": "Opprettet", "C1": "Ansattnummer",
		"A2": "X-1", "B2": "2026-01-14 10:06", "C2": 1001,
	})
	e.mustLoad(ingest.CasesXLSX, p)
	e.mustLoad(ingest.TopdeskJSON, filepath.Join("testdata", "topdesk-array.json"))
	got := e.texts(`SELECT concat_ws(' ', count(*) FILTER (file_id = 2) > 0, count(employee_id), max(employee_id))
		FROM raw_cases`)
	if d := diff([]string{"true 1 1001"}, got); d != "" {
		t.Errorf("TOPdesk cases loaded, cases with an employee, the employee %s", d)
	}
}
