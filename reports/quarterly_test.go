package reports

import (
	"archive/zip"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func num(v float64) *float64 { return &v }
func flag(b bool) *bool      { return &b }

// sampleQuarterly is a small hand-made quarter: one KPI of each kind the
// tests look at, a couple of months, weeks, queues and files.
func sampleQuarterly(lang string) *Quarterly {
	oslo, _ := time.LoadLocation("Europe/Oslo")
	return &Quarterly{
		Quarter: "2026Q3", PreviousQuarter: "2026Q2", Lang: lang,
		KPIs: []KPI{
			{ID: "phone.asa_s", Value: num(41.5), Unit: "s", Target: num(60), Comparison: "<=", Met: flag(true), N: 900},
			{ID: "phone.service_level", Value: num(0.74), Unit: "share", Target: num(0.8), Comparison: ">=", Met: flag(false), N: 1000},
			{ID: "phone.abandon_rate", Unit: "share", Target: num(0.1), Comparison: "<="},
			{ID: "phone.p90_wait_s", Unit: "s"},
			{ID: "phone.offered", Value: num(1000), Unit: "count", N: 1000},
			{ID: "cases.mystery", Value: num(3), Unit: "count", N: 3},
		},
		Previous: []KPI{
			{ID: "phone.asa_s", Value: num(50), Unit: "s"},
			{ID: "phone.service_level", Value: num(0.70), Unit: "share"},
			{ID: "phone.offered", Value: num(1100), Unit: "count"},
		},
		Months: []PhonePeriod{
			{Label: "2026-07", Offered: 300, Answered: 280, Abandoned: 15, Flowout: 5, ASA: num(38), ServiceLevel: num(0.8), AbandonRate: num(0.05), MaxWait: num(3900)},
			{Label: "2026-08", Offered: 400, Answered: 370, Abandoned: 20, Flowout: 10, ASA: num(45), ServiceLevel: num(0.7), AbandonRate: num(0.05), MaxWait: num(600)},
			{Label: "2026-09", Offered: 300},
		},
		Weeks: []PhonePeriod{
			{Label: "2026-W27", Offered: 70, Answered: 65, Abandoned: 5, ASA: num(35), ServiceLevel: num(0.85), AbandonRate: num(0.07), MaxWait: num(240)},
			{Label: "2026-W28", Offered: 80, Answered: 70, Abandoned: 8, Flowout: 2, ASA: num(72), ServiceLevel: num(0.6), AbandonRate: num(0.1), MaxWait: num(500)},
		},
		Heat: []HeatCell{
			{Weekday: 1, Hour: 10, Calls: 120, ASA: num(75)},
			{Weekday: 1, Hour: 11, Calls: 90, ASA: num(50)},
			{Weekday: 3, Hour: 12, Calls: 60, ASA: num(20)},
			{Weekday: 5, Hour: 13, Calls: 30},
		},
		Trend: []PhonePeriod{
			{Label: "2026-04", ASA: num(55)}, {Label: "2026-05", ASA: num(62)}, {Label: "2026-06", ASA: num(48)},
			{Label: "2026-07", ASA: num(38)}, {Label: "2026-08", ASA: num(45)}, {Label: "2026-09"},
		},
		Queues: []QueueRow{
			{Queue: "lonn", Visits: 800, Answered: 760, AvgWait: num(40)},
			{Queue: "=1+2", Visits: 10, Answered: 9, AvgWait: num(12)},
			{Queue: "@SUM(A1)", Visits: 1},
			{Queue: "+47", Visits: 1},
			{Queue: "-x", Visits: 1},
		},
		Files: []InputFile{{
			Name: "queue_log-2026-09.txt", Kind: "phone", Rows: 12345, Rejected: 2,
			SHA256:   "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
			LoadedAt: time.Date(2026, 10, 1, 6, 30, 0, 0, time.UTC),
		}},
		Calendar: CalendarInfo{
			Timezone: "Europe/Oslo", PhoneHours: "Man–fre 10:00–14:00",
			ClosedDays: []NamedDay{
				{Date: time.Date(2026, 5, 17, 0, 0, 0, 0, oslo), Name: "Grunnlovsdag"},
				{Date: time.Date(2026, 7, 24, 0, 0, 0, 0, oslo), Name: "stengt"},
			},
		},
		Config:      [][2]string{{"phone.short_abandon_s", "5"}, {"phone.service_level_s", "60"}},
		Version:     "1.2.3",
		GeneratedAt: time.Date(2026, 10, 2, 7, 0, 0, 0, time.UTC),
	}
}

// writeSample writes q to a temporary workbook and opens it again.
func writeSample(t *testing.T, q *Quarterly) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), QuarterlyFileName(q.Quarter))
	if err := WriteQuarterly(path, q); err != nil {
		t.Fatalf("WriteQuarterly: %v", err)
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
	return f, path
}

// find returns the first cell of sheet whose text is want.
func find(t *testing.T, f *excelize.File, sheet, want string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("rows of %s: %v", sheet, err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == want {
				return cell(c+1, r+1)
			}
		}
	}
	t.Fatalf("sheet %s has no cell %q", sheet, want)
	return ""
}

// numFmt returns the custom number format of a cell.
func numFmt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatalf("style of %s!%s: %v", sheet, ref, err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("style %d: %v", id, err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// raw reads a cell's stored value as a number.
func raw(t *testing.T, f *excelize.File, sheet, ref string) float64 {
	t.Helper()
	s, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, not a number", sheet, ref, s)
	}
	return v
}

// zipEntry returns the text of one part of the .xlsx, or "" if absent.
func zipEntry(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, zf := range z.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return ""
}

func TestQuarterlyFileName(t *testing.T) {
	for in, want := range map[string]string{
		"2026Q3":        "kvartalsrapport-2026Q3.xlsx",
		"../2026Q3":     "kvartalsrapport-2026Q3.xlsx",
		"2026/Q3\\x.y:": "kvartalsrapport-2026Q3xy.xlsx",
	} {
		if got := QuarterlyFileName(in); got != want {
			t.Errorf("QuarterlyFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteQuarterlySheetNames(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"", []string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}},
		{"nb", []string{"Sammendrag", "Trender", "Telefon", "Saker", "Enheter", "Nyansatte og reiser", "Avvik", "Om rapporten"}},
		{"en", []string{"Summary", "Trends", "Phone", "Cases", "Units", "New hires and travel", "Deviations", "About"}},
	}
	for _, tt := range tests {
		t.Run("lang="+tt.lang, func(t *testing.T) {
			f, _ := writeSample(t, sampleQuarterly(tt.lang))
			if got := f.GetSheetList(); !slices.Equal(got, tt.want) {
				t.Errorf("sheets = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteQuarterlyRejectsUnknownLanguage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteQuarterly(path, sampleQuarterly("de")); err == nil {
		t.Fatal("WriteQuarterly with lang de: no error")
	}
	if err := WriteQuarterly(path, nil); err == nil {
		t.Fatal("WriteQuarterly(nil): no error")
	}
}

func TestSecondsAreExcelTime(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("nb"))
	if got := raw(t, f, "Sammendrag", "B4"); math.Abs(got-41.5/86400) > 1e-12 {
		t.Errorf("ASA cell = %v, want %v", got, 41.5/86400)
	}
	if got := numFmt(t, f, "Sammendrag", "B4"); got != "[m]:ss" {
		t.Errorf("ASA format = %q, want [m]:ss", got)
	}
	if got := numFmt(t, f, "Sammendrag", "C4"); !strings.Contains(got, "[m]:ss") {
		t.Errorf("target format = %q, want a m:ss format", got)
	}
	if got := numFmt(t, f, "Sammendrag", "B5"); got != "0.0%" {
		t.Errorf("service level format = %q, want 0.0%%", got)
	}
	if got := raw(t, f, "Sammendrag", "F4"); got != -8.5 {
		t.Errorf("ASA change = %v s, want -8.5", got)
	}
}

func TestNilValueIsEmpty(t *testing.T) {
	f, _ := writeSample(t, sampleQuarterly("nb"))
	for _, ref := range []string{"B6", "B7", "F6", "E7", "C7"} { // abandon rate, p90: no value
		v, err := f.GetCellValue("Sammendrag", ref)
		if err != nil || v != "" {
			t.Errorf("%s = %q (%v), want empty", ref, v, err)
		}
	}
}

func TestEmptyQuarter(t *testing.T) {
	f, _ := writeSample(t, &Quarterly{Quarter: "2026Q3"})
	if got, _ := f.GetCellValue("Telefon", "A5"); got != "Ingen data" {
		t.Errorf("empty month table A5 = %q, want Ingen data", got)
	}
	if got := f.GetSheetList(); len(got) != 8 {
		t.Errorf("sheets = %q, want 8", got)
	}
	for _, sheet := range []string{"Trender", "Saker", "Enheter", "Nyansatte og reiser", "Avvik"} {
		if _, err := f.GetCellValue(sheet, "A1"); err != nil {
			t.Errorf("%s: %v", sheet, err)
		}
	}
}
