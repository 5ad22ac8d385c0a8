package reports

import (
	"archive/zip"
	"html"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withCases adds case tables and an hour KPI to a sample quarter.
func withCases(q *Quarterly) *Quarterly {
	q.KPIs = append(q.KPIs,
		KPI{ID: "cases.resolution_bh_p50", Value: num(7.25), Unit: "h", Target: num(16), Comparison: "<=", Met: flag(true), N: 40})
	q.Previous = append(q.Previous, KPI{ID: "cases.resolution_bh_p50", Value: num(9.5), Unit: "h"})
	q.CasesByCategory = []CaseBreakdown{
		{Key: "Reiseregning", Opened: 120, Resolved: 110, Backlog: 14, ResponseP50: num(1.5), ResolutionP50: num(6.25), ResolutionP90: num(30)},
		{Key: "Lønn", Opened: 80, Resolved: 85, Backlog: 3, ResponseP50: num(0.75), ResolutionP50: num(4)},
		{Key: "=HYPERLINK(\"x\")", Opened: 1},
	}
	q.CasesByGroup = []CaseBreakdown{
		{Key: "Lønn og HR-tjenester", Opened: 150, Resolved: 140, Backlog: 12, ResponseP50: num(1), ResolutionP50: num(5), ResolutionP90: num(25)},
		{Key: "Reise", Opened: 51, Resolved: 55, Backlog: 5},
	}
	q.CasesByUnit = []CaseBreakdown{
		{Key: "IE", Name: "Fakultet for informasjonsteknologi og elektroteknikk", Opened: 60, Resolved: 58, Backlog: 4, ResolutionP50: num(5.5)},
		{Key: "IE-IDI", Name: "Institutt for datateknologi og informatikk", Opened: 30, Resolved: 29, Backlog: 2},
	}
	return q
}

// chartCount is how many chart parts the .xlsx at path holds.
func chartCount(t *testing.T, path string) int {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	n := 0
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.HasSuffix(zf.Name, ".xml") {
			n++
		}
	}
	return n
}

func TestCasesSheet(t *testing.T) {
	f, _ := writeSample(t, withCases(sampleQuarterly("nb")))
	const sheet = "Saker"
	tests := []struct{ ref, want string }{
		{"A3", "Per kategori"},
		{"A4", "Kategori"},
		{"G4", "90-persentil til løsning, timer (arbeidstid)"},
		{"A5", "Reiseregning"},
		{"B5", "120"},
		{"C5", "110"},
		{"D5", "14"},
		{"E5", "1.5"},
		{"F5", "6.3"}, // 6.25 shown with one decimal
		{"G5", "30.0"},
		{"G6", ""}, // no p90 for Lønn
		{"A7", `=HYPERLINK("x")`},
		{"A9", "Per operatørgruppe"},
		{"A10", "Operatørgruppe"},
		{"A11", "Lønn og HR-tjenester"},
		{"A12", "Reise"},
		{"E12", ""},
	}
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheet, tt.ref); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
		}
	}
	if got := raw(t, f, sheet, "F5"); got != 6.25 {
		t.Errorf("F5 = %v, want 6.25 hours as a number", got)
	}
	if got := numFmt(t, f, sheet, "F5"); got != "0.0" {
		t.Errorf("hours format = %q, want 0.0", got)
	}
	if formula, _ := f.GetCellFormula(sheet, "A7"); formula != "" {
		t.Errorf("A7 formula = %q, want none", formula)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("panes = %+v, want frozen above row 5", panes)
	}
	if got := filterOf(f, sheet); got != "'Saker'!$A$4:$G$7" {
		t.Errorf("autofilter = %q, want the category table", got)
	}
}

func TestUnitsSheet(t *testing.T) {
	f, _ := writeSample(t, withCases(sampleQuarterly("en")))
	const sheet = "Units"
	tests := []struct{ ref, want string }{
		{"A3", "Unit code"},
		{"B3", "Name"},
		{"C3", "Opened"},
		{"H3", "90th percentile to resolution, hours (business time)"},
		{"A4", "IE"},
		{"B4", "Fakultet for informasjonsteknologi og elektroteknikk"},
		{"C4", "60"},
		{"G4", "5.5"},
		{"A5", "IE-IDI"},
		{"G5", ""},
		{"A6", ""},
	}
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheet, tt.ref); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
		}
	}
	if got := filterOf(f, sheet); got != "'Units'!$A$3:$H$5" {
		t.Errorf("autofilter = %q, want the unit table", got)
	}
}

func TestCasesChart(t *testing.T) {
	_, without := writeSample(t, sampleQuarterly("nb"))
	_, with := writeSample(t, withCases(sampleQuarterly("nb")))
	before, after := chartCount(t, without), chartCount(t, with)
	if after != before+1 {
		t.Fatalf("charts: %d without case data, %d with; want one more", before, after)
	}
	chart := html.UnescapeString(zipEntry(t, with, "xl/charts/chart2.xml"))
	for _, want := range []string{"barChart", `<barDir val="bar"`, "'Saker'!$C$5:$C$7", "'Saker'!$A$5:$A$7"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the cases chart lacks %s", want)
		}
	}
	if rels := zipEntry(t, with, "xl/worksheets/_rels/sheet4.xml.rels"); !strings.Contains(rels, "drawing") {
		t.Error("the chart's drawing is not on the cases sheet")
	}
}

func TestEmptyCaseTablesSayNoData(t *testing.T) {
	f, path := writeSample(t, sampleQuarterly("nb"))
	for _, c := range []struct{ sheet, ref string }{{"Saker", "A4"}, {"Saker", "A7"}, {"Enheter", "A3"}} {
		if got, _ := f.GetCellValue(c.sheet, c.ref); got != "Ingen data" {
			t.Errorf("%s!%s = %q, want Ingen data", c.sheet, c.ref, got)
		}
	}
	if n := chartCount(t, path); n != 1 {
		t.Errorf("%d charts, want only the phone trend", n)
	}
}

func TestHoursKPIIsANumberWithSuffix(t *testing.T) {
	for _, tt := range []struct{ lang, sheet, format string }{
		{"nb", "Sammendrag", `0.0" t"`},
		{"en", "Summary", `0.0" h"`},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			f, _ := writeSample(t, withCases(sampleQuarterly(tt.lang)))
			row := rowOf(t, f, tt.sheet, messages[tt.lang]["cases.resolution_bh_p50"])
			if got := raw(t, f, tt.sheet, cell(2, row)); got != 7.25 {
				t.Errorf("value = %v, want 7.25 hours, not a fraction of a day", got)
			}
			if got := numFmt(t, f, tt.sheet, cell(2, row)); got != tt.format {
				t.Errorf("value format = %q, want %q", got, tt.format)
			}
			if got := numFmt(t, f, tt.sheet, cell(3, row)); got != `"≤ "`+tt.format {
				t.Errorf("target format = %q", got)
			}
			if got := raw(t, f, tt.sheet, cell(6, row)); got != -2.25 {
				t.Errorf("change = %v, want -2.25", got)
			}
			if got := numFmt(t, f, tt.sheet, cell(6, row)); !strings.Contains(got, tt.format[3:]) {
				t.Errorf("change format = %q, want the hour suffix", got)
			}
		})
	}
}

func TestAboutDefinesCaseKPIs(t *testing.T) {
	f, _ := writeSample(t, withCases(sampleQuarterly("nb")))
	for _, id := range caseTableKPIs {
		find(t, f, "Om rapporten", id)
		find(t, f, "Om rapporten", messages["nb"]["def."+id])
	}
}

// filterOf is the autofilter range defined for sheet, or "".
func filterOf(f *excelize.File, sheet string) string {
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			return dn.RefersTo
		}
	}
	return ""
}
