package checks_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"slakpi/pipeline/checks"
	"slakpi/pipeline/ingest"
)

// samplePayroll is the outside payroll sample (shared/data/README.md); a
// clone without ../shared has none.
var samplePayroll = filepath.Join("..", "..", "..", "shared", "data", "payroll-sample", "payroll.csv")

// The sample's August 2023 run repeats 452 employees: 357 of them by an
// exactly duplicated row, 95 by a second row with the same base salary and
// benefits but other overtime (and so other tax). The duplicate and
// multiple-main-salary rules must find exactly those employees, and nobody
// in July.
//
// What the sample shows (1,268 duplicate_pay_line findings): each exactly
// duplicated employee is flagged once for each of its lines' wage types —
// fastlønn, forskuddstrekk and trekk (357 each), and overtid for the 7 of
// them paid overtime; the 95 others only for fastlønn and trekk.
func TestPayrollSampleDuplicates(t *testing.T) {
	rows := readSample(t)
	lines := samplePayLines(t, rows)
	e := newEnv(t)
	e.load("sample-pay-lines.csv", ingest.PayLines, lines...)

	repeated := repeatedEmployees(rows, "2023-08")
	aug := e.check("2023-08-H")
	dups := flagged(aug, "duplicate_pay_line")
	if g := slices.Sorted(maps.Keys(dups)); !slices.Equal(g, repeated) {
		t.Errorf("duplicate_pay_line flags %d employees, want the %d with more than one row in 2023-08:\n%s",
			len(g), len(repeated), setDiff(repeated, g))
	}
	mains := flagged(aug, "multiple_main_salary")
	if g := slices.Sorted(maps.Keys(mains)); !slices.Equal(g, repeated) {
		t.Errorf("multiple_main_salary flags %d employees, want the %d with more than one row in 2023-08:\n%s",
			len(g), len(repeated), setDiff(repeated, g))
	}
	if n, want := total(dups), repeatedLines(lines, "2023-08-H"); n != want {
		t.Errorf("duplicate_pay_line: %d findings, want %d (one per repeated employee, wage type and amount)", n, want)
	}
	jul := e.check("2023-07-H")
	if n, m := len(flagged(jul, "duplicate_pay_line")), len(flagged(jul, "multiple_main_salary")); n+m != 0 {
		t.Errorf("2023-07: %d employees with duplicate lines, %d with several main salaries; want none", n, m)
	}
	t.Logf("2023-08: %d employees with more than one row; duplicate_pay_line %d findings on %d employees %v; multiple_main_salary %d findings",
		len(repeated), total(dups), len(dups), byWageType(aug), total(mains))
}

// readSample reads payroll.csv into rows keyed by column name.
func readSample(t *testing.T) []map[string]string {
	t.Helper()
	f, err := os.Open(samplePayroll)
	if os.IsNotExist(err) {
		t.Skipf("no payroll sample at %s", samplePayroll)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", samplePayroll, err)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			row[col] = r[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// samplePayLines turns each payroll row into the pay lines of a main run
// paid on the 12th: main salary, overtime when paid, and the tax and
// benefits deductions as negative lines; the header first.
func samplePayLines(t *testing.T, rows []map[string]string) []string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(strings.Split(payHeader, ","))
	for _, r := range rows {
		m, emp := r["month"], r["employee_id"]
		line := func(wage, code string, amount float64, hours string) {
			w.Write([]string{m + "-H", "main", m + "-12", m, emp, emp + "-1", r["department"], r["location"],
				wage, code, kr(amount), hours, ""})
		}
		line("1000 Fastlønn", "fastloenn", num(t, r["base_salary"]), "")
		if ot := num(t, r["overtime_pay"]); ot > 0 {
			line("3000 Overtid", "overtidsgodtgjoerelse", ot, r["overtime_hours"])
		}
		line("9000 Forskuddstrekk", "forskuddstrekk", -num(t, r["tax_deduction"]), "")
		line("9100 Trekk", "premieTilPensjonsordninger", -num(t, r["benefits_deduction"]), "")
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("payroll sample: %v", err)
	}
	return v
}

// kr rounds kroner to øre, written with two decimals (the sample's amounts
// have long float tails: 5610.599999999999).
func kr(v float64) string {
	ore := int64(math.Round(v * 100))
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	return fmt.Sprintf("%s%d.%02d", sign, ore/100, ore%100)
}

// repeatedEmployees lists, sorted, the employees with more than one row in
// the month, counted from the source rows.
func repeatedEmployees(rows []map[string]string, month string) []string {
	n := map[string]int{}
	for _, r := range rows {
		if r["month"] == month {
			n[r["employee_id"]]++
		}
	}
	var out []string
	for emp, c := range n {
		if c > 1 {
			out = append(out, emp)
		}
	}
	slices.Sort(out)
	return out
}

// repeatedLines counts the (employee, wage type, amount) groups of a run
// that occur more than once among the converted lines.
func repeatedLines(lines []string, run string) int {
	n := map[string]int{}
	for _, l := range lines {
		f := strings.Split(l, ",")
		if f[0] == run {
			n[f[4]+"\x1f"+f[8]+"\x1f"+f[10]]++
		}
	}
	return len(slices.DeleteFunc(slices.Collect(maps.Values(n)), func(c int) bool { return c < 2 }))
}

// flagged counts a rule's findings per employee.
func flagged(res *checks.Result, rule string) map[string]int {
	out := map[string]int{}
	for _, f := range res.Findings {
		if f.Rule == rule {
			out[f.EmployeeID]++
		}
	}
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// byWageType counts duplicate_pay_line's findings by the wage type its
// detail names ("2 like linjer: lønnsart 1000 Fastlønn, periode …").
func byWageType(res *checks.Result) map[string]int {
	out := map[string]int{}
	for _, f := range res.Findings {
		if f.Rule == "duplicate_pay_line" {
			_, wt, _ := strings.Cut(f.Detail, "lønnsart ")
			wt, _, _ = strings.Cut(wt, ",")
			out[wt]++
		}
	}
	return out
}

// setDiff says which ids only want has and which only got has.
func setDiff(want, got []string) string {
	missing := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return slices.Contains(got, w) })
	extra := slices.DeleteFunc(slices.Clone(got), func(g string) bool { return slices.Contains(want, g) })
	return fmt.Sprintf("-%v\n+%v", missing, extra)
}
