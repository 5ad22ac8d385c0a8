package reports

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// samplePayroll is a main run with two unaccepted errors, one accepted
// error, one warning, a clean rule and a rule that could not run.
func samplePayroll(lang string) *PayrollRun {
	return &PayrollRun{
		RunID: "2026-06-H", RunType: "main", PayDate: time.Date(2026, 6, 12, 0, 0, 0, 0, time.UTC),
		PreviousRunID: "2026-05-H", Lang: lang,
		Rules: []RuleSummary{
			{ID: "missing_cost_centre", Title: "Lønnslinje uten kostnadssted", Severity: "error", Area: "stamdata", Findings: 3, Accepted: 1, New: 2},
			{ID: "main_salary_change", Title: "Stor endring i fastlønn", Severity: "warn", Area: "hovedlønn", Findings: 1, New: 1},
			{ID: "duplicate_pay_line", Title: "Dobbel lønnslinje", Severity: "error", Area: "hovedlønn"},
			{ID: "travel_rate_above_state", Title: "Reisesats over statens sats", Severity: "warn", Area: "reiser", Failed: "no state rates for 2026"},
		},
		Findings: []Finding{
			{Rule: "missing_cost_centre", Severity: "error", Fingerprint: "fp-a", EmployeeID: "1001", EmploymentID: "1001-1", Unit: "194", Detail: "wage type 1000, 45 000,00 kr", New: true},
			{Rule: "missing_cost_centre", Severity: "error", Fingerprint: "fp-b", EmployeeID: "1002", EmploymentID: "1002-1", Unit: "195", Detail: "=1+2", New: true},
			{Rule: "missing_cost_centre", Severity: "error", Fingerprint: "fp-c", EmployeeID: "1003", EmploymentID: "1003-2", Unit: "194", Detail: "project line", Accepted: true, AcceptReason: "booked by hand"},
			{Rule: "main_salary_change", Severity: "warn", Fingerprint: "fp-d", EmployeeID: "1004", EmploymentID: "1004-1", Unit: "196", Detail: "+12.0 % since 2026-05-H", New: true},
		},
		Totals: []RunTotal{
			{Measure: "headcount", Current: 110, Previous: num(100)},
			{Measure: "gross", Current: 1234567.5, Previous: num(1200000)},
			{Measure: "lines", Current: 500},
		},
		Version:     "1.2.3",
		GeneratedAt: time.Date(2026, 6, 10, 6, 30, 0, 0, time.UTC),
	}
}

// writePayroll writes r to a temporary workbook and opens it again.
func writePayroll(t *testing.T, r *PayrollRun) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), PayrollFileName(r.RunID))
	if err := WritePayrollRun(path, r); err != nil {
		t.Fatalf("WritePayrollRun: %v", err)
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

// cellText reads one cell's shown value.
func cellText(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell(col, row))
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell(col, row), err)
	}
	return v
}

func TestPayrollFileName(t *testing.T) {
	tests := []struct{ runID, want string }{
		{"2026-06-H", "lonnskontroll-2026-06-H.xlsx"},
		{"../../etc/passwd", "lonnskontroll-______etc_passwd.xlsx"},
		{`run 7\x`, "lonnskontroll-run_7_x.xlsx"},
		{"lønn.2026", "lonnskontroll-lønn_2026.xlsx"},
		{"", "lonnskontroll-kjoring.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.runID, func(t *testing.T) {
			got := PayrollFileName(tt.runID)
			if got != tt.want {
				t.Errorf("PayrollFileName(%q) = %q, want %q", tt.runID, got, tt.want)
			}
			if strings.ContainsAny(got, `/\`) || strings.Contains(got, "..") {
				t.Errorf("%q can leave the output folder", got)
			}
		})
	}
}

func TestPayrollSheetNames(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"", []string{"Sammendrag", "missing_cost_centre", "main_salary_change", "Om kontrollen"}},
		{"nb", []string{"Sammendrag", "missing_cost_centre", "main_salary_change", "Om kontrollen"}},
		{"en", []string{"Summary", "missing_cost_centre", "main_salary_change", "About"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			f := writePayroll(t, samplePayroll(tt.lang))
			if got := f.GetSheetList(); !slices.Equal(got, tt.want) {
				t.Errorf("sheets = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWritePayrollRunRejectsBadInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if err := WritePayrollRun(path, nil); err == nil {
		t.Error("nil run: no error")
	}
	r := samplePayroll("de")
	if err := WritePayrollRun(path, r); err == nil || !strings.Contains(err.Error(), "de") {
		t.Errorf("language de: error %v, want one naming it", err)
	}
}

func TestPayrollTitle(t *testing.T) {
	f := writePayroll(t, samplePayroll("nb"))
	want := "Lønnskontroll 2026-06-H (hovedlønn), utbetaling 12.06.2026"
	if got := cellText(t, f, "Sammendrag", 1, 1); got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got := cellText(t, f, "Sammendrag", 1, 3); !strings.HasPrefix(got, "Sammenlignet med 2026-05-H") {
		t.Errorf("comparison line = %q", got)
	}
	f = writePayroll(t, samplePayroll("en"))
	if got, want := cellText(t, f, "Summary", 1, 1), "Payroll check 2026-06-H (main run), paid 12 June 2026"; got != want {
		t.Errorf("en title = %q, want %q", got, want)
	}
	r := samplePayroll("nb")
	r.PreviousRunID, r.RunType = "", "supplementary"
	f = writePayroll(t, r)
	if got := cellText(t, f, "Sammendrag", 1, 1); !strings.Contains(got, "(tilleggslønn)") {
		t.Errorf("title = %q, want the run type in Norwegian", got)
	}
	if got := cellText(t, f, "Sammendrag", 1, 3); !strings.HasPrefix(got, "Ingen tidligere kjøring å sammenligne med") {
		t.Errorf("comparison line without a previous run = %q", got)
	}
}

func TestPayrollVerdict(t *testing.T) {
	allAccepted := samplePayroll("nb")
	for i := range allAccepted.Findings {
		allAccepted.Findings[i].Accepted = true
	}
	allAccepted.Rules[3].Failed = ""
	tests := []struct {
		name string
		r    *PayrollRun
		want string
	}{
		{"two errors and a failed rule", samplePayroll("nb"),
			"2 feil må rettes eller godkjennes før utbetaling. 1 kontroll kunne ikke kjøres, så resultatet er ufullstendig."},
		{"all accepted", allAccepted, "Ingen feil som stopper utbetalingen."},
		{"english", samplePayroll("en"),
			"2 errors must be fixed or accepted before payment. 1 check could not run, so the result is incomplete."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := writePayroll(t, tt.r)
			sheet := f.GetSheetName(0)
			if got := cellText(t, f, sheet, 1, 2); got != tt.want {
				t.Errorf("verdict = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestVerdictCountsRowSeverity(t *testing.T) {
	// main_salary_change is a warning rule whose rows may be errors (> 25 %).
	rs := RuleSummary{ID: "main_salary_change", Severity: "warn", Findings: 2}
	rows := []Finding{{Severity: "error"}, {Severity: "warn"}}
	if errs, warns := openFindings(rs, rows); errs != 1 || warns != 1 {
		t.Errorf("openFindings = %d errors, %d warnings, want 1 and 1", errs, warns)
	}
	rs = RuleSummary{Severity: "error", Findings: 5, Accepted: 2}
	if errs, _ := openFindings(rs, nil); errs != 3 {
		t.Errorf("without rows: %d errors, want 3 from the summary", errs)
	}
}
