package reports

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Columns of the summary table. The change stays in column F and the basis
// (n) follows the year-ago value; the comment is last, as it is the widest.
const (
	summaryCols    = 10
	summaryHead    = 3
	arrowCol       = 7
	commentCol     = 10
	commentWidth   = 46
	measureInBrief = 90 // runes of a measure quoted in a summary comment
)

// summaryWidths are the summary's column widths, KPI to comment.
var summaryWidths = []float64{44, 12, 12, 16, 14, 12, 14, 14, 11, commentWidth}

// writeSummary fills the summary sheet: one row per KPI with its value,
// target, whether it was met, the change since the previous quarter with an
// arrow, the same quarter a year before, and a comment on an open deviation.
func writeSummary(w *sheetWriter, q *Quarterly) {
	w.text(1, 1, w.tr.msgf("title.summary", q.Quarter), w.st.title)
	note := w.tr.msg("subtitle.summary")
	w.paragraph(2, summaryCols, note, 32)
	w.fitRow(2, note, sum(summaryWidths))
	w.header(1, summaryHead, w.tr.msg("col.kpi"), heading(w.tr, "col.value", q.Quarter),
		w.tr.msg("col.target"), w.tr.msg("col.status"), heading(w.tr, "col.previous", q.PreviousQuarter),
		w.tr.msg("col.change"), w.tr.msg("summary.arrow"), heading(w.tr, "summary.yearago", yearBefore(q.Quarter)),
		w.tr.msg("col.n"), w.tr.msg("summary.comment"))
	w.do(func() error { return w.f.SetRowHeight(w.sheet, summaryHead, 45) })
	arrows, comment := newArrowStyles(w), commentStyle(w)
	previous, yearAgo := byID(q.Previous), byID(q.YearAgo)
	open := openDeviations(q.Deviations, q.Quarter)
	for i, k := range q.KPIs {
		row := summaryHead + 1 + i
		summaryRow(w, row, k, previous[k.ID].Value, yearAgo[k.ID].Value)
		arrows.write(w, row, k, previous[k.ID].Value)
		w.style(commentCol, row, comment)
		if d, ok := open[k.ID]; ok {
			text := deviationComment(w.tr, d)
			w.text(commentCol, row, text, comment)
			w.fitRow(row, text, commentWidth)
		}
	}
	last := summaryHead + len(q.KPIs)
	w.metColours(4, summaryHead+1, last)
	w.freeze(summaryHead)
	w.filter(1, summaryHead, summaryCols, last)
	w.widths(summaryWidths...)
}

// summaryRow writes one KPI's figures; before is its value last quarter and
// yearAgo its value in the same quarter a year before, if any.
func summaryRow(w *sheetWriter, row int, k KPI, before, yearAgo *float64) {
	w.text(1, row, w.tr.msg(k.ID), w.st.text)
	w.measure(2, row, k.Value, k.Unit)
	format, scale := targetFormat(k.Unit, k.Comparison, w.tr)
	w.optional(3, row, k.Target, format, scale)
	w.status(4, row, k)
	w.measure(5, row, before, k.Unit)
	format, scale = changeFormat(k.Unit, w.tr)
	w.optional(6, row, difference(k.Value, before), format, scale)
	w.measure(8, row, yearAgo, k.Unit)
	w.count(9, row, k.N)
}

// status writes the traffic-light text; a KPI with a target that could not
// be judged gets a grey, empty cell.
func (w *sheetWriter) status(col, row int, k KPI) {
	switch {
	case k.Met != nil && *k.Met:
		w.text(col, row, w.tr.msg("met.yes"), w.st.text)
	case k.Met != nil:
		w.text(col, row, w.tr.msg("met.no"), w.st.text)
	case k.Target != nil:
		w.style(col, row, w.st.notJudged)
	default:
		w.style(col, row, w.st.text)
	}
}

// arrowStyles are the arrow column's cell styles: green for a change for
// the better, red for the worse, grey when the KPI has no direction or did
// not move.
type arrowStyles struct{ better, worse, neutral int }

func newArrowStyles(w *sheetWriter) arrowStyles {
	var a arrowStyles
	for _, s := range []struct {
		id     *int
		colour string
	}{{&a.better, colourGoodFg}, {&a.worse, colourBadFg}, {&a.neutral, colourMuted}} {
		w.do(func() (err error) {
			*s.id, err = w.f.NewStyle(&excelize.Style{
				Font: &excelize.Font{Bold: true, Color: s.colour}, Border: borders(),
				Alignment: &excelize.Alignment{Horizontal: "center"},
			})
			return err
		})
	}
	return a
}

// commentStyle wraps a comment and keeps its last line level with the
// row's other cells, which sit at the bottom as Excel's default.
func commentStyle(w *sheetWriter) int {
	var id int
	w.do(func() (err error) {
		id, err = w.f.NewStyle(&excelize.Style{Border: borders(),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}})
		return err
	})
	return id
}

// write puts k's arrow against before in the arrow column, with a word
// saying whether the move was for the better where the KPI has a direction.
func (a arrowStyles) write(w *sheetWriter, row int, k KPI, before *float64) {
	arrow, verdict := movement(k, before)
	switch {
	case arrow == "":
		w.style(arrowCol, row, w.st.text)
	case verdict > 0:
		w.text(arrowCol, row, arrow+" "+w.tr.msg("summary.better"), a.better)
	case verdict < 0:
		w.text(arrowCol, row, arrow+" "+w.tr.msg("summary.worse"), a.worse)
	case arrow == "▶":
		w.text(arrowCol, row, arrow+" "+w.tr.msg("summary.same"), a.neutral)
	default:
		w.text(arrowCol, row, arrow, a.neutral)
	}
}

// movement returns the arrow for k's change since before (▲ up, ▼ down, ▶
// no change as the change column shows it) and whether the change is for
// the better (1), the worse (−1) or neither (0) given k's comparison: for
// "<=" lower is better, for ">=" higher. It returns "" when either value is
// missing.
func movement(k KPI, before *float64) (string, int) {
	d := difference(k.Value, before)
	if d == nil {
		return "", 0
	}
	if math.Abs(*d) < unchanged(k.Unit) {
		return "▶", 0
	}
	arrow, sign := "▲", 1
	if *d < 0 {
		arrow, sign = "▼", -1
	}
	switch k.Comparison {
	case "<=":
		return arrow, -sign
	case ">=":
		return arrow, sign
	}
	return arrow, 0
}

// unchanged is the smallest change the change column shows for unit: a
// smaller one reads as 0 there, so the arrow calls it no change.
func unchanged(unit string) float64 {
	switch unit {
	case "s", "h", "d":
		return 0.05
	case "share":
		return 0.0005
	case "count", "NOK":
		return 0.5
	}
	return 1e-9
}

// openDeviations are the centre's open deviations of quarter by KPI id.
func openDeviations(all []Deviation, quarter string) map[string]Deviation {
	open := map[string]Deviation{}
	for _, d := range all {
		if _, seen := open[d.KPI]; !seen && d.Quarter == quarter && d.Unit == "" && d.Status == "open" {
			open[d.KPI] = d
		}
	}
	return open
}

// deviationComment is the summary's one line on an open deviation: its
// level, how long it has run and its measure, cut short when long.
func deviationComment(tr translator, d Deviation) string {
	run := tr.msg("summary.new")
	if d.Consecutive > 1 {
		run = tr.msgf("summary.run", d.Consecutive)
	}
	measure := strings.Join(strings.Fields(d.Measure), " ")
	switch {
	case measure == "":
		measure = tr.msg("summary.nomeasure")
	case utf8.RuneCountInString(measure) > measureInBrief:
		cut := []rune(measure)[:measureInBrief]
		measure = strings.TrimSpace(string(cut)) + "… (" + tr.msgf("summary.measuremore", tr.msg("sheet.deviations")) + ")"
	}
	return tr.msgf("summary.deviation", d.Level, run, measure)
}

// byID indexes kpis by id; a missing id reads as a KPI without a value.
func byID(kpis []KPI) map[string]KPI {
	m := make(map[string]KPI, len(kpis))
	for _, k := range kpis {
		m[k.ID] = k
	}
	return m
}

// heading is a column heading with a quarter in it, trimmed when the
// quarter is unknown.
func heading(tr translator, id, quarter string) string {
	return strings.TrimSpace(tr.msgf(id, quarter))
}

// yearBefore is the same quarter a year earlier: "2026Q3" → "2025Q3", or
// "" when quarter cannot be read.
func yearBefore(quarter string) string {
	year, err := strconv.Atoi(quarter[:min(4, len(quarter))])
	if err != nil || len(quarter) != 6 || quarter[4] != 'Q' || quarter[5] < '1' || quarter[5] > '4' {
		return ""
	}
	return strconv.Itoa(year-1) + quarter[4:]
}
