package reports

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withHires adds the new-hire and travel figures and their day KPIs to a
// sample quarter: the centre, three units (one without paid claims) and the
// travel threshold in force.
func withHires(q *Quarterly) *Quarterly {
	q.KPIs = append(q.KPIs,
		KPI{ID: "newhire.lead_bd_p50", Value: num(4.5), Unit: "d", Target: num(5), Comparison: "<=", Met: flag(true), N: 30},
		KPI{ID: "newhire.before_first_run", Value: num(0.85), Unit: "share", N: 20},
		KPI{ID: "travel.days_to_pay_p50", Value: num(12.5), Unit: "d", N: 200})
	q.Previous = append(q.Previous, KPI{ID: "newhire.lead_bd_p50", Value: num(6), Unit: "d"})
	q.HiresTravelAll = HireTravelRow{NewHires: 30, LeadP50: num(4.5), BeforeCutoff: num(0.85),
		Claims: 200, DaysP50: num(12.5), PaidWithin: num(0.6)}
	q.HiresTravel = []HireTravelRow{
		{Key: "IE", Name: "Fakultet for informasjonsteknologi og elektroteknikk", NewHires: 12, LeadP50: num(3),
			BeforeCutoff: num(0.9), Claims: 80, DaysP50: num(9), PaidWithin: num(0.75)},
		{Key: "=1+2", Name: "Enhet uten reiser", NewHires: 2, LeadP50: num(7.25)},
		{Key: "HF", Name: "Det humanistiske fakultet", Claims: 40, DaysP50: num(16.5), PaidWithin: num(0.4)},
	}
	q.Config = append(q.Config, [2]string{paidWithinKey, "14"})
	return q
}

func TestHiresTravelSheet(t *testing.T) {
	f, _ := writeSample(t, withHires(sampleQuarterly("nb")))
	const sheet = "Nyansatte og reiser"
	tests := []struct{ ref, want, format string }{
		{"A1", "Nyansatte og reiseregninger 2026Q3", ""},
		{"A3", "Enhetskode", ""},
		{"H3", "Andel utbetalt innen 14 dager", ""},
		{"B4", "Hele tjenestesenteret", ""},
		{"C4", "30", fmtCount},
		{"D4", "4.5", fmtDays},
		{"E4", "85.0%", fmtShare},
		{"F4", "200", fmtCount},
		{"G4", "12.5", fmtDays},
		{"H4", "60.0%", fmtShare},
		{"A5", "IE", ""},
		{"A6", "=1+2", ""},
		{"E6", "", fmtShare}, // no one started: no share
		{"F6", "0", fmtCount},
		{"G6", "", fmtDays},
		{"C7", "0", fmtCount},
		{"D7", "", fmtDays},
		{"G7", "16.5", fmtDays},
	}
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheet, tt.ref); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
		}
		if tt.format != "" {
			if got := numFmt(t, f, sheet, tt.ref); got != tt.format {
				t.Errorf("%s format = %q, want %q", tt.ref, got, tt.format)
			}
		}
	}
	if got := raw(t, f, sheet, "E5"); got != 0.9 {
		t.Errorf("E5 = %v, want the share 0.9 as a number", got)
	}
	if formula, _ := f.GetCellFormula(sheet, "A6"); formula != "" {
		t.Errorf("A6 formula = %q, want none", formula)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != hiresHeadRow {
		t.Errorf("panes = %+v, want frozen above row %d", panes, hiresHeadRow+1)
	}
	if got := filterOf(f, sheet); got != "'Nyansatte og reiser'!$A$3:$H$7" {
		t.Errorf("autofilter = %q, want the centre and unit rows", got)
	}
	if w, _ := f.GetColWidth(sheet, "B"); w != hiresWidths[1] {
		t.Errorf("column B width = %v, want %v", w, hiresWidths[1])
	}
}

func TestHiresTravelChart(t *testing.T) {
	f, path := writeSample(t, withHires(sampleQuarterly("en")))
	const sheet = "New hires and travel"
	head := rowOf(t, f, sheet, "Median days to pay travel claims by unit, longest first") + 2
	for i, want := range []string{"HF", "IE"} { // longest first; the unit without claims left out
		if got, _ := f.GetCellValue(sheet, cell(1, head+1+i)); got != want {
			t.Errorf("chart row %d = %q, want %q", i+1, got, want)
		}
	}
	if got, _ := f.GetCellValue(sheet, cell(1, head+3)); got != "" {
		t.Errorf("a third chart row %q, want none", got)
	}
	if got := raw(t, f, sheet, cell(3, head+1)); got != 16.5 {
		t.Errorf("HF's median = %v, want 16.5", got)
	}
	if n := chartCount(t, path); n != 2 {
		t.Fatalf("%d charts, want the phone trend and days to pay", n)
	}
	chart := html.UnescapeString(zipEntry(t, path, "xl/charts/chart2.xml"))
	values := "'New hires and travel'!$C$" + strconv.Itoa(head+1) + ":$C$" + strconv.Itoa(head+2)
	for _, want := range []string{"barChart", values, "'New hires and travel'!$A$"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the days-to-pay chart lacks %s", want)
		}
	}
	if rels := zipEntry(t, path, "xl/worksheets/_rels/sheet6.xml.rels"); !strings.Contains(rels, "drawing") {
		t.Error("the chart's drawing is not on the new-hire and travel sheet")
	}
}

func TestHiresTravelWithoutData(t *testing.T) {
	f, path := writeSample(t, sampleQuarterly("nb"))
	if got, _ := f.GetCellValue("Nyansatte og reiser", "A3"); got != "Ingen data" {
		t.Errorf("A3 = %q, want Ingen data", got)
	}
	if n := chartCount(t, path); n != 1 {
		t.Errorf("%d charts, want only the phone trend", n)
	}

	q := sampleQuarterly("en")
	q.HiresTravelAll = HireTravelRow{NewHires: 3}
	f, path = writeSample(t, q)
	const sheet = "New hires and travel"
	for ref, want := range map[string]string{
		"B4": "Whole service centre", "C4": "3", "D4": "", "A5": "",
		"H3": "Share paid within the limit", // no threshold given
	} {
		if got, _ := f.GetCellValue(sheet, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if n := chartCount(t, path); n != 1 {
		t.Errorf("%d charts, want no chart without unit medians", n)
	}
}

func TestDaysKPIIsANumberWithSuffix(t *testing.T) {
	for _, tt := range []struct{ lang, sheet string }{{"nb", "Sammendrag"}, {"en", "Summary"}} {
		t.Run(tt.lang, func(t *testing.T) {
			f, _ := writeSample(t, withHires(sampleQuarterly(tt.lang)))
			row := rowOf(t, f, tt.sheet, messages[tt.lang]["newhire.lead_bd_p50"])
			if got := raw(t, f, tt.sheet, cell(2, row)); got != 4.5 {
				t.Errorf("value = %v, want 4.5 days", got)
			}
			for col, want := range map[int]string{2: `0.0" d"`, 3: `"≤ "0.0" d"`, 6: `+0.0" d";-0.0" d";0.0" d"`} {
				if got := numFmt(t, f, tt.sheet, cell(col, row)); got != want {
					t.Errorf("column %d format = %q, want %q", col, got, want)
				}
			}
			if got, _ := f.GetCellValue(tt.sheet, cell(2, row)); got != "4.5 d" {
				t.Errorf("value shows %q, want 4.5 d", got)
			}
			if got := raw(t, f, tt.sheet, cell(6, row)); got != -1.5 {
				t.Errorf("change = %v, want -1.5", got)
			}
		})
	}
}

func TestAboutDefinesHireKPIs(t *testing.T) {
	f, _ := writeSample(t, withHires(sampleQuarterly("en")))
	for _, id := range append(hiresTableKPIs, "newhire.lead_bd_p50") {
		find(t, f, "About", id)
		find(t, f, "About", messages["en"]["def."+id])
	}
	if got := messages["en"]["def.travel.paid_within_14d"]; !strings.Contains(got, "14 days") {
		t.Errorf("paid-within definition %q does not name the default limit", got)
	}
}

// TestNoMessageIDShows looks for a label that fell back to its message id
// in every sheet of both workbooks, in both languages.
func TestNoMessageIDShows(t *testing.T) {
	id := regexp.MustCompile(`^((about|chart|col|label|note|section|sheet|subtitle|title|unit|payroll\.col|payroll\.severity)\.[a-z_.]+|payroll\.(yes|no))$`)
	for _, lang := range []string{"nb", "en"} {
		q, _ := writeSample(t, withHires(withCases(sampleQuarterly(lang))))
		u := writeUnitSample(t, withPeople(sampleUnit(lang)))
		for _, f := range []*excelize.File{q, u} {
			for _, sheet := range f.GetSheetList() {
				rows, _ := f.GetRows(sheet)
				for r, row := range rows {
					for c, v := range row {
						if id.MatchString(v) {
							t.Errorf("%s: %s!%s shows the message id %q", lang, sheet, cell(c+1, r+1), v)
						}
					}
				}
			}
		}
	}
}
