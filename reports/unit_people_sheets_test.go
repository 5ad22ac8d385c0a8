package reports

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// day is a calendar date as the pipeline scans a DATE: midnight UTC.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// withPeople adds two new hires, two travel claims and two payroll findings
// to a sample unit; the second of each lacks what may be missing.
func withPeople(u *UnitReport) *UnitReport {
	u.NewHires = []NewHireRow{
		{
			Case: "NH-2001", EmployeeID: "E100", EmploymentID: "E100-1", Unit: "IE-IDI",
			CaseStarted: time.Date(2026, 7, 1, 6, 30, 0, 0, time.UTC),
			Registered:  time.Date(2026, 7, 6, 12, 0, 0, 0, time.UTC),
			StartDate:   day(2026, 8, 1), LeadBD: num(3), Cutoff: at(day(2026, 8, 3)), BeforeCutoff: flag(true),
		},
		{
			Case: "NH-2002", EmployeeID: "E101", EmploymentID: "E101-1", Unit: "IE",
			CaseStarted: time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC),
			Registered:  time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
			StartDate:   day(2026, 9, 15),
		},
	}
	u.Travel = []TravelRow{
		{ClaimID: "R-1", EmployeeID: "E100", Unit: "IE-IDI", Submitted: time.Date(2026, 7, 20, 22, 30, 0, 0, time.UTC),
			PaidRun: "2026-08-main", PayDate: at(day(2026, 8, 12)), DaysToPay: num(23), Amount: num(1234.5)},
		{ClaimID: "+R-2", EmployeeID: "E102", Unit: "IE", Submitted: time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC),
			PaidRun: "2026-09-travel"},
	}
	u.Findings = []UnitFinding{
		{RunID: "2026-08-main", PayDate: day(2026, 8, 12), Finding: Finding{
			Rule: "duplicate_pay_line", Severity: "error", Fingerprint: "fp-1", EmployeeID: "E100",
			EmploymentID: "E100-1", Unit: "IE-IDI", Detail: "=1+2",
		}},
		{RunID: "2026-09-main", PayDate: day(2026, 9, 11), Finding: Finding{
			Rule: "main_salary_change", Severity: "warn", Fingerprint: "fp-2", EmployeeID: "E101",
			EmploymentID: "E101-1", Unit: "IE", Detail: "Hovedlønn endret med 12 %", Accepted: true, AcceptReason: "Opprykk",
		}},
	}
	return u
}

// cellCheck is one expected cell: its shown text and, when set, its format.
type cellCheck struct{ ref, want, format string }

func expectCells(t *testing.T, f *excelize.File, sheet string, tests []cellCheck) {
	t.Helper()
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheet, tt.ref); got != tt.want {
			t.Errorf("%s!%s = %q, want %q", sheet, tt.ref, got, tt.want)
		}
		if tt.format != "" {
			if got := numFmt(t, f, sheet, tt.ref); got != tt.format {
				t.Errorf("%s!%s format = %q, want %q", sheet, tt.ref, got, tt.format)
			}
		}
	}
}

func TestUnitNewHiresSheet(t *testing.T) {
	f := writeUnitSample(t, withPeople(sampleUnit("nb")))
	const sheet = "Nyansatte"
	expectCells(t, f, sheet, []cellCheck{
		{"A1", "Nyansatte i Fakultet for informasjonsteknologi og elektroteknikk (IE) – 2026Q3", ""},
		{"A3", "Saksnummer", ""},
		{"J3", "Registrert innen fristen", ""},
		{"A4", "NH-2001", ""},
		{"C4", "E100-1", ""},
		{"E4", "2026-07-01 08:30", fmtDateTime}, // summer time: UTC+2
		{"F4", "2026-07-06 14:00", fmtDateTime},
		{"G4", "2026-08-01", fmtDate},
		{"H4", "3", fmtWholeDay},
		{"I4", "2026-08-03", fmtDate},
		{"J4", "Ja", ""},
		{"F5", "2026-12-01 10:00", fmtDateTime}, // winter time: UTC+1
		{"H5", "", fmtWholeDay},
		{"I5", "", fmtDate},
		{"J5", "", ""},
	})
	if got := raw(t, f, sheet, "G4"); got != 46235 { // 2026-08-01 as an Excel serial
		t.Errorf("G4 = %v, want the date serial 46235", got)
	}
	if got := raw(t, f, sheet, "H4"); got != 3 {
		t.Errorf("H4 = %v, want 3 business days as a number", got)
	}
	formats, _ := f.GetConditionalFormats(sheet)
	if rules := formats["J4:J5"]; len(rules) != 2 || rules[0].Value != `"Ja"` || rules[1].Value != `"Nei"` {
		t.Errorf("conditional formats = %+v, want Ja green and Nei red on J4:J5", formats)
	}
	listShape(t, f, sheet, "J", 5)
}

func TestUnitTravelSheet(t *testing.T) {
	f := writeUnitSample(t, withPeople(sampleUnit("en")))
	const sheet = "Travel claims"
	expectCells(t, f, sheet, []cellCheck{
		{"A3", "Travel claim", ""},
		{"A4", "R-1", ""},
		{"D4", "2026-07-21 00:30", fmtDateTime},
		{"E4", "2026-08-main", ""},
		{"F4", "2026-08-12", fmtDate},
		{"G4", "23", fmtWholeDay},
		{"H4", "1,234.50", fmtAmount},
		{"A5", "+R-2", ""},
		{"F5", "", fmtDate},
		{"G5", "", fmtWholeDay},
		{"H5", "", fmtAmount},
	})
	if got := raw(t, f, sheet, "H4"); got != 1234.5 {
		t.Errorf("H4 = %v, want 1234.5 as a number", got)
	}
	if formula, _ := f.GetCellFormula(sheet, "A5"); formula != "" {
		t.Errorf("A5 formula = %q, want none", formula)
	}
	listShape(t, f, sheet, "H", 5)
}

func TestUnitChecksSheet(t *testing.T) {
	f := writeUnitSample(t, withPeople(sampleUnit("nb")))
	const sheet = "Lønnskontroll"
	expectCells(t, f, sheet, []cellCheck{
		{"A3", "Lønnskjøring", ""},
		{"A4", "2026-08-main", ""},
		{"B4", "2026-08-12", fmtDate},
		{"C4", "duplicate_pay_line", ""},
		{"D4", "Feil", ""},
		{"H4", "=1+2", ""},
		{"I4", "Nei", ""},
		{"J4", "fp-1", ""},
		{"D5", "Advarsel", ""},
		{"I5", "Ja", ""},
		{"K5", "Opprykk", ""},
	})
	if formula, _ := f.GetCellFormula(sheet, "H4"); formula != "" {
		t.Errorf("H4 formula = %q, want none", formula)
	}
	if typ, _ := f.GetCellType(sheet, "H4"); typ != excelize.CellTypeInlineString {
		t.Errorf("H4 type = %v, want an inline string", typ)
	}
	formats, _ := f.GetConditionalFormats(sheet)
	if rules := formats["D4:D5"]; len(rules) != 1 || rules[0].Value != `"Feil"` {
		t.Errorf("conditional formats = %+v, want Feil red on D4:D5", formats)
	}
	listShape(t, f, sheet, "K", 5)
}

// listShape checks a list's frozen header, autofilter and print titles.
func listShape(t *testing.T, f *excelize.File, sheet, lastCol string, lastRow int) {
	t.Helper()
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != listHead {
		t.Errorf("%s panes = %+v, want frozen above row %d", sheet, panes, listHead+1)
	}
	want := "'" + sheet + "'!$A$3:$" + lastCol + "$" + strconv.Itoa(lastRow)
	if got := filterOf(f, sheet); got != want {
		t.Errorf("%s autofilter = %q, want %q", sheet, got, want)
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && dn.RefersTo != "'"+sheet+"'!$3:$3" {
			t.Errorf("%s print titles = %q, want the header row", sheet, dn.RefersTo)
		}
	}
}

func TestUnitListsWithoutData(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("en"))
	for _, sheet := range []string{"New hires", "Travel claims", "Payroll checks"} {
		if got, _ := f.GetCellValue(sheet, "A4"); got != "No data" {
			t.Errorf("%s!A4 = %q, want No data", sheet, got)
		}
		if got := filterOf(f, sheet); got != "" {
			t.Errorf("%s autofilter on an empty list = %q", sheet, got)
		}
	}
}

func TestUnitListColumnsInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "u.xlsx")
	if err := WriteUnit(path, withPeople(sampleUnit("nb"))); err != nil {
		t.Fatal(err)
	}
	for sheet, widths := range map[string][]float64{
		"sheet3.xml": newHireWidths, "sheet4.xml": travelWidths, "sheet5.xml": checkWidths,
	} {
		xml := zipEntry(t, path, "xl/worksheets/"+sheet)
		mins := regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(xml, -1)
		got := make([]string, len(mins))
		for i, m := range mins {
			got[i] = m[1]
		}
		want := make([]string, len(widths))
		for i := range widths {
			want[i] = strconv.Itoa(i + 1)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s <col> mins = %v, want %v", sheet, got, want)
		}
	}
}

func TestUnitAboutWarnsOfPersonalData(t *testing.T) {
	f := writeUnitSample(t, withPeople(sampleUnit("nb")))
	find(t, f, "Om rapporten", "Personopplysninger")
	find(t, f, "Om rapporten", "Arkene «Nyansatte», «Reiseregninger» og «Lønnskontroll» viser bare enhetens egne ansatte (og ansatte i enhetene under den). De inneholder personopplysninger: behandle arbeidsboka varsomt, lagre den bare der enheten har tilgang, og ikke send den videre.")
}
