package ingest_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// workbook writes a workbook whose first sheet, named sheet, holds cells
// (by reference, e.g. "B2"); date cells get a date style, as Excel gives them.
func (e *env) workbook(name, sheet string, cells map[string]any, dateCells ...string) string {
	e.t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sheet))
	for ref, v := range cells {
		must(f.SetCellValue(sheet, ref, v))
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	must(err)
	for _, ref := range dateCells {
		must(f.SetCellStyle(sheet, ref, ref, style))
	}
	p := filepath.Join(e.dir, name)
	must(f.SaveAs(p))
	return p
}

func TestCasesXLSX(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see the bad row
	p := e.workbook("saker.xlsx", "Ark1", map[string]any{
		"A1": "Meldingsnummer", "B1": "Meldingsdato", "C1": "Opprettet", "D1": "Behandlingsstatus",
		"E1": "on_hold_s", "F1": "Gjenåpnet",
		// 46036 days after 1899-12-30 is 2026-01-14; 605/1440 of a day is
		// 10:05, Oslo winter time: 09:05Z.
		"A2": "X-1", "B2": 46036.42013888889, "C2": "2026-01-14 10:06", "D2": "Registrert", "E2": 120, "F2": true,
		// Row 3 is empty. A time.Time cell is its wall clock as a serial:
		// 09:00 in June is UTC+2, 07:00Z.
		"A4": 12345, "B4": time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC), "D4": "Tildelt", "F4": 2,
		"A5": "X-3", "B5": "14/01/2026", "D5": "Registrert",
	}, "B2", "B4")
	res, stderr, err := e.load(ingest.CasesXLSX, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	got := e.texts(caseQuery("line", "number", "call_date", "creation_date", "status", "on_hold_s", "reopened"))
	want := []string{
		"2 | X-1 | 2026-01-14 09:05:00.000 | 2026-01-14 09:06:00.000 | Registrert | 120.0 | 1",
		"4 | 12345 | 2026-06-15 07:00:00.000 | NULL | Tildelt | NULL | 2",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_cases %s", d)
	}
	wantRejects := []store.Reject{{Line: 5, Reason: `call_date: time "14/01/2026": ` +
		`want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]`}}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
}

func TestCasesXLSXNotAWorkbook(t *testing.T) {
	e := newEnv(t)
	p := e.file("saker.xlsx", "number,call_date", "M 1,2026-01-14 10:05")
	if _, _, err := e.load(ingest.CasesXLSX, p); err == nil {
		t.Errorf("a CSV file named .xlsx loaded as a workbook")
	}
}

func TestUnitsXLSX(t *testing.T) {
	e := newEnv(t)
	p := e.workbook("enheter.xlsx", "Enheter", map[string]any{
		"A1": "Kode", "B1": "Navn", "C1": "Overordnet", "D1": "E-post",
		"A2": "NV", "B2": "Fakultet for naturvitenskap",
		"A3": "NV-IFY", "B3": "Institutt for fysikk", "C3": "NV", "D3": "post@ify.ntnu.no",
	})
	e.mustLoad(ingest.Units, p)
	got := e.texts(tableQuery("raw_units", "line", "code", "name", "parent", "contact_email"))
	want := []string{
		"2 | NV | Fakultet for naturvitenskap | NULL | NULL",
		"3 | NV-IFY | Institutt for fysikk | NV | post@ify.ntnu.no",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_units %s", d)
	}
}
