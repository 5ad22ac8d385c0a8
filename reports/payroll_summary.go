package reports

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Layout of the payroll summary's rule table.
const (
	payrollHeadRow  = 4
	payrollRuleCols = 9
	payrollStatus   = 9 // the status column
	statusWidth     = 42
)

// Number formats of the run totals; changes carry their sign.
const (
	fmtKroner       = "#,##0.00"
	fmtKronerChange = "+#,##0.00;-#,##0.00;0.00"
	fmtCountChange  = "+#,##0;-#,##0;0"
	fmtShareChange  = "+0.0%;-0.0%;0.0%"
)

// Values of the payroll model that change how a row is shown.
const (
	grossMeasure  = "gross" // in kroner; the other measures are counts
	severityError = "error"
)

// writePayrollSummary fills the summary sheet: title, verdict, what the run
// was compared with, one row per rule, and the run totals below.
func writePayrollSummary(w *sheetWriter, ps payrollStyles, r *PayrollRun, groups []ruleFindings, sheets map[string]string) {
	rows := map[string][]Finding{}
	for _, g := range groups {
		rows[g.id] = g.rows
	}
	rules := tableRules(r, groups)
	w.text(1, 1, payrollTitle(w.tr, r), w.st.title)
	payrollVerdict(w, ps, 2, rules, rows)
	if r.PreviousRunID != "" {
		w.text(1, 3, w.tr.msgf("payroll.compared", r.PreviousRunID), w.st.subtitle)
	} else {
		w.text(1, 3, w.tr.msg("payroll.nocompare"), w.st.subtitle)
	}
	w.header(1, payrollHeadRow, w.tr.msg("payroll.col.rule"), w.tr.msg("col.id"),
		w.tr.msg("payroll.col.area"), w.tr.msg("payroll.col.severity"),
		w.tr.msg("payroll.col.findings"), w.tr.msg("payroll.col.accepted"),
		w.tr.msg("payroll.col.open"), w.tr.msg("payroll.col.new"), w.tr.msg("col.status"))
	for i, rs := range rules {
		ruleRow(w, ps, payrollHeadRow+1+i, rs, rows[rs.ID], sheets[rs.ID])
	}
	last := payrollHeadRow + len(rules)
	if len(rules) == 0 {
		w.text(1, payrollHeadRow+1, w.tr.msg("none"), w.st.text)
		last++
	} else {
		statusColours(w, ps, payrollHeadRow+1, last)
		w.filter(1, payrollHeadRow, payrollRuleCols, last)
	}
	w.freeze(payrollHeadRow)
	runTotals(w, last+2, r)
	w.widths(44, 26, 17, 17, 14, 10, 10, 9, statusWidth) // C and D also hold kroner totals
}

// tableRules is r.Rules followed by a row made from the findings of any
// rule r.Rules lacks, so that every finding is counted somewhere.
func tableRules(r *PayrollRun, groups []ruleFindings) []RuleSummary {
	rules := append([]RuleSummary(nil), r.Rules...)
	for _, g := range groups {
		if g.summary != nil {
			continue
		}
		rs := RuleSummary{ID: g.id, Title: g.id, Severity: g.rows[0].Severity, Findings: len(g.rows)}
		for _, f := range g.rows {
			rs.Accepted += boolCount(f.Accepted)
			rs.New += boolCount(f.New)
		}
		rules = append(rules, rs)
	}
	return rules
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}

// openFindings counts a rule's unaccepted findings by severity. A row's own
// severity wins over the rule's (one rule may flag both); a rule whose rows
// are missing is judged by its summary's counts.
func openFindings(rs RuleSummary, rows []Finding) (errs, warns int) {
	if len(rows) == 0 {
		if rs.Severity == severityError {
			return rs.Findings - rs.Accepted, 0
		}
		return 0, rs.Findings - rs.Accepted
	}
	for _, f := range rows {
		severity := f.Severity
		if severity == "" {
			severity = rs.Severity
		}
		switch {
		case f.Accepted:
		case severity == severityError:
			errs++
		default:
			warns++
		}
	}
	return errs, warns
}

// payrollVerdict writes in plain words whether the run may be paid.
func payrollVerdict(w *sheetWriter, ps payrollStyles, row int, rules []RuleSummary, rows map[string][]Finding) {
	errs, failed := 0, 0
	for _, rs := range rules {
		e, _ := openFindings(rs, rows[rs.ID])
		errs += e
		failed += boolCount(rs.Failed != "")
	}
	text, style := w.tr.msg("payroll.verdict.ok"), ps.verdictOK
	if errs > 0 {
		text, style = pluralMsg(w.tr, "payroll.verdict", errs), ps.verdictBad
	}
	if failed > 0 {
		text, style = text+" "+pluralMsg(w.tr, "payroll.failed", failed), ps.verdictBad
	}
	w.text(1, row, text, style)
	w.do(func() error { return w.f.SetRowHeight(w.sheet, row, 20) })
}

// pluralMsg formats id.one or id.many with n.
func pluralMsg(tr translator, id string, n int) string {
	if n == 1 {
		return tr.msgf(id+".one", n)
	}
	return tr.msgf(id+".many", n)
}

// ruleRow writes one rule; sheet is the name of its findings sheet, if any.
func ruleRow(w *sheetWriter, ps payrollStyles, row int, rs RuleSummary, rows []Finding, sheet string) {
	title := rs.Title
	if title == "" {
		title = rs.ID
	}
	w.text(1, row, title, ps.top)
	if sheet != "" {
		w.text(2, row, rs.ID, ps.link)
		w.do(func() error {
			return w.f.SetCellHyperLink(w.sheet, cell(2, row), "'"+sheet+"'!A1", "Location")
		})
	} else {
		w.text(2, row, rs.ID, ps.top)
	}
	w.text(3, row, payrollLabel(w.tr, "payroll.area.", rs.Area), ps.top)
	w.text(4, row, payrollLabel(w.tr, "payroll.severity.", rs.Severity), ps.top)
	if rs.Failed != "" {
		for col := 5; col < payrollStatus; col++ {
			w.style(col, row, w.st.notJudged)
		}
		failed := w.tr.msgf("payroll.status.failed", rs.Failed)
		w.text(payrollStatus, row, failed, w.st.wrap)
		w.fitRow(row, failed, statusWidth)
		return
	}
	w.count(5, row, int64(rs.Findings))
	w.count(6, row, int64(rs.Accepted))
	w.count(7, row, int64(rs.Findings-rs.Accepted))
	w.count(8, row, int64(rs.New))
	errs, warns := openFindings(rs, rows)
	status := "payroll.status.ok"
	switch {
	case errs > 0:
		status = "payroll.status.block"
	case warns > 0:
		status = "payroll.status.review"
	}
	w.text(payrollStatus, row, w.tr.msg(status), w.st.text)
}

// payrollLabel translates value under prefix, or shows the value itself.
func payrollLabel(tr translator, prefix, value string) string {
	if s := tr.msg(prefix + value); s != prefix+value {
		return s
	}
	return value
}

// statusColours paints the status column: red where unaccepted errors stop
// the payment or the rule could not run, amber for unaccepted warnings,
// green where nothing is left.
func statusColours(w *sheetWriter, ps payrollStyles, r1, r2 int) {
	is := func(id string, style int) excelize.ConditionalFormatOptions {
		return excelize.ConditionalFormatOptions{
			Type: "cell", Criteria: "==", Value: `"` + w.tr.msg(id) + `"`, Format: &style,
		}
	}
	failed := strings.TrimSuffix(w.tr.msg("payroll.status.failed"), "%s")
	w.do(func() error {
		return w.f.SetConditionalFormat(w.sheet, area(payrollStatus, r1, payrollStatus, r2), []excelize.ConditionalFormatOptions{
			is("payroll.status.block", w.st.bad), is("payroll.status.review", ps.amber),
			is("payroll.status.ok", w.st.good),
			{Type: "text", Criteria: "begins with", Value: failed, Format: &w.st.bad},
		})
	})
}

// runTotals writes the run's totals against the previous run's, with the
// change and the change in per cent. A missing previous value leaves the
// previous and change cells empty.
func runTotals(w *sheetWriter, row int, r *PayrollRun) {
	w.text(1, row, w.tr.msg("payroll.section.totals"), w.st.section)
	previous := w.tr.msg("payroll.col.previous")
	if r.PreviousRunID != "" {
		previous = w.tr.msgf("payroll.col.previousid", r.PreviousRunID)
	}
	w.header(1, row+1, w.tr.msg("payroll.col.measure"), w.tr.msg("payroll.col.current"), previous,
		w.tr.msg("payroll.col.change"), w.tr.msg("payroll.col.changepct"))
	if len(r.Totals) == 0 {
		w.text(1, row+2, w.tr.msg("none"), w.st.text)
		return
	}
	for i, t := range r.Totals {
		totalRow(w, row+2+i, t)
	}
}

// totalRow writes one measure in kroner or as a count.
func totalRow(w *sheetWriter, row int, t RunTotal) {
	format, change := fmtCount, fmtCountChange
	if t.Measure == grossMeasure {
		format, change = fmtKroner, fmtKronerChange
	}
	w.text(1, row, payrollLabel(w.tr, "payroll.measure.", t.Measure), w.st.text)
	w.number(2, row, t.Current, format)
	w.optional(3, row, t.Previous, format, 1)
	w.optional(4, row, difference(&t.Current, t.Previous), change, 1)
	w.optional(5, row, changeShare(t.Current, t.Previous), fmtShareChange, 1)
}

// changeShare is (current − previous) / |previous|, or nil when there is
// no previous value or it is zero.
func changeShare(current float64, previous *float64) *float64 {
	if previous == nil || *previous == 0 {
		return nil
	}
	s := (current - *previous) / math.Abs(*previous)
	return &s
}
