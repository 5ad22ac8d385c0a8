package cli_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// unitCases are three cases of three units; IE-IDI sits under IE.
var unitCases = []string{
	"number,call_date,caller_unit,operator_group,operator,status,category,completed_date",
	"SAK-IE-1,2026-02-02 09:00,IE-IDI,Lønn,=1+2,Fullført,Lønn,2026-02-03 10:00",
	"SAK-NV-1,2026-02-03 09:00,NV-IKJ,Lønn,Ola,Fullført,@SUM(A1),2026-02-04 10:00",
	"SAK-HF-1,2026-02-04 09:00,HF,HR-tjenester,Per,I arbeid,Ferie,",
}

var unitTree = []string{
	"code,name,parent,contact_email",
	"IE,Fakultet for informasjonsteknologi og elektroteknikk,,ie@example.org",
	"IE-IDI,Institutt for datateknologi og informatikk,IE,idi@example.org",
	"NV,Fakultet for naturvitenskap,,nv@example.org",
	"NV-IKJ,Institutt for kjemi,NV,ikj@example.org",
	"HF,Det humanistiske fakultet,,hf@example.org",
}

// cellTexts reads every cell of every sheet.
func cellTexts(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out = append(out, r...)
		}
	}
	return out
}

// Each unit's workbook holds its own cases (a faculty's include its
// departments') and no other unit's; text that looks like a formula stays text.
func TestUnitWorkbooksHoldOwnRowsOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "u.duckdb")
	mustRun(t, "ingest", "units", "--db", db, writeFile(t, dir, "units.csv", unitTree...))
	mustRun(t, "ingest", "cases", "--db", db, writeFile(t, dir, "cases.csv", unitCases...))
	out := filepath.Join(dir, "out")
	r := mustRun(t, "report", "units", "--quarter", "2026Q1", "--out", out, "--db", db)
	if n := strings.Count(r.stdout, "statusmote-"); n != 5 {
		t.Errorf("wrote %d workbooks, want one for each of the 5 units:\n%s", n, r.stdout)
	}
	all := []string{"SAK-IE-1", "SAK-NV-1", "SAK-HF-1"}
	for unit, own := range map[string][]string{
		"IE": {"SAK-IE-1"}, "IE-IDI": {"SAK-IE-1"}, "NV": {"SAK-NV-1"}, "NV-IKJ": {"SAK-NV-1"}, "HF": {"SAK-HF-1"},
	} {
		cells := cellTexts(t, filepath.Join(out, "statusmote-"+unit+"-2026Q1.xlsx"))
		for _, number := range all {
			if got, want := slices.Contains(cells, number), slices.Contains(own, number); got != want {
				t.Errorf("%s's workbook holds %s: %v, want %v", unit, number, got, want)
			}
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "statusmote-IE-2026Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for ri, row := range rows {
			for ci, v := range row {
				if v != "=1+2" {
					continue
				}
				found = true
				ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if formula, _ := f.GetCellFormula(sh, ref); formula != "" {
					t.Errorf("%s!%s holds formula %q, want the text =1+2", sh, ref, formula)
				}
			}
		}
	}
	if !found {
		t.Error("the operator =1+2 is not in IE's workbook as text")
	}
	// kpi --unit names the unit and counts its departments' cases.
	k := decodeKPIs(t, mustRun(t, "kpi", "--quarter", "2026Q1", "--unit", "IE", "--json", "--db", db).stdout)
	if string(k.Unit) != `"IE"` || k.value(t, "cases.opened") != 1 {
		t.Errorf("kpi --unit IE: unit %s, cases.opened %v; want \"IE\" and 1", k.Unit, k.value(t, "cases.opened"))
	}
	if r := run(t, "kpi", "--quarter", "2026Q1", "--unit", "XX", "--db", db); r.code != 1 || !strings.Contains(r.stderr, `"XX"`) {
		t.Errorf("kpi --unit XX: exit %d, stderr %q; want 1 naming the unit", r.code, r.stderr)
	}
}
