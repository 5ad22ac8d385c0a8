package reports

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Colours of the heat map (green = short wait, red = long) and the chart.
const (
	heatLow     = "63BE7B"
	heatMid     = "FFEB84"
	heatHigh    = "F8696B"
	chartASA    = "1F4E79"
	chartTarget = "C00000"
	chartAxis   = "404040"
	callsCol    = 8 // column H: the calls table sits beside the heat map
)

// heatTables writes the hour × weekday ASA heat map and, beside it, the
// number of calls per slot. It returns the first row after them.
func heatTables(w *sheetWriter, row int, cells []HeatCell, target float64) int {
	w.text(1, row, w.tr.msg("section.heat"), w.st.section)
	w.text(callsCol, row, w.tr.msg("section.heatcalls"), w.st.section)
	w.text(1, row+1, w.tr.msgf("note.heat", clock(target), clock(2*target)), w.st.subtitle)
	head := row + 2
	days := []string{w.tr.msg("wd.1"), w.tr.msg("wd.2"), w.tr.msg("wd.3"), w.tr.msg("wd.4"), w.tr.msg("wd.5")}
	w.header(1, head, append([]string{w.tr.msg("col.hour")}, days...)...)
	w.header(callsCol, head, append([]string{w.tr.msg("col.hour")}, days...)...)
	slots := make(map[[2]int]HeatCell, len(cells))
	for _, c := range cells {
		slots[[2]int{c.Hour, c.Weekday}] = c
	}
	hours := heatHours(cells)
	for i, h := range hours {
		r := head + 1 + i
		w.text(1, r, hourLabel(h), w.st.text)
		w.text(callsCol, r, hourLabel(h), w.st.text)
		for d := 1; d <= 5; d++ {
			c := slots[[2]int{h, d}]
			w.measure(1+d, r, c.ASA, "s")
			w.count(callsCol+d, r, c.Calls)
		}
	}
	last := head + len(hours)
	w.heatScale(area(2, head+1, 6, last), target)
	return last + 2
}

// heatHours lists the hours to show: the phone hours 10–13 and any other
// hour the data holds, in order.
func heatHours(cells []HeatCell) []int {
	seen := map[int]bool{10: true, 11: true, 12: true, 13: true}
	for _, c := range cells {
		seen[c.Hour] = true
	}
	hours := make([]int, 0, len(seen))
	for h := range seen {
		hours = append(hours, h)
	}
	sort.Ints(hours)
	return hours
}

// heatScale colours ASA cells on a fixed scale: green at 0, yellow at the
// target, red at twice the target, so colours mean the same every quarter.
func (w *sheetWriter) heatScale(ref string, target float64) {
	days := func(s float64) string { return strconv.FormatFloat(s/secondsADay, 'g', -1, 64) }
	w.do(func() error {
		return w.f.SetConditionalFormat(w.sheet, ref, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=",
			MinType: "num", MinValue: "0", MinColor: heatLow,
			MidType: "num", MidValue: days(target), MidColor: heatMid,
			MaxType: "num", MaxValue: days(2 * target), MaxColor: heatHigh,
		}})
	})
}

// trend writes the monthly ASA series in seconds with the target beside it,
// and a line chart of both to the right.
func trend(w *sheetWriter, row int, points []PhonePeriod, target float64) {
	w.text(1, row, w.tr.msg("section.trend"), w.st.section)
	head := row + 1
	w.header(1, head, w.tr.msg("col.period"), w.tr.msg("col.asa_s"), w.tr.msg("col.target_s"))
	for i, p := range points {
		w.text(1, head+1+i, p.Label, w.st.text)
		w.optional(2, head+1+i, p.ASA, fmtSeconds, 1)
		w.number(3, head+1+i, target, fmtSeconds)
	}
	if len(points) == 0 {
		w.text(1, head+1, w.tr.msg("none"), w.st.text)
		return
	}
	w.trendChart(head, head+len(points))
}

// trendChart draws the ASA and target columns of rows head+1…last.
func (w *sheetWriter) trendChart(head, last int) {
	ref := func(col, r1, r2 int) string { return w.ref(col, r1, col, r2) }
	series := func(col int, colour string, dash excelize.LineDashType) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name: ref(col, head, head), Categories: ref(1, head+1, last), Values: ref(col, head+1, last),
			Line:   excelize.LineOptions{Width: 2.25, Dash: dash, Fill: solid(colour)},
			Fill:   solid(colour),
			Marker: excelize.ChartMarker{Symbol: "none"},
		}
	}
	axisFont := excelize.Font{Color: chartAxis, Size: 9}
	chart := &excelize.Chart{
		Type:         excelize.Line,
		Series:       []excelize.ChartSeries{series(2, chartASA, excelize.LineDashSolid), series(3, chartTarget, excelize.LineDashDash)},
		Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.tr.msg("chart.title")}}},
		Legend:       excelize.ChartLegend{Position: "bottom"},
		Dimension:    excelize.ChartDimension{Width: 640, Height: 320},
		XAxis:        excelize.ChartAxis{Font: axisFont},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
		ShowBlanksAs: "gap",
	}
	w.do(func() error { return w.f.AddChart(w.sheet, cell(5, head), chart) })
}

// clock formats seconds as m:ss for labels.
func clock(seconds float64) string {
	s := int(seconds + 0.5)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
