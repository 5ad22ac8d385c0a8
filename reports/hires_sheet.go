package reports

import (
	"cmp"
	"slices"
)

// Layout of the management workbook's new-hire and travel sheet.
const (
	hiresHeadRow  = 3
	hiresCols     = 8
	hiresChartCol = 5 // column E: the chart sits right of its data
	// paidWithinKey names the travel threshold in Quarterly.Config, as the
	// configuration file spells it.
	paidWithinKey = "payroll.travel_paid_within_days"
)

// hiresTableKPIs are the KPIs behind the sheet's columns; the about sheet
// defines them even when the summary does not list them.
var hiresTableKPIs = []string{
	"newhire.lead_bd_p50", "newhire.before_first_run",
	"travel.days_to_pay_p50", "travel.paid_within_14d",
}

// hiresWidths are the sheet's column widths, code to paid-within share.
var hiresWidths = []float64{12, 46, 12, 15, 15, 15, 13, 14}

// writeHiresTravel fills the new-hire and travel sheet: the whole centre's
// row, then one row per unit, then the units' median days to pay, longest
// first, with a bar chart of them beside.
func writeHiresTravel(w *sheetWriter, q *Quarterly) {
	w.text(1, 1, w.tr.msgf("title.hirestravel", q.Quarter), w.st.title)
	note := w.tr.msg("note.hirestravel")
	w.paragraph(2, hiresCols, note, 17)
	w.fitRow(2, note, sum(hiresWidths))
	w.widths(hiresWidths...)
	if len(q.HiresTravel) == 0 && isQuiet(q.HiresTravelAll) {
		w.text(1, hiresHeadRow, w.tr.msg("none"), w.st.text)
		return
	}
	w.header(1, hiresHeadRow, w.tr.msg("col.code"), w.tr.msg("col.name"), w.tr.msg("col.newhires"),
		w.tr.msg("col.lead_p50"), w.tr.msg("col.beforecutoff_share"), w.tr.msg("col.claims"),
		w.tr.msg("col.days_p50"), paidWithinHeading(w.tr, q.Config))
	w.do(func() error { return w.f.SetRowHeight(w.sheet, hiresHeadRow, 45) })
	centre := q.HiresTravelAll
	if centre.Name == "" {
		centre.Name = w.tr.msg("label.centre")
	}
	hireTravelRow(w, hiresHeadRow+1, centre, w.st.label)
	for i, h := range q.HiresTravel {
		hireTravelRow(w, hiresHeadRow+2+i, h, w.st.text)
	}
	last := hiresHeadRow + 1 + len(q.HiresTravel)
	w.freeze(hiresHeadRow)
	w.filter(1, hiresHeadRow, hiresCols, last)
	daysToPay(w, last+2, q.HiresTravel)
}

// hireTravelRow writes one unit's figures; key and name in keyStyle.
func hireTravelRow(w *sheetWriter, row int, h HireTravelRow, keyStyle int) {
	w.text(1, row, h.Key, keyStyle)
	w.text(2, row, h.Name, keyStyle)
	w.count(3, row, h.NewHires)
	w.optional(4, row, h.LeadP50, fmtDays, 1)
	w.optional(5, row, h.BeforeCutoff, fmtShare, 1)
	w.count(6, row, h.Claims)
	w.optional(7, row, h.DaysP50, fmtDays, 1)
	w.optional(8, row, h.PaidWithin, fmtShare, 1)
}

// daysToPay writes the units that had claims paid, longest median first,
// and charts them. Units without a median are left out rather than drawn
// as zero-length bars.
func daysToPay(w *sheetWriter, row int, units []HireTravelRow) {
	var paid []HireTravelRow
	for _, h := range units {
		if h.DaysP50 != nil {
			paid = append(paid, h)
		}
	}
	if len(paid) == 0 {
		return
	}
	slices.SortStableFunc(paid, func(a, b HireTravelRow) int { return cmp.Compare(*b.DaysP50, *a.DaysP50) })
	w.keepOnPage(row, max(len(paid)+3, int(daysChartHeight(len(paid)))/20+1), columnsPixels(hiresWidths...))
	w.text(1, row, w.tr.msg("section.daystopay"), w.st.section)
	w.text(1, row+1, w.tr.msg("note.daystopay"), w.st.subtitle)
	head := row + 2
	w.header(1, head, w.tr.msg("col.code"), w.tr.msg("col.name"), w.tr.msg("col.days_p50"))
	w.do(func() error { return w.f.SetRowHeight(w.sheet, head, 45) })
	for i, h := range paid {
		w.text(1, head+1+i, h.Key, w.st.text)
		w.text(2, head+1+i, h.Name, w.st.text)
		w.optional(3, head+1+i, h.DaysP50, fmtDays, 1)
	}
	w.daysChart(head, len(paid))
}

// daysChart draws the n rows below head as horizontal bars, longest on top
// as in the table; bars grow downwards, so the chart stays beside its rows
// and prints on one page width however many units there are.
func (w *sheetWriter) daysChart(head, n int) {
	w.barChart(cell(hiresChartCol, head-2), head, n, 3, w.tr.msg("chart.daystopay"), daysChartHeight(n))
}

// daysChartHeight is the days-to-pay chart's height in pixels for n units.
func daysChartHeight(n int) uint { return uint(max(260, 90+20*n)) }

// paidWithinHeading names the paid-within column with the threshold in
// force when the caller passed it in config, and as "the limit" otherwise.
func paidWithinHeading(tr translator, config [][2]string) string {
	for _, kv := range config {
		if kv[0] == paidWithinKey && kv[1] != "" {
			return tr.msgf("col.paidwithin", kv[1])
		}
	}
	return tr.msg("col.paidwithin_default")
}

// isQuiet reports whether a row has nothing to show: no counts, no figures.
func isQuiet(h HireTravelRow) bool {
	return h.NewHires == 0 && h.Claims == 0 && h.LeadP50 == nil && h.BeforeCutoff == nil &&
		h.DaysP50 == nil && h.PaidWithin == nil
}

func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total
}
