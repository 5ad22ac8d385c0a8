package reports

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func at(t time.Time) *time.Time { return &t }

// sampleUnit is a hand-made status-meeting report for unit IE: four
// quarters of KPIs with gaps, the centre's phone KPIs and two cases whose
// texts look like formulas.
func sampleUnit(lang string) *UnitReport {
	opened := func(v float64) KPI { return KPI{ID: "cases.opened", Value: num(v), Unit: "count", N: int64(v)} }
	p50 := func(v *float64) KPI { return KPI{ID: "cases.resolution_bh_p50", Value: v, Unit: "h"} }
	return &UnitReport{
		Unit:     Unit{Code: "IE", Name: "Fakultet for informasjonsteknologi og elektroteknikk", Parent: "NTNU"},
		Quarter:  "2026Q3",
		Lang:     lang,
		Quarters: []string{"2025Q4", "2026Q1", "2026Q2", "2026Q3"},
		KPIs: [][]KPI{
			{opened(10)},
			{opened(12), p50(num(9.5))},
			{opened(0), p50(nil)},
			{opened(14), p50(num(7.25)), {ID: "cases.reopened", Value: num(2), Unit: "count", N: 2}},
		},
		Phone: []KPI{
			{ID: "phone.asa_s", Value: num(41.5), Unit: "s", Target: num(60), Comparison: "<=", Met: flag(true), N: 900},
			{ID: "phone.service_level", Value: num(0.74), Unit: "share", Target: num(0.8), Comparison: ">=", Met: flag(false), N: 1000},
			{ID: "phone.abandon_rate", Unit: "share", Target: num(0.1), Comparison: "<="},
		},
		Cases: []CaseRow{
			{
				Number: "NH-1001", Category: "Reiseregning", Subcategory: "Utlegg", Unit: "IE-IDI",
				OperatorGroup: "Reise", Operator: "=1+2", Status: "Fullført",
				Started:       time.Date(2026, 7, 1, 6, 30, 0, 0, time.UTC),
				FirstResponse: at(time.Date(2026, 7, 1, 7, 0, 0, 0, time.UTC)),
				Resolved:      at(time.Date(2026, 12, 1, 12, 15, 0, 0, time.UTC)),
				ResponseH:     num(0.5), ResolutionH: num(12.25), Reopens: 1,
			},
			{
				Number: "NH-1002", Category: "@SUM(A1)", Subcategory: "+47", Unit: "IE",
				OperatorGroup: "-x", Operator: "Kari", Status: "I arbeid",
				Started: time.Date(2026, 9, 30, 21, 0, 0, 0, time.UTC),
			},
		},
		Version:     "1.2.3",
		GeneratedAt: time.Date(2026, 10, 2, 7, 0, 0, 0, time.UTC),
	}
}

// writeUnitSample writes u to a temporary workbook and opens it again.
func writeUnitSample(t *testing.T, u *UnitReport) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), UnitFileName(u.Unit.Code, u.Quarter))
	if err := WriteUnit(path, u); err != nil {
		t.Fatalf("WriteUnit: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return f
}

func TestUnitFileName(t *testing.T) {
	tests := []struct{ code, quarter, want string }{
		{"IE", "2026Q3", "statusmote-IE-2026Q3.xlsx"},
		{"ØK", "2026Q3", "statusmote-ØK-2026Q3.xlsx"},
		{"IE-IDI", "2026Q3", "statusmote-IE-IDI-2026Q3.xlsx"},
		{"../etc", "2026Q3", "statusmote-___etc-2026Q3.xlsx"},
		{"IE/IDI", "2026Q3", "statusmote-IE_IDI-2026Q3.xlsx"},
		{`IE\IDI`, "2026Q3", "statusmote-IE_IDI-2026Q3.xlsx"},
		{"..", "2026Q3", "statusmote-__-2026Q3.xlsx"},
		{"a b.c", "2026Q3", "statusmote-a_b_c-2026Q3.xlsx"},
		{"", "2026Q3", "statusmote-enhet-2026Q3.xlsx"},
		{"IE", "../2026Q3", "statusmote-IE-2026Q3.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got := UnitFileName(tt.code, tt.quarter)
			if got != tt.want {
				t.Errorf("UnitFileName(%q, %q) = %q, want %q", tt.code, tt.quarter, got, tt.want)
			}
			if strings.ContainsAny(got, `/\`) || strings.Contains(got, "..") {
				t.Errorf("%q could leave the output folder", got)
			}
		})
	}
}

func TestWriteUnitSheetNames(t *testing.T) {
	for lang, want := range map[string][]string{
		"nb": {"Nøkkeltall", "Saker", "Nyansatte", "Reiseregninger", "Lønnskontroll", "Om rapporten"},
		"en": {"Key figures", "Cases", "New hires", "Travel claims", "Payroll checks", "About"},
	} {
		t.Run(lang, func(t *testing.T) {
			f := writeUnitSample(t, sampleUnit(lang))
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}
		})
	}
}

func TestWriteUnitRejectsBadInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteUnit(path, nil); err == nil {
		t.Error("WriteUnit(nil): no error")
	}
	if err := WriteUnit(path, sampleUnit("de")); err == nil {
		t.Error("WriteUnit with lang de: no error")
	}
}

func TestUnitKeyFigures(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("nb"))
	const sheet = "Nøkkeltall"
	if got, _ := f.GetCellValue(sheet, "A1"); got != "Statusmøte Fakultet for informasjonsteknologi og elektroteknikk (IE) – 2026Q3" {
		t.Errorf("title = %q", got)
	}
	header, _ := f.GetRows(sheet)
	if got := header[unitHeadRow-1]; !slices.Equal(got, []string{"Nøkkeltall", "2025Q4", "2026Q1", "2026Q2", "2026Q3"}) {
		t.Errorf("header = %q, want the quarters oldest first", got)
	}
	tests := []struct{ ref, want, format string }{
		{"A5", "Saker opprettet", ""},
		{"B5", "10", fmtCount},
		{"D5", "0", fmtCount},
		{"E5", "14", fmtCount},
		{"A6", "Median løsningstid (arbeidstimer)", ""},
		{"B6", "", `0.0" t"`}, // not computed that quarter
		{"C6", "9.5 t", `0.0" t"`},
		{"D6", "", `0.0" t"`}, // computed, but rests on nothing
		{"E6", "7.3 t", `0.0" t"`},
		{"A7", "Løste saker som ble gjenåpnet", ""},
		{"D7", "", fmtCount},
		{"E7", "2", fmtCount},
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
}

func TestUnitPhoneContext(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("en"))
	const sheet = "Key figures"
	row := rowOf(t, f, sheet, "Phone (whole centre)")
	find(t, f, sheet, "Phone figures are for the whole service centre, since calls carry no unit.")
	head := row + 2
	if got, _ := f.GetCellValue(sheet, cell(2, head)); got != "Value 2026Q3" {
		t.Errorf("value heading = %q", got)
	}
	for i, want := range []string{"● Met", "● Not met", ""} {
		if got, _ := f.GetCellValue(sheet, cell(4, head+1+i)); got != want {
			t.Errorf("status of row %d = %q, want %q", head+1+i, got, want)
		}
	}
	if got := numFmt(t, f, sheet, cell(2, head+1)); got != fmtDuration {
		t.Errorf("ASA format = %q, want %s", got, fmtDuration)
	}
	formats, _ := f.GetConditionalFormats(sheet)
	if rules := formats[area(4, head+1, 4, head+3)]; len(rules) != 2 {
		t.Errorf("conditional formats = %+v, want met and not-met rules on the status column", formats)
	}
}

func TestUnitAbout(t *testing.T) {
	u := sampleUnit("nb")
	f := writeUnitSample(t, u)
	const about = "Om rapporten"
	find(t, f, about, "Denne arbeidsboka er laget til statusmøtet med Fakultet for informasjonsteknologi og elektroteknikk (IE) for 2026Q3. Den inneholder bare saker, nyansatte, reiseregninger og funn fra lønnskontrollen for enheten og enhetene under den. Telefontallene gjelder hele tjenestesenteret, fordi anrop ikke er knyttet til en enhet.")
	for _, id := range []string{"cases.opened", "cases.resolution_bh_p50", "cases.reopened", "phone.asa_s", "phone.abandon_rate"} {
		find(t, f, about, id)
		find(t, f, about, messages["nb"]["def."+id])
	}
	find(t, f, about, "1.2.3")
	generated := cell(2, rowOf(t, f, about, "1.2.3")+1)
	if got, _ := f.GetCellValue(about, generated); got != "2026-10-02 09:00" {
		t.Errorf("generated at = %q, want 2026-10-02 09:00 (Oslo time)", got)
	}
}

func TestUnitWithoutData(t *testing.T) {
	u := &UnitReport{Unit: Unit{Code: "HF"}, Quarter: "2026Q3", Quarters: []string{"2026Q3"}}
	f := writeUnitSample(t, u)
	for _, c := range []struct{ sheet, ref, want string }{
		{"Nøkkeltall", "A1", "Statusmøte HF – 2026Q3"},
		{"Nøkkeltall", "A4", "Ingen data"},
		{"Saker", "A4", "Ingen data"},
	} {
		if got, _ := f.GetCellValue(c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
	}
	if got := filterOf(f, "Saker"); got != "" {
		t.Errorf("autofilter on an empty list = %q", got)
	}
}

func TestUnitPrintSetup(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("nb"))
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: orientation %s, fit to width %d, fit to page %v; want landscape on one page wide",
				sheet, *layout.Orientation, *layout.FitToWidth, props.FitToPage)
		}
	}
}
