package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Width and place of the trends sheet's charts: two side by side, in
// columns A and E, span about the table's width when it has eight quarters.
const (
	trendChartW    = 500
	trendChartCol2 = 5 // column E
)

// trendGroups are the units of measure that get a chart of their own, in
// the order the charts appear; ASA has its own chart with its target.
var trendGroups = []string{"share", "h", "d", "s", "count", "NOK"}

// trendPalette colours a chart's series in turn.
var trendPalette = []string{chartASA, "ED7D31", "70AD47", "7030A0", "BF8F00", "2E75B6", "A5A5A5"}

// trendChart is one chart of the trends sheet: the table rows it draws and,
// for ASA, the row holding its target line.
type trendChart struct {
	title  string
	unit   string
	rows   []int
	target int     // 0 when the chart has no target line
	step   float64 // the value axis's major unit in cell units; 0 for automatic
}

// trendCharts writes the ASA target line under the table and draws the
// charts below it in pairs.
func trendCharts(w *sheetWriter, q *Quarterly, comparisons map[string]string) {
	row := trendsHead + len(q.Trends) + 2
	var charts []trendChart
	for i, t := range q.Trends {
		if t.ID == asaID {
			charts = append(charts, asaChart(w, row, trendsHead+1+i, t, q, comparisons[asaID]))
			row += 2
		}
	}
	for _, unit := range trendGroups {
		c := trendChart{title: w.tr.msg("trends.chart." + unit), unit: unit}
		for i, t := range q.Trends {
			if t.Unit == unit && t.ID != asaID {
				c.rows = append(c.rows, trendsHead+1+i)
			}
		}
		if len(c.rows) > 0 {
			charts = append(charts, c)
		}
	}
	if len(charts) > 0 {
		w.text(1, row, w.tr.msg("trends.charts"), w.st.section)
		placeTrendCharts(w, charts, row+1, len(q.TrendQuarters))
	}
}

// asaChart writes ASA's target across the quarters at row, the target
// line's data, and plans the chart of ASA (table row asaRow) against it.
func asaChart(w *sheetWriter, row, asaRow int, t KPITrend, q *Quarterly, comparison string) trendChart {
	target := asaTarget(q.KPIs)
	if t.Target != nil {
		target = *t.Target
	}
	w.text(1, row, w.tr.msgf("trends.targetline", comparisonSign(comparison)+clock(target)), w.st.text)
	for c := range q.TrendQuarters {
		w.measure(trendsFirst+c, row, &target, "s")
	}
	return trendChart{title: w.tr.msg("trends.chart.asa"), unit: "s", rows: []int{asaRow}, target: row,
		step: secondsStep(t.Values, target) / secondsADay}
}

// placeTrendCharts draws the charts two to a row from row first on, and
// starts a printed page before a row of charts that would be cut.
func placeTrendCharts(w *sheetWriter, charts []trendChart, first, quarters int) {
	perPage, pageTop, top := pageRows(trendsWidth(quarters)), 1, first
	for i := 0; i < len(charts); i += 2 {
		pair := charts[i:min(i+2, len(charts))]
		height := 0
		for _, c := range pair {
			height = max(height, c.height())
		}
		rows := (height + 19) / 20
		if top+rows-pageTop > perPage {
			pageTop = top - 1 // the blank row above, or the section heading over the first charts
			w.do(func() error { return w.f.InsertPageBreak(w.sheet, cell(1, pageTop)) })
		}
		for j, c := range pair {
			w.trendLineChart(cell(1+j*(trendChartCol2-1), top), c, quarters, height)
		}
		top += rows + 1
	}
}

// height is the chart's height in pixels: the legend under the plot takes
// a line per series, so the plot keeps its size however many there are.
func (c trendChart) height() int {
	series := len(c.rows)
	if c.target != 0 {
		series++
	}
	return 240 + 18*max(2, series)
}

// trendsWidth is the trends sheet's printed width in pixels: its table's
// columns or the two charts side by side, whichever is wider.
func trendsWidth(quarters int) float64 {
	table := columnsPixels(trendsKPIW, trendsTargetW) + float64(max(quarters, 6))*columnsPixels(trendsQuarter)
	charts := columnsPixels(trendsKPIW, trendsTargetW, trendsQuarter, trendsQuarter) + trendChartW
	return max(table, charts)
}

// trendLineChart draws chart c at anchor: one line per table row, with the
// quarters of the header row along the x axis.
func (w *sheetWriter) trendLineChart(anchor string, c trendChart, n, height int) {
	ref := func(r, c1, c2 int) string { return w.ref(c1, r, c2, r) }
	last := trendsFirst + n - 1
	line := func(row int, colour string, dash excelize.LineDashType, marker string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name: ref(row, 1, 1), Categories: ref(trendsHead, trendsFirst, last), Values: ref(row, trendsFirst, last),
			Line:   excelize.LineOptions{Width: 2.25, Dash: dash, Fill: solid(colour)},
			Fill:   solid(colour),
			Marker: excelize.ChartMarker{Symbol: marker, Size: 5, Fill: solid(colour), Border: excelize.LineOptions{Fill: solid(colour)}},
		}
	}
	var series []excelize.ChartSeries
	for i, row := range c.rows {
		series = append(series, line(row, trendPalette[i%len(trendPalette)], excelize.LineDashSolid, "circle"))
	}
	if c.target != 0 {
		series = append(series, line(c.target, chartTarget, excelize.LineDashDash, "none"))
	}
	zero := 0.0
	axisFont := excelize.Font{Color: chartAxis, Size: 9}
	chart := &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title, Font: &excelize.Font{Size: 11, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: trendChartW, Height: uint(height)},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont, Minimum: &zero, MajorUnit: c.step,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: axisFormat(c.unit, w.tr)}},
		ShowBlanksAs: "gap",
	}
	w.do(func() error { return w.f.AddChart(w.sheet, anchor, chart) })
}

// secondsStep is a round step in seconds (10 s … 10 min) that divides an
// axis up to the largest of values and target into at most eight steps, so
// the axis reads 0:15, 0:30 … rather than Excel's fractions of a day.
func secondsStep(values []*float64, target float64) float64 {
	top := target
	for _, v := range values {
		if v != nil {
			top = max(top, *v)
		}
	}
	for _, step := range []float64{10, 15, 30, 60, 120, 300} {
		if top/step <= 8 {
			return step
		}
	}
	return 600
}

// axisFormat is a chart's value-axis format for unit: whole steps, and
// seconds as minutes:seconds since the cells hold them as time.
func axisFormat(unit string, tr translator) string {
	switch unit {
	case "s":
		return "m:ss"
	case "share":
		return "0%"
	case "h", "d":
		return fmt.Sprintf(`0" %s"`, tr.msg("unit."+unit))
	case "NOK":
		return `#,##0" kr"`
	}
	return "#,##0"
}

// comparisonSign is "≤ " or "≥ " for a comparison, or "".
func comparisonSign(comparison string) string {
	switch comparison {
	case "<=":
		return "≤ "
	case ">=":
		return "≥ "
	}
	return ""
}
