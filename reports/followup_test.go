package reports

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// healthDetail is a sick-leave row's detail text: it must never show.
const healthDetail = "Diagnose: ryggsmerter"

// sampleFollowup is a hand-made follow-up as of 2026-09-30 for units IE,
// IE-IDI and HF: rows out of deadline order, some overdue, one without a
// deadline, a sick-leave row carrying a detail it must not show, and texts
// that look like formulas.
func sampleFollowup(lang string) *Followup {
	return &Followup{
		AsOf: day(2026, 9, 30),
		Lang: lang,
		Rows: []FollowupRow{
			{List: "leavers", Kind: "max_date", Unit: "IE-IDI", EmployeeID: "E200", Ref: "K-10", From: at(day(2023, 11, 15)),
				To: at(day(2026, 12, 31)), Deadline: at(day(2026, 11, 15)), Detail: "Midlertidig stipendiat"},
			{List: "leavers", Kind: "end_date", Unit: "HF", EmployeeID: "E201", Ref: "K-11", From: at(day(2026, 1, 1)),
				To: at(day(2026, 10, 15)), Deadline: at(day(2026, 10, 15))},
			{List: "leavers", Kind: "leaver", Unit: "IE", EmployeeID: "E202", Ref: "K-12", To: at(day(2026, 9, 15)),
				Deadline: at(day(2026, 9, 15))},
			{List: "sick_leave", Kind: "plan", Unit: "HF", EmployeeID: "E301", From: at(day(2026, 9, 10)),
				To: at(day(2026, 10, 20)), GradePct: num(50), Deadline: at(day(2026, 10, 8)), Detail: healthDetail},
			{List: "sick_leave", Kind: "plan", Unit: "IE-IDI", EmployeeID: "E302", From: at(day(2026, 9, 29)), GradePct: num(100)},
			{List: "sick_leave", Kind: "dialogue", Unit: "IE", EmployeeID: "E300", From: at(day(2026, 8, 1)),
				GradePct: num(100), Deadline: at(day(2026, 9, 19)), Overdue: true, Detail: healthDetail},
			{List: "refunds", Kind: "unpaid", Unit: "HF", EmployeeID: "E303", Ref: "NAV-77", From: at(day(2026, 5, 1)),
				To: at(day(2026, 6, 30)), Deadline: at(day(2026, 9, 1)), Overdue: true, Amount: num(18250.5)},
			{List: "refunds", Kind: "missing", Unit: "IE", EmployeeID: "E300", From: at(day(2026, 8, 1)),
				Deadline: at(day(2026, 8, 17)), Overdue: true},
			{List: "contracts", Kind: "started_unsigned", Unit: "HF", EmployeeID: "E401", Ref: "K-21",
				From: at(day(2026, 8, 15)), Detail: "+Signert etter start"},
			{List: "contracts", Kind: "unsigned", Unit: "IE", EmployeeID: "E400", Ref: "=HYPERLINK(\"x\")",
				From: at(day(2026, 10, 1)), Deadline: at(day(2026, 9, 10)), Overdue: true, Detail: "Sendt 2026-08-27"},
			{List: "forms", Kind: "blocking", Unit: "IE-IDI", EmployeeID: "E500", Ref: "S-9",
				Deadline: at(day(2026, 10, 5)), Detail: "Endring av stillingsprosent, venter på leder"},
		},
		Totals: FollowupTotals{RefundMissing: 1, RefundOutstanding: 18250.5, UnsignedContracts: 1, FormsBlockingPay: 1},
		UnitTotals: []UnitFollowupTotals{
			{Unit: Unit{Code: "HF", Name: "Det humanistiske fakultet"}, FollowupTotals: FollowupTotals{RefundOutstanding: 18250.5}},
			{Unit: Unit{Code: "IE", Name: "Fakultet for informasjonsteknologi og elektroteknikk"},
				FollowupTotals: FollowupTotals{RefundMissing: 1, UnsignedContracts: 1}},
			{Unit: Unit{Code: "IE-IDI", Name: "Institutt for datateknologi og informatikk"},
				FollowupTotals: FollowupTotals{FormsBlockingPay: 1}},
		},
		Version:     "1.2.3",
		GeneratedAt: time.Date(2026, 10, 1, 5, 0, 0, 0, time.UTC),
	}
}

// writeFollowupSample writes fu to a temporary workbook and opens it again.
func writeFollowupSample(t *testing.T, fu *Followup) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FollowupFileName(fu.AsOf))
	if err := WriteFollowup(path, fu); err != nil {
		t.Fatalf("WriteFollowup: %v", err)
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

// column reads column col of sheet from row r1 down to the last row.
func column(t *testing.T, f *excelize.File, sheet string, col, r1 int) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows[r1-1:] {
		v := ""
		if col <= len(row) {
			v = row[col-1]
		}
		got = append(got, v)
	}
	return got
}

func TestFollowupFileName(t *testing.T) {
	oslo := location("Europe/Oslo")
	for _, tt := range []struct {
		asOf time.Time
		want string
	}{
		{day(2026, 9, 30), "oppfolging-2026-09-30.xlsx"},
		{time.Date(2026, 12, 31, 23, 30, 0, 0, oslo), "oppfolging-2026-12-31.xlsx"},
	} {
		if got := FollowupFileName(tt.asOf); got != tt.want {
			t.Errorf("FollowupFileName(%v) = %q, want %q", tt.asOf, got, tt.want)
		}
	}
}

func TestWriteFollowupSheetNames(t *testing.T) {
	for lang, want := range map[string][]string{
		"nb": {"Sammendrag", "Avgang og makstid", "Sykefravær", "NAV-refusjon", "Kontrakter", "Skjema i flyt", "Om listene"},
		"en": {"Summary", "Leavers and max dates", "Sick leave", "NAV refunds", "Contracts", "Forms in flow", "About"},
	} {
		t.Run(lang, func(t *testing.T) {
			f, _ := writeFollowupSample(t, sampleFollowup(lang))
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Errorf("sheets = %q, want %q", got, want)
			}
		})
	}
}

func TestWriteFollowupRejectsBadInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WriteFollowup(path, nil); err == nil {
		t.Error("WriteFollowup(nil): no error")
	}
	if err := WriteFollowup(path, sampleFollowup("de")); err == nil {
		t.Error("WriteFollowup with lang de: no error")
	}
}

func TestFollowupSummary(t *testing.T) {
	f, _ := writeFollowupSample(t, sampleFollowup("nb"))
	const sheet = "Sammendrag"
	expectCells(t, f, sheet, []cellCheck{
		{"A1", "Oppfølging av enhetene – stillingen per 2026-09-30", ""},
		{"A4", "Listedato", ""},
		{"B4", "2026-09-30", fmtDate},
		{"A6", "Hele tjenestesenteret", ""},
		{"A8", "Sykefravær uten refusjonskrav til NAV", ""},
		{"C8", "1", fmtCount},
		{"A9", "Utestående refusjon fra NAV", ""},
		{"C9", "18,251 kr", fmtNOK},
		{"C11", "1", fmtCount},
		{"A13", "Per enhet", ""},
		{"A14", "Enhetskode", ""},
		{"D14", "Utestående refusjon fra NAV", ""},
		{"A15", "HF", ""},
		{"B15", "Det humanistiske fakultet", ""},
		{"C15", "0", fmtCount},
		{"D15", "18,251 kr", fmtNOK},
		{"A17", "IE-IDI", ""},
		{"F17", "1", fmtCount},
	})
	if got := raw(t, f, sheet, "D15"); got != 18250.5 {
		t.Errorf("D15 = %v, want 18250.5 kept unrounded", got)
	}
	if got := filterOf(f, sheet); got != "'Sammendrag'!$A$14:$F$17" {
		t.Errorf("autofilter = %q", got)
	}
	if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 14 {
		t.Errorf("panes = %+v, want frozen above the units", panes)
	}
}

// followupSheets are the list sheets in nb: each one's employee ids in
// deadline order with whether each row is overdue, its overdue column and
// its last column.
var followupSheets = []struct {
	sheet            string
	employees, late  []string
	overdue, lastCol string
}{
	{"Avgang og makstid", []string{"E202", "E201", "E200"}, []string{"Nei", "Nei", "Nei"}, "H", "I"},
	{"Sykefravær", []string{"E300", "E301", "E302"}, []string{"Ja", "Nei", "Nei"}, "H", "H"},
	{"NAV-refusjon", []string{"E300", "E303"}, []string{"Ja", "Ja"}, "H", "I"},
	{"Kontrakter", []string{"E400", "E401"}, []string{"Ja", "Nei"}, "H", "I"},
	{"Skjema i flyt", []string{"E500"}, []string{"Nei"}, "F", "F"},
}

func TestFollowupListsSortedAndMarked(t *testing.T) {
	f, _ := writeFollowupSample(t, sampleFollowup("nb"))
	for _, tt := range followupSheets {
		t.Run(tt.sheet, func(t *testing.T) {
			if got := column(t, f, tt.sheet, 2, listHead+1); !slices.Equal(got, tt.employees) {
				t.Errorf("employees = %q, want %q (deadline order, none last)", got, tt.employees)
			}
			col, _ := excelize.ColumnNameToNumber(tt.overdue)
			if got, _ := f.GetCellValue(tt.sheet, cell(col, listHead)); got != "Forfalt" {
				t.Errorf("%s%d = %q, want the Forfalt heading", tt.overdue, listHead, got)
			}
			if got := column(t, f, tt.sheet, col, listHead+1); !slices.Equal(got, tt.late) {
				t.Errorf("overdue = %q, want %q", got, tt.late)
			}
			last := listHead + len(tt.employees)
			listShape(t, f, tt.sheet, tt.lastCol, last)
			formats, _ := f.GetConditionalFormats(tt.sheet)
			rules := formats["A4:"+tt.lastCol+itoa(last)]
			if len(rules) != 1 || rules[0].Type != "formula" || rules[0].Criteria != "$"+tt.overdue+`4="Ja"` {
				t.Errorf("conditional formats = %+v, want overdue rows red", formats)
			}
		})
	}
}
