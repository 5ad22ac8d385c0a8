package reports

import (
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withFollowup gives a sample unit the follow-up rows of unit IE alone:
// one leaver, one sick leave carrying a detail it must not show, one
// missing refund, one unsigned contract, and no forms.
func withFollowup(u *UnitReport) *UnitReport {
	centre := sampleFollowup(u.Lang)
	fu := &Followup{AsOf: centre.AsOf, Unit: &u.Unit, Totals: FollowupTotals{RefundMissing: 1, RefundOutstanding: 0.4, UnsignedContracts: 1}}
	for _, r := range centre.Rows {
		if r.Unit == "IE" {
			fu.Rows = append(fu.Rows, r)
		}
	}
	u.Followup = fu
	return u
}

func writeUnitFollowupSample(t *testing.T, lang string) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "u.xlsx")
	if err := WriteUnit(path, withFollowup(sampleUnit(lang))); err != nil {
		t.Fatalf("WriteUnit: %v", err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return f, path
}

func TestUnitFollowupSheetComesAfterTheLists(t *testing.T) {
	f, _ := writeUnitFollowupSample(t, "en")
	want := []string{"Key figures", "Cases", "New hires", "Travel claims", "Payroll checks", "Follow-up", "About"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	find(t, f, "About", "The “Follow-up” sheet shows the unit's follow-up lists. It holds health data (sick leave and NAV refunds), shown only as employee, period, grade and deadline: handle the workbook accordingly.")
	find(t, f, "About", "followup.refund_outstanding_nok")
}

func TestUnitFollowupTotals(t *testing.T) {
	f, _ := writeUnitFollowupSample(t, "nb")
	expectCells(t, f, "Oppfølging", []cellCheck{
		{"A1", "Oppfølging av Fakultet for informasjonsteknologi og elektroteknikk (IE) – stillingen per 2026-09-30", ""},
		{"A4", "Enhetens nøkkeltall", ""},
		{"A5", "Sykefravær uten refusjonskrav til NAV", ""},
		{"E5", "1", fmtCount},
		{"A6", "Utestående refusjon fra NAV", ""},
		{"E6", "0 kr", fmtNOK},
		{"E8", "0", fmtCount},
	})
}

func TestUnitFollowupHoldsOnlyItsRows(t *testing.T) {
	f, path := writeUnitFollowupSample(t, "nb")
	const sheet = "Oppfølging"
	// Every employee id on the sheet, top to bottom: the rows given, list
	// by list, and nothing else.
	ids := regexp.MustCompile(`^E\d+$`)
	var got []string
	for _, v := range column(t, f, sheet, 2, 1) {
		if ids.MatchString(v) {
			got = append(got, v)
		}
	}
	if want := []string{"E202", "E300", "E300", "E400"}; !slices.Equal(got, want) {
		t.Errorf("employees = %q, want %q", got, want)
	}
	for _, v := range column(t, f, sheet, 1, listHead+1) {
		if v == "HF" || v == "IE-IDI" {
			t.Errorf("the sheet holds a row of unit %s", v)
		}
	}
	forms := rowOf(t, f, sheet, "Skjema i flyt")
	if v, _ := f.GetCellValue(sheet, cell(1, forms+3)); v != "Ingen data" {
		t.Errorf("forms list = %q, want Ingen data", v)
	}
	noHealthDetail(t, f, path)
}

func TestUnitFollowupSickLeaveBlock(t *testing.T) {
	f, _ := writeUnitFollowupSample(t, "en")
	const sheet = "Follow-up"
	head := rowOf(t, f, sheet, "Sick leave") + 2
	rows, _ := f.GetRows(sheet)
	if got := rows[head-1]; !slices.Equal(got, sickLeaveHeaders["en"]) {
		t.Errorf("sick-leave header = %q, want exactly %q", got, sickLeaveHeaders["en"])
	}
	if got := rows[head]; len(got) > len(sickLeaveHeaders["en"]) || got[1] != "E300" || got[7] != "Yes" {
		t.Errorf("sick-leave row = %q, want E300 overdue and nothing beyond the allowed columns", got)
	}
	if got := numFmt(t, f, sheet, cell(5, head+1)); got != fmtGrade {
		t.Errorf("grade format = %q, want %q", got, fmtGrade)
	}
	formats, _ := f.GetConditionalFormats(sheet)
	rules := formats[area(1, head+1, 8, head+1)]
	if len(rules) != 1 || rules[0].Criteria != "$H"+itoa(head+1)+`="Yes"` {
		t.Errorf("conditional formats = %+v, want the overdue sick-leave row red", formats)
	}
	if _, ok := formats[area(1, rowOf(t, f, sheet, "Forms in flow")+3, 6, rowOf(t, f, sheet, "Forms in flow")+3)]; ok {
		t.Error("the empty forms list has an overdue rule")
	}
}
