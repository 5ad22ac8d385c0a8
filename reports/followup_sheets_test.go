package reports

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sickLeaveHeaders are the only columns the sick-leave list may have.
var sickLeaveHeaders = map[string][]string{
	"nb": {"Enhet", "Ansatt-id", "Fra", "Til", "Grad", "Neste frist gjelder", "Frist", "Forfalt"},
	"en": {"Unit", "Employee id", "From", "To", "Grade", "Next deadline is for", "Deadline", "Overdue"},
}

func TestSickLeaveShowsOnlyTheAllowedColumns(t *testing.T) {
	for lang, want := range sickLeaveHeaders {
		t.Run(lang, func(t *testing.T) {
			f, path := writeFollowupSample(t, sampleFollowup(lang))
			sheet := messages[lang]["sheet.fu_sick"]
			rows, _ := f.GetRows(sheet)
			if got := rows[listHead-1]; !slices.Equal(got, want) {
				t.Errorf("header = %q, want exactly %q", got, want)
			}
			for r, row := range rows[listHead:] {
				if len(row) > len(want) {
					t.Errorf("row %d has %d cells, beyond the %d allowed columns", listHead+1+r, len(row), len(want))
				}
			}
			expectCells(t, f, sheet, []cellCheck{
				{"C4", "2026-08-01", fmtDate},
				{"D4", "", fmtDate},
				{"E4", "100 %", fmtGrade},
				{"E5", "50 %", fmtGrade},
				{"F4", messages[lang]["kind.sick_leave.dialogue"], ""},
				{"G4", "2026-09-19", fmtDate},
			})
			noHealthDetail(t, f, path)
		})
	}
}

// noHealthDetail fails when a sick-leave row's detail shows in any cell of
// any sheet, or anywhere in the file's parts.
func noHealthDetail(t *testing.T, f *excelize.File, path string) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if strings.Contains(v, "Diagnose") {
					t.Errorf("%s!%s shows the health detail %q", sheet, cell(c+1, r+1), v)
				}
			}
		}
	}
	for i := range len(f.GetSheetList()) {
		if xml := zipEntry(t, path, "xl/worksheets/sheet"+itoa(i+1)+".xml"); strings.Contains(xml, "Diagnose") {
			t.Errorf("sheet%d.xml holds the health detail", i+1)
		}
	}
	if strings.Contains(zipEntry(t, path, "xl/sharedStrings.xml"), "Diagnose") {
		t.Error("the shared strings hold the health detail")
	}
}

func TestFollowupListCells(t *testing.T) {
	f, _ := writeFollowupSample(t, sampleFollowup("en"))
	expectCells(t, f, "NAV refunds", []cellCheck{
		{"C3", "Refund claim", ""},
		{"D4", "Not claimed", ""},
		{"I4", "", fmtAmount},
		{"C5", "NAV-77", ""},
		{"I5", "18,250.50", fmtAmount},
	})
	if got := raw(t, f, "NAV refunds", "I5"); got != 18250.5 {
		t.Errorf("I5 = %v, want 18250.5 as a number", got)
	}
	expectCells(t, f, "Contracts", []cellCheck{
		{"C4", `=HYPERLINK("x")`, ""},
		{"D4", "Unsigned", ""},
		{"D5", "Started before signing", ""},
		{"G5", "", fmtDate}, // listed, with no deadline
		{"I5", "+Signert etter start", ""},
	})
	for _, ref := range []string{"C4", "I5"} {
		if formula, _ := f.GetCellFormula("Contracts", ref); formula != "" {
			t.Errorf("Contracts!%s formula = %q, want none", ref, formula)
		}
	}
	expectCells(t, f, "Forms in flow", []cellCheck{
		{"D3", "Note", ""},
		{"D4", "Endring av stillingsprosent, venter på leder", ""},
		{"E3", "Pay cut-off", ""},
		{"E4", "2026-10-05", fmtDate},
	})
	if got := raw(t, f, "Forms in flow", "E4"); got != 46300 { // 2026-10-05 as an Excel serial
		t.Errorf("E4 = %v, want the date serial 46300", got)
	}
}

func TestFollowupWithoutRows(t *testing.T) {
	fu := sampleFollowup("nb")
	fu.Rows, fu.UnitTotals, fu.Totals = nil, nil, FollowupTotals{}
	f, _ := writeFollowupSample(t, fu)
	for _, tt := range followupSheets {
		if got, _ := f.GetCellValue(tt.sheet, "A4"); got != "Ingen data" {
			t.Errorf("%s!A4 = %q, want Ingen data", tt.sheet, got)
		}
		if got := filterOf(f, tt.sheet); got != "" {
			t.Errorf("%s autofilter on an empty list = %q", tt.sheet, got)
		}
	}
	expectCells(t, f, "Sammendrag", []cellCheck{
		{"C8", "0", fmtCount}, {"C9", "0 kr", fmtNOK}, {"A14", "Ingen data", ""},
	})
}

func TestFollowupAbout(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		f, _ := writeFollowupSample(t, sampleFollowup(lang))
		about := messages[lang]["sheet.fu_about"]
		for _, id := range []string{"about.fu_leavers", "about.fu_sick_leave", "about.fu_refunds", "about.fu_contracts", "about.fu_forms", "about.fu_health"} {
			find(t, f, about, messages[lang][id])
		}
		find(t, f, about, strings.Replace(messages[lang]["about.fu_asof"], "%s", "2026-09-30", 1))
		for _, id := range followupKPIIDs {
			find(t, f, about, id)
			find(t, f, about, messages[lang]["def."+id])
		}
		find(t, f, about, "1.2.3")
		generated := cell(2, rowOf(t, f, about, "1.2.3")+1)
		if got, _ := f.GetCellValue(about, generated); got != "2026-10-01 07:00" {
			t.Errorf("%s: generated at = %q, want 2026-10-01 07:00 (Oslo time)", lang, got)
		}
	}
	law := messages["nb"]["about.fu_sick_leave"] + messages["nb"]["about.fu_refunds"]
	for _, want := range []string{"arbeidsmiljøloven § 4-6", "4 uker", "7 uker", "16 kalenderdager", "folketrygdloven"} {
		if !strings.Contains(law, want) {
			t.Errorf("the lists' explanations do not name %q", want)
		}
	}
}

func TestFollowupKPINamesAndFormats(t *testing.T) {
	for lang := range messages {
		tr, _ := newTranslator(lang)
		for _, id := range followupKPIIDs {
			if tr.msg(id) == id || tr.definition(id) == "" {
				t.Errorf("%s: %s lacks a name or a definition", lang, id)
			}
		}
	}
	tr, _ := newTranslator("nb")
	if format, scale := unitFormat("NOK", tr); format != `#,##0" kr"` || scale != 1 {
		t.Errorf("NOK format = %q × %v, want #,##0\" kr\"", format, scale)
	}
	q := sampleQuarterly("nb")
	q.KPIs = append(q.KPIs, KPI{ID: "followup.refund_outstanding_nok", Value: num(1234567.4), Unit: "NOK"})
	q.Previous = append(q.Previous, KPI{ID: "followup.refund_outstanding_nok", Value: num(1000000), Unit: "NOK"})
	f, _ := writeSample(t, q)
	row := rowOf(t, f, "Sammendrag", "Utestående refusjon fra NAV")
	expectCells(t, f, "Sammendrag", []cellCheck{
		{cell(2, row), "1,234,567 kr", fmtNOK},
		{cell(6, row), "+234,567 kr", ""},
	})
}

// TestFollowupNoMessageIDShows looks for a label that fell back to its
// message id in both follow-up workbooks, in both languages.
func TestFollowupNoMessageIDShows(t *testing.T) {
	id := regexp.MustCompile(`^(about|col|kind|label|note|section|sheet|subtitle|title|followup|payroll)\.[a-z_.]+$`)
	for _, lang := range []string{"nb", "en"} {
		c, _ := writeFollowupSample(t, sampleFollowup(lang))
		u := withPeople(sampleUnit(lang))
		u.Followup = sampleFollowup(lang)
		for _, f := range []*excelize.File{c, writeUnitSample(t, u)} {
			for _, sheet := range f.GetSheetList() {
				rows, _ := f.GetRows(sheet)
				for r, row := range rows {
					for c, v := range row {
						if id.MatchString(v) && !slices.Contains(followupKPIIDs, v) {
							t.Errorf("%s: %s!%s shows the message id %q", lang, sheet, cell(c+1, r+1), v)
						}
					}
				}
			}
		}
	}
}
