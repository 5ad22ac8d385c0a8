package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Layout of the trends sheet: the table's header row, its first quarter
// column, and the widths of its key and quarter columns.
const (
	trendsHead    = 4
	trendsFirst   = 3 // column C
	trendsKPIW    = 44
	trendsTargetW = 12
	trendsQuarter = 11
	asaID         = "phone.asa_s"
)

// writeTrends fills the trends sheet: every KPI with a target or a planned
// measure, one row each and one column per trend quarter, then line charts
// of them (ASA against its target, and one per unit of measure).
func writeTrends(w *sheetWriter, q *Quarterly) {
	n := len(q.TrendQuarters)
	widths := []float64{trendsKPIW, trendsTargetW}
	for range max(n, 6) {
		widths = append(widths, trendsQuarter)
	}
	w.widths(widths...)
	w.text(1, 1, w.tr.msgf("trends.title", q.Quarter), w.st.title)
	note := w.tr.msg("trends.note")
	w.paragraph(2, len(widths), note, 32)
	w.fitRow(2, note, sum(widths))
	if len(q.Trends) == 0 || n == 0 {
		w.text(1, trendsHead, w.tr.msg("none"), w.st.text)
		return
	}
	w.header(1, trendsHead, append([]string{w.tr.msg("col.kpi"), w.tr.msg("col.target")}, q.TrendQuarters...)...)
	comparisons := kpiComparisons(q)
	for i, t := range q.Trends {
		trendRow(w, trendsHead+1+i, t, comparisons[t.ID], n)
	}
	w.freeze(trendsHead)
	trendCharts(w, q, comparisons)
}

// trendRow writes one KPI over n quarters, coloured green where it met its
// target and red where it did not.
func trendRow(w *sheetWriter, row int, t KPITrend, comparison string, n int) {
	w.text(1, row, w.tr.msg(t.ID), w.st.text)
	format, scale := targetFormat(t.Unit, comparison, w.tr)
	w.optional(2, row, t.Target, format, scale)
	for i := range n {
		var v *float64
		if i < len(t.Values) {
			v = t.Values[i]
		}
		w.measure(trendsFirst+i, row, v, t.Unit)
	}
	if t.Target != nil {
		w.targetColours(row, trendsFirst, trendsFirst+n-1, comparison)
	}
}

// targetColours paints columns c1…c2 of row against the target in column
// B: green where met, red where not, nothing where empty.
func (w *sheetWriter) targetColours(row, c1, c2 int, comparison string) {
	var met, missed string
	switch comparison {
	case "<=":
		met, missed = "<=", ">"
	case ">=":
		met, missed = ">=", "<"
	default:
		return
	}
	first := cell(c1, row)
	rule := func(op string, style int) excelize.ConditionalFormatOptions {
		return excelize.ConditionalFormatOptions{
			Type: "formula", Format: &style,
			Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s%s$B$%d)", first, first, op, row),
		}
	}
	rules := []excelize.ConditionalFormatOptions{rule(met, w.st.good), rule(missed, w.st.bad)}
	w.do(func() error { return w.f.SetConditionalFormat(w.sheet, area(c1, row, c2, row), rules) })
}

// kpiComparisons gives each KPI id its comparison, from whichever quarter
// knows it: trends carry a target but not its direction.
func kpiComparisons(q *Quarterly) map[string]string {
	m := map[string]string{}
	for _, group := range [][]KPI{q.YearAgo, q.Previous, q.KPIs} {
		for _, k := range group {
			if k.Comparison != "" {
				m[k.ID] = k.Comparison
			}
		}
	}
	for _, d := range q.Deviations {
		if m[d.KPI] == "" && d.Comparison != "" {
			m[d.KPI] = d.Comparison
		}
	}
	if m[asaID] == "" {
		m[asaID] = "<=" // the agreement's KPI: at most 60 s
	}
	return m
}

// trendAndDeviationIDs are the KPIs the trends and deviations sheets name,
// for the about sheet's definitions.
func trendAndDeviationIDs(q *Quarterly) []string {
	var ids []string
	for _, t := range q.Trends {
		ids = append(ids, t.ID)
	}
	for _, d := range q.Deviations {
		ids = append(ids, d.KPI)
	}
	return ids
}
