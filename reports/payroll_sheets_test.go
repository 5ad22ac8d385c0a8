package reports

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPayrollSummaryByRule(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	const s = "Sammendrag"
	tests := []struct {
		id                           string
		severity, area               string
		findings, accepted, open, nw string
		status                       string
	}{
		{"missing_cost_centre", "Feil", "Stamdata", "3", "1", "2", "2", "● Stopper utbetaling"},
		{"main_salary_change", "Advarsel", "Hovedlønn", "1", "0", "1", "1", "● Bør sjekkes"},
		{"duplicate_pay_line", "Feil", "Hovedlønn", "0", "0", "0", "0", "● OK"},
		{"travel_rate_above_state", "Advarsel", "Reiser", "", "", "", "", "Kunne ikke kjøres: no state rates for 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			row := rowOf(t, f, s, tt.id)
			var got []string
			for col := 3; col <= payrollRuleCols; col++ {
				got = append(got, cellText(t, f, s, col, row))
			}
			want := []string{tt.area, tt.severity, tt.findings, tt.accepted, tt.open, tt.nw, tt.status}
			if !slices.Equal(got, want) {
				t.Errorf("row %d = %q, want %q", row, got, want)
			}
		})
	}
	if got := filterOf(f, s); got != "'Sammendrag'!$A$4:$I$8" {
		t.Errorf("autofilter = %q, want the rule table", got)
	}
	panes, _ := f.GetPanes(s)
	if !panes.Freeze || panes.YSplit != payrollHeadRow {
		t.Errorf("panes = %+v, want rows 1–%d frozen", panes, payrollHeadRow)
	}
	if ok, link, _ := f.GetCellHyperLink(s, "B5"); !ok || link != "'missing_cost_centre'!A1" {
		t.Errorf("B5 link = %v %q, want the rule's sheet", ok, link)
	}
	if ok, _, _ := f.GetCellHyperLink(s, "B7"); ok {
		t.Error("a rule without findings links to a sheet")
	}
}

func TestPayrollStatusColours(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	rules := map[string]bool{}
	formats, _ := f.GetConditionalFormats("Sammendrag")
	for _, r := range formats["I5:I8"] {
		rules[r.Type+" "+r.Criteria+" "+r.Value] = true
	}
	for _, want := range []string{`cell equal to "● Stopper utbetaling"`, `cell equal to "● Bør sjekkes"`,
		`cell equal to "● OK"`, "text begins with Kunne ikke kjøres: "} {
		if !rules[want] {
			t.Errorf("no conditional format %q on I5:I8; have %v", want, formats)
		}
	}
}

func TestRuleSheetsHoldTheirRows(t *testing.T) {
	r := samplePayroll("en")
	f := writePayroll(t, r)
	for _, id := range []string{"duplicate_pay_line", "travel_rate_above_state"} {
		if idx, _ := f.GetSheetIndex(id); idx >= 0 {
			t.Errorf("rule %s has no findings but a sheet", id)
		}
	}
	for _, id := range []string{"missing_cost_centre", "main_salary_change"} {
		t.Run(id, func(t *testing.T) {
			var want [][]string
			for _, x := range r.Findings {
				if x.Rule == id {
					want = append(want, []string{x.EmployeeID, x.EmploymentID, x.Unit, x.Detail})
				}
			}
			rows, err := f.GetRows(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != ruleHeadRow+len(want) {
				t.Fatalf("sheet %s has %d rows, want header at %d and %d findings", id, len(rows), ruleHeadRow, len(want))
			}
			for i, w := range want {
				if got := rows[ruleHeadRow+i][:4]; !slices.Equal(got, w) {
					t.Errorf("finding %d = %q, want %q", i, got, w)
				}
			}
			if got := filterOf(f, id); got != "'"+id+"'!$A$3:$I$"+itoa(ruleHeadRow+len(want)) {
				t.Errorf("autofilter = %q", got)
			}
		})
	}
	rows, _ := f.GetRows("missing_cost_centre")
	wantHeader := []string{"Employee id", "Employment id", "Unit", "Detail", "Severity", "Fingerprint", "Accepted", "Reason for accepting", "New"}
	if !slices.Equal(rows[ruleHeadRow-1], wantHeader) {
		t.Errorf("header = %q, want %q", rows[ruleHeadRow-1], wantHeader)
	}
	if got, want := rows[ruleHeadRow+2][4:], []string{"Error", "fp-c", "Yes", "booked by hand", "No"}; !slices.Equal(got, want) {
		t.Errorf("accepted finding = %q, want %q", got, want)
	}
}

func itoa(n int) string { return cell(1, n)[1:] }

func TestFindingDetailIsText(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	for _, text := range []string{"=1+2", "+12.0 % since 2026-05-H"} {
		sheet := "missing_cost_centre"
		if strings.HasPrefix(text, "+") {
			sheet = "main_salary_change"
		}
		ref := find(t, f, sheet, text)
		if formula, err := f.GetCellFormula(sheet, ref); err != nil || formula != "" {
			t.Errorf("%s formula = %q (%v), want none", ref, formula, err)
		}
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", ref, typ)
		}
	}
}

func TestRunTotals(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	const s = "Sammendrag"
	head := rowOf(t, f, s, "Størrelse")
	if got := cellText(t, f, s, 3, head); got != "Forrige kjøring (2026-05-H)" {
		t.Errorf("previous column = %q", got)
	}
	headcount := rowOf(t, f, s, "Antall ansatte")
	for col, want := range map[int]float64{2: 110, 3: 100, 4: 10, 5: 0.1} {
		if got := raw(t, f, s, cell(col, headcount)); math.Abs(got-want) > 1e-9 {
			t.Errorf("headcount column %d = %v, want %v", col, got, want)
		}
	}
	if got := cellText(t, f, s, 5, headcount); got != "+10.0%" {
		t.Errorf("change %% shows %q, want +10.0%%", got)
	}
	gross := rowOf(t, f, s, "Brutto (kr)")
	if got := numFmt(t, f, s, cell(2, gross)); got != fmtKroner {
		t.Errorf("gross format = %q, want %s", got, fmtKroner)
	}
	if got := raw(t, f, s, cell(4, gross)); math.Abs(got-34567.5) > 1e-9 {
		t.Errorf("gross change = %v, want 34567.5", got)
	}
	lines := rowOf(t, f, s, "Antall linjer")
	if got := numFmt(t, f, s, cell(2, lines)); got != fmtCount {
		t.Errorf("lines format = %q, want %s", got, fmtCount)
	}
	for col := 3; col <= 5; col++ {
		if got := cellText(t, f, s, col, lines); got != "" {
			t.Errorf("no previous: column %d = %q, want empty", col, got)
		}
	}
}

func TestChangeShare(t *testing.T) {
	if got := changeShare(110, num(100)); got == nil || math.Abs(*got-0.1) > 1e-12 {
		t.Errorf("110 vs 100 = %v, want 0.1", got)
	}
	if got := changeShare(5, num(0)); got != nil {
		t.Errorf("vs 0 = %v, want nil", *got)
	}
	if got := changeShare(5, nil); got != nil {
		t.Errorf("vs nothing = %v, want nil", *got)
	}
}

func TestRuleSheetNames(t *testing.T) {
	long := "a_very_long_rule_identifier_that_goes_on" // 40 characters
	groups := []ruleFindings{{id: long}, {id: long + "_too"}, {id: "summary"}, {id: "odd/id:[x]"}, {id: "history"}}
	names := ruleSheetNames(groups, "Summary", "About")
	want := map[string]string{
		long:          long[:31],
		long + "_too": long[:29] + "~2",
		"summary":     "summary~2",
		"odd/id:[x]":  "odd_id__x_",
		"history":     "history_",
	}
	for id, w := range want {
		if names[id] != w {
			t.Errorf("sheet for %q = %q, want %q", id, names[id], w)
		}
	}
}

func TestFindingsOfAnUnlistedRuleAreKept(t *testing.T) {
	r := samplePayroll("nb")
	r.Findings = append(r.Findings, Finding{Rule: "pay_date_off_schedule", Severity: "error", Fingerprint: "fp-e", Detail: "paid 13.06"})
	f := writePayroll(t, r)
	if idx, _ := f.GetSheetIndex("pay_date_off_schedule"); idx < 0 {
		t.Error("no sheet for the unlisted rule's findings")
	}
	row := rowOf(t, f, "Sammendrag", "pay_date_off_schedule")
	if got := cellText(t, f, "Sammendrag", payrollStatus, row); got != "● Stopper utbetaling" {
		t.Errorf("unlisted rule status = %q", got)
	}
	if got := cellText(t, f, "Sammendrag", 1, 2); !strings.HasPrefix(got, "3 feil") {
		t.Errorf("verdict = %q, want 3 errors", got)
	}
}

func TestPayrollAbout(t *testing.T) {
	r := samplePayroll("nb")
	f := writePayroll(t, r)
	const s = "Om kontrollen"
	for _, rs := range r.Rules {
		row := rowOf(t, f, s, rs.ID)
		if got := cellText(t, f, s, 1, row); got != rs.Title {
			t.Errorf("%s title = %q, want %q", rs.ID, got, rs.Title)
		}
	}
	find(t, f, s, `slakpi check accept FINGERAVTRYKK --reason "…"`)
	find(t, f, s, "1.2.3")
	gen := rowOf(t, f, s, "Generert (Europe/Oslo)")
	if got := cellText(t, f, s, 2, gen); got != "2026-06-10 08:30" {
		t.Errorf("generated at = %q, want Oslo time", got)
	}
}

func TestPayrollPrintSetup(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	for _, sheet := range f.GetSheetList() {
		layout, _ := f.GetPageLayout(sheet)
		props, _ := f.GetSheetProps(sheet)
		if *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || !*props.FitToPage {
			t.Errorf("%s is not landscape and one page wide", sheet)
		}
	}
}
