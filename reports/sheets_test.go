package reports

import (
	"html"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestMetColumn(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("nb"))
	tests := []struct {
		name, ref, want string
		grey            bool
	}{
		{"met", "D4", "● Oppfylt", false},
		{"not met", "D5", "● Ikke oppfylt", false},
		{"nil with target", "D6", "", true},
		{"no target", "D7", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := f.GetCellValue("Sammendrag", tt.ref); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
			}
			id, _ := f.GetCellStyle("Sammendrag", tt.ref)
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			grey := len(st.Fill.Color) > 0 && strings.EqualFold(strings.TrimPrefix(st.Fill.Color[0], "#"), colourNA)
			if grey != tt.grey {
				t.Errorf("%s grey = %v (fill %v), want %v", tt.ref, grey, st.Fill.Color, tt.grey)
			}
		})
	}
	formats, err := f.GetConditionalFormats("Sammendrag")
	if err != nil {
		t.Fatal(err)
	}
	rules := formats["D4:D9"]
	if len(rules) != 2 || rules[0].Value != `"● Oppfylt"` || rules[1].Value != `"● Ikke oppfylt"` {
		t.Errorf("conditional formats on D4:D9 = %+v, want met and not-met rules", formats)
	}
}

func TestPhoneSheetHasChart(t *testing.T) {
	_, path := writeSample(t, sampleQuarterly("nb"))
	chart := html.UnescapeString(zipEntry(t, path, "xl/charts/chart1.xml"))
	if chart == "" {
		t.Fatal("xl/charts/chart1.xml missing")
	}
	if n := strings.Count(chart, "<ser>"); n != 2 {
		t.Errorf("chart has %d series, want ASA and target", n)
	}
	if !strings.Contains(chart, "'Telefon'!$B$") {
		t.Error("chart does not read the phone sheet's ASA column")
	}
	if rels := zipEntry(t, path, "xl/worksheets/_rels/sheet3.xml.rels"); !strings.Contains(rels, "drawing") {
		t.Error("the chart's drawing is not on the phone sheet")
	}
}

func TestFrozenHeadersAndFilters(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("nb"))
	tests := []struct {
		sheet  string
		ySplit int
		filter string
	}{
		{"Sammendrag", 3, "'Sammendrag'!$A$3:$J$9"},
		{"Telefon", 4, "'Telefon'!$A$4:$I$7"},
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			panes, err := f.GetPanes(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != tt.ySplit {
				t.Errorf("panes = %+v, want frozen above row %d", panes, tt.ySplit+1)
			}
			if got := filters[tt.sheet]; got != tt.filter {
				t.Errorf("autofilter = %q, want %q", got, tt.filter)
			}
		})
	}
}

func TestPrintSetup(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("en"))
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || !*props.FitToPage {
			t.Errorf("%s: orientation %s, fit to width %d, fit to page %v; want landscape on one page wide",
				sheet, *layout.Orientation, *layout.FitToWidth, *props.FitToPage)
		}
	}
}

func TestAboutSheet(t *testing.T) {
	q := sampleQuarterly("nb")
	f, _ := writeSample(t, q)
	const about = "Om rapporten"
	find(t, f, about, q.Files[0].SHA256)
	find(t, f, about, "phone.service_level")
	find(t, f, about, messages["nb"]["def.phone.asa_s"])
	find(t, f, about, "phone.short_abandon_s")

	ref := find(t, f, about, "stengt")
	col, row, _ := excelize.CellNameToCoordinates(ref)
	date := cell(col-1, row)
	if got, _ := f.GetCellValue(about, date); got != "2026-07-24" {
		t.Errorf("closed day %s = %q, want 2026-07-24", date, got)
	}
	if got := numFmt(t, f, about, date); got != fmtDate {
		t.Errorf("closed day format = %q, want %s", got, fmtDate)
	}
	rows, _ := f.GetRows(about)
	for _, r := range rows {
		if strings.Contains(strings.Join(r, " "), "Grunnlovsdag") {
			t.Error("a closed day outside the quarter is listed")
		}
	}
	loaded := cell(6, rowOf(t, f, about, "queue_log-2026-09.txt"))
	if got, _ := f.GetCellValue(about, loaded); got != "2026-10-01 08:30" {
		t.Errorf("loaded-at = %q, want 2026-10-01 08:30 (Oslo time)", got)
	}
}

func rowOf(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	_, row, err := excelize.CellNameToCoordinates(find(t, f, sheet, text))
	if err != nil {
		t.Fatal(err)
	}
	return row
}

func TestInputTextIsNeverAFormula(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("nb"))
	for _, name := range []string{"=1+2", "@SUM(A1)", "+47", "-x"} {
		t.Run(name, func(t *testing.T) {
			ref := find(t, f, "Telefon", name)
			if formula, err := f.GetCellFormula("Telefon", ref); err != nil || formula != "" {
				t.Errorf("%s formula = %q (%v), want none", ref, formula, err)
			}
			typ, err := f.GetCellType("Telefon", ref)
			if err != nil || typ != excelize.CellTypeSharedString {
				t.Errorf("%s type = %v (%v), want a shared string", ref, typ, err)
			}
		})
	}
}

func TestHeatMap(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("en"))
	ref := find(t, f, "Phone", "10:00–11:00")
	col, row, _ := excelize.CellNameToCoordinates(ref)
	monday := cell(col+1, row)
	if got := raw(t, f, "Phone", monday); math.Abs(got-75.0/86400) > 1e-12 {
		t.Errorf("Monday 10:00 ASA = %v, want 75 s as a day fraction", got)
	}
	if got, _ := f.GetCellValue("Phone", cell(col+2, row)); got != "" {
		t.Errorf("Tuesday 10:00 ASA = %q, want empty", got)
	}
	formats, _ := f.GetConditionalFormats("Phone")
	found := false
	for _, rules := range formats {
		for _, r := range rules {
			found = found || r.Type == "3_color_scale"
		}
	}
	if !found {
		t.Error("no 3-colour scale on the phone sheet")
	}
}
