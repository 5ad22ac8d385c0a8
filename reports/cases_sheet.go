package reports

import "github.com/xuri/excelize/v2"

// Layout of the management workbook's case sheets.
const (
	casesHeadRow = 4 // header of the per-category table
	unitsHeadRow = 3 // header of the per-unit table
	caseMeasures = 6 // opened … p90 resolution, after the key columns
	chartCol     = 9 // column I: the chart sits right of the tables
	chartBars    = "2E75B6"
)

// caseTableKPIs are the KPIs behind the case tables' columns; the about
// sheet defines them even when the summary does not list them.
var caseTableKPIs = []string{
	"cases.opened", "cases.resolved", "cases.backlog_end",
	"cases.first_response_bh_p50", "cases.resolution_bh_p50", "cases.resolution_bh_p90",
}

// writeCases fills the cases sheet: the quarter's cases per category with a
// chart of resolved cases beside them, then per operator group.
func writeCases(w *sheetWriter, q *Quarterly) {
	w.text(1, 1, w.tr.msgf("title.cases", q.Quarter), w.st.title)
	w.text(1, 2, w.tr.msg("subtitle.cases"), w.st.subtitle)
	w.text(1, casesHeadRow-1, w.tr.msg("section.bycategory"), w.st.section)
	keys := []string{w.tr.msg("col.category")}
	row := breakdownTable(w, casesHeadRow, keys, q.CasesByCategory)
	if n := len(q.CasesByCategory); n > 0 {
		w.freeze(casesHeadRow)
		w.filter(1, casesHeadRow, len(keys)+caseMeasures, casesHeadRow+n)
		w.resolvedChart(casesHeadRow, n)
	}
	w.text(1, row, w.tr.msg("section.bygroup"), w.st.section)
	breakdownTable(w, row+1, []string{w.tr.msg("col.group")}, q.CasesByGroup)
	w.widths(30, 11, 11, 13, 17, 17, 17)
}

// writeUnits fills the units sheet: the quarter's cases per caller's unit.
func writeUnits(w *sheetWriter, q *Quarterly) {
	w.text(1, 1, w.tr.msgf("title.units", q.Quarter), w.st.title)
	w.text(1, 2, w.tr.msg("subtitle.units"), w.st.subtitle)
	keys := []string{w.tr.msg("col.code"), w.tr.msg("col.name")}
	breakdownTable(w, unitsHeadRow, keys, q.CasesByUnit)
	if n := len(q.CasesByUnit); n > 0 {
		w.freeze(unitsHeadRow)
		w.filter(1, unitsHeadRow, len(keys)+caseMeasures, unitsHeadRow+n)
	}
	w.widths(14, 52, 11, 11, 13, 17, 17, 17)
}

// breakdownTable writes a case table at row with one or two key columns
// (the key, and the unit's name when keys has two labels), or "Ingen data"
// when there are no rows. It returns the first row after a blank one.
func breakdownTable(w *sheetWriter, row int, keys []string, rows []CaseBreakdown) int {
	if len(rows) == 0 {
		w.text(1, row, w.tr.msg("none"), w.st.text)
		return row + 2
	}
	w.header(1, row, append(keys, w.tr.msg("col.opened"), w.tr.msg("col.resolved"),
		w.tr.msg("col.backlog"), w.tr.msg("col.response_p50"),
		w.tr.msg("col.resolution_p50"), w.tr.msg("col.resolution_p90"))...)
	w.do(func() error { return w.f.SetRowHeight(w.sheet, row, 45) })
	for i, b := range rows {
		r := row + 1 + i
		w.text(1, r, b.Key, w.st.text)
		if len(keys) > 1 {
			w.text(2, r, b.Name, w.st.text)
		}
		c := len(keys) + 1
		w.count(c, r, b.Opened)
		w.count(c+1, r, b.Resolved)
		w.count(c+2, r, b.Backlog)
		w.optional(c+3, r, b.ResponseP50, fmtHours, 1)
		w.optional(c+4, r, b.ResolutionP50, fmtHours, 1)
		w.optional(c+5, r, b.ResolutionP90, fmtHours, 1)
	}
	return row + len(rows) + 2
}

// resolvedChart draws resolved cases per category from the n rows below
// head as horizontal bars, first category on top as in the table.
func (w *sheetWriter) resolvedChart(head, n int) {
	const resolvedCol = 3
	w.barChart(cell(chartCol, head), head, n, resolvedCol, w.tr.msg("chart.cases"), uint(max(260, 90+26*n)))
}

// barChart draws column valueCol of the n rows below head, named by
// column 1, as one series of horizontal bars in table order, at anchor.
func (w *sheetWriter) barChart(anchor string, head, n, valueCol int, title string, height uint) {
	sameColour := false
	axisFont := excelize.Font{Color: chartAxis, Size: 9}
	chart := &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &sameColour,
		Series: []excelize.ChartSeries{{
			Name: w.ref(valueCol, head, valueCol, head), Categories: w.ref(1, head+1, 1, head+n),
			Values: w.ref(valueCol, head+1, valueCol, head+n), Fill: solid(chartBars),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 520, Height: height},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: axisFont, ReverseOrder: true},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
	}
	w.do(func() error { return w.f.AddChart(w.sheet, anchor, chart) })
}
