package reports

import "fmt"

// Column layout of the phone sheet's period tables (months and weeks).
const (
	periodCols   = 9
	phoneHeadRow = 4
	defaultASA   = 60.0 // the service agreement's target, seconds
	// phoneChartRows are the rows the trend section's chart covers, with
	// its heading.
	phoneChartRows = 18
)

// phoneWidths are the phone sheet's column widths, period to the calls
// table's Friday.
var phoneWidths = []float64{26, 12, 12, 12, 13, 15, 12, 12, 12, 12, 12, 12, 12}

// writePhone fills the phone sheet from top to bottom: months, weeks, the
// hour × weekday tables, queues, and the ASA trend with its chart.
func writePhone(w *sheetWriter, q *Quarterly) {
	hours := q.Calendar.PhoneHours
	if hours == "" {
		hours = "10:00–14:00"
	}
	w.text(1, 1, w.tr.msgf("title.phone", q.Quarter), w.st.title)
	w.text(1, 2, w.tr.msgf("subtitle.phone", hours), w.st.subtitle)
	w.text(1, phoneHeadRow-1, w.tr.msg("section.months"), w.st.section)
	row := periodTable(w, phoneHeadRow, q.Months)
	w.freeze(phoneHeadRow)
	w.filter(1, phoneHeadRow, periodCols, phoneHeadRow+len(q.Months))

	w.text(1, row+1, w.tr.msg("section.weeks"), w.st.section)
	row = periodTable(w, row+2, q.Weeks)
	target := asaTarget(q.KPIs)
	row = heatTables(w, row+1, q.Heat, target)
	row = queueTable(w, row+1, q.Queues)
	w.keepOnPage(row+1, max(len(q.Trend)+2, phoneChartRows), columnsPixels(phoneWidths...))
	trend(w, row+1, q.Trend, target)
	w.widths(phoneWidths...)
}

// periodTable writes a header at row and one line per period, and returns
// the first row after the table.
func periodTable(w *sheetWriter, row int, periods []PhonePeriod) int {
	w.header(1, row, w.tr.msg("col.period"), w.tr.msg("col.offered"), w.tr.msg("col.answered"),
		w.tr.msg("col.abandoned"), w.tr.msg("col.flowout"), w.tr.msg("col.asa"),
		w.tr.msg("col.sl"), w.tr.msg("col.abandonrate"), w.tr.msg("col.maxwait"))
	for i, p := range periods {
		r := row + 1 + i
		w.text(1, r, p.Label, w.st.text)
		w.count(2, r, p.Offered)
		w.count(3, r, p.Answered)
		w.count(4, r, p.Abandoned)
		w.count(5, r, p.Flowout)
		w.measure(6, r, p.ASA, "s")
		w.measure(7, r, p.ServiceLevel, "share")
		w.measure(8, r, p.AbandonRate, "share")
		w.measure(9, r, p.MaxWait, "s")
	}
	if len(periods) == 0 {
		w.text(1, row+1, w.tr.msg("none"), w.st.text)
		return row + 3
	}
	return row + len(periods) + 2
}

// queueTable writes the per-queue breakdown; queue names are input text and
// go in as strings.
func queueTable(w *sheetWriter, row int, queues []QueueRow) int {
	w.text(1, row, w.tr.msg("section.queues"), w.st.section)
	row++
	w.header(1, row, w.tr.msg("col.queue"), w.tr.msg("col.visits"),
		w.tr.msg("col.answered"), w.tr.msg("col.avgwait"))
	for i, qr := range queues {
		r := row + 1 + i
		w.text(1, r, qr.Queue, w.st.text)
		w.count(2, r, qr.Visits)
		w.count(3, r, qr.Answered)
		w.measure(4, r, qr.AvgWait, "s")
	}
	if len(queues) == 0 {
		w.text(1, row+1, w.tr.msg("none"), w.st.text)
		return row + 3
	}
	return row + len(queues) + 2
}

// asaTarget is the ASA KPI's target in seconds, or the agreement's 60 s.
func asaTarget(kpis []KPI) float64 {
	for _, k := range kpis {
		if k.ID == "phone.asa_s" && k.Target != nil {
			return *k.Target
		}
	}
	return defaultASA
}

// hourLabel names an hour slot: 10 → "10:00–11:00".
func hourLabel(h int) string { return fmt.Sprintf("%02d:00–%02d:00", h, h+1) }
