package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Layout of the deviations sheet.
const (
	devHead     = 6
	devCols     = 13
	devLevelCol = 9
	devStatCol  = 11
	devMeasureW = 44
	// Keys of the escalation rule in Quarterly.Config, as the configuration
	// file spells them, and the defaults the note falls back to.
	perLevelKey = "avvik.quarters_per_level"
	bigGapKey   = "avvik.big_gap_pct"
)

// devWidths are the deviations sheet's column widths, KPI to measure set.
var devWidths = []float64{34, 22, 9, 10, 11, 11, 12, 10, 7, 20, 9, devMeasureW, 16}

// Level colours: amber, orange and red, as fill and text.
var levelColours = [3][2]string{{"FFEB9C", "9C5700"}, {"F8CBAD", "843C0C"}, {colourBad, colourBadFg}}

// writeDeviations fills the deviations sheet: how levels rise and how to set
// a measure, then every deviation up to the quarter, open ones first.
func writeDeviations(w *sheetWriter, q *Quarterly) {
	w.widths(devWidths...)
	w.text(1, 1, w.tr.msgf("dev.title", q.Quarter), w.st.title)
	levels := levelsNote(w.tr, q.Config)
	w.paragraph(2, devCols, levels, 32)
	w.fitRow(2, levels, sum(devWidths))
	w.text(1, 3, w.tr.msg("dev.howto"), w.st.subtitle)
	w.text(1, 4, w.tr.msg("dev.command"), codeStyle(w))
	devs := listedDeviations(q.Deviations, q.Quarter)
	if len(devs) == 0 {
		w.text(1, devHead, w.tr.msg("dev.none"), w.st.text)
		return
	}
	loc := location(q.Calendar.Timezone)
	w.header(1, devHead, w.tr.msg("col.kpi"), w.tr.msg("col.id"), w.tr.msg("dev.quarter"),
		w.tr.msg("dev.value"), w.tr.msg("col.target"), w.tr.msg("dev.gap"), w.tr.msg("dev.firstmissed"),
		w.tr.msg("dev.consecutive"), w.tr.msg("dev.level"), w.tr.msg("dev.escalation"),
		w.tr.msg("col.status"), w.tr.msg("dev.measure"), w.tr.msgf("dev.measureat", loc))
	w.do(func() error { return w.f.SetRowHeight(w.sheet, devHead, 45) })
	units := kpiUnits(q)
	for i, d := range devs {
		deviationRow(w, devHead+1+i, d, units[d.KPI], loc)
	}
	last := devHead + len(devs)
	w.levelColours(devHead+1, last)
	w.textColours(devStatCol, devHead+1, last, w.tr.msg("dev.status.closed"), "")
	w.freeze(devHead)
	w.filter(1, devHead, devCols, last)
}

// deviationRow writes one deviation; value, target and gap in unit.
func deviationRow(w *sheetWriter, row int, d Deviation, unit string, loc *time.Location) {
	name := w.tr.msg(d.KPI)
	if d.Unit != "" {
		name += " (" + d.Unit + ")"
	}
	w.text(1, row, name, w.st.text)
	w.text(2, row, d.KPI, w.st.text)
	w.text(3, row, d.Quarter, w.st.text)
	w.measure(4, row, &d.Value, unit)
	format, scale := targetFormat(unit, d.Comparison, w.tr)
	w.number(5, row, d.Target*scale, format)
	format, scale = gapFormat(unit, w.tr)
	w.number(6, row, d.Gap*scale, format)
	w.text(7, row, d.FirstMissed, w.st.text)
	w.count(8, row, int64(d.Consecutive))
	w.count(devLevelCol, row, int64(d.Level))
	w.text(devLevelCol+1, row, levelLabel(w.tr, d.Level), w.st.text)
	w.text(devStatCol, row, statusLabel(w.tr, d.Status), w.st.text)
	measure := d.Measure
	if strings.TrimSpace(measure) == "" && d.Status == "open" {
		measure = w.tr.msg("summary.nomeasure")
	}
	w.text(12, row, measure, w.st.wrap)
	w.fitRow(row, measure, devMeasureW)
	if d.MeasureAt != nil {
		w.when(13, row, *d.MeasureAt, loc, fmtDateTime)
	} else {
		w.numberStyle(13, row, fmtDateTime)
	}
}

// levelColours paints the level and its label amber, orange or red on the
// open deviations of rows r1…r2; a closed one keeps its level uncoloured.
func (w *sheetWriter) levelColours(r1, r2 int) {
	open := strconv.Quote(w.tr.msg("dev.status.open"))
	var rules []excelize.ConditionalFormatOptions
	for i, c := range levelColours {
		style := w.st.bad
		if i < 2 {
			w.do(func() (err error) {
				style, err = w.f.NewConditionalStyle(&excelize.Style{
					Font: &excelize.Font{Color: c[1], Bold: true}, Fill: solid(c[0])})
				return err
			})
		}
		rules = append(rules, excelize.ConditionalFormatOptions{
			Type: "formula", Format: &style,
			Criteria: fmt.Sprintf("AND($%s=%s,$%s=%d)", cell(devStatCol, r1), open, cell(devLevelCol, r1), i+1),
		})
	}
	w.do(func() error {
		return w.f.SetConditionalFormat(w.sheet, area(devLevelCol, r1, devLevelCol+1, r2), rules)
	})
}

// listedDeviations are the deviations of quarter and before, open first,
// then newest quarter, highest level and KPI id.
func listedDeviations(all []Deviation, quarter string) []Deviation {
	var kept []Deviation
	for _, d := range all {
		if quarter == "" || d.Quarter <= quarter {
			kept = append(kept, d)
		}
	}
	slices.SortStableFunc(kept, func(a, b Deviation) int {
		return cmp.Or(
			cmp.Compare(statusRank(a.Status), statusRank(b.Status)),
			cmp.Compare(b.Quarter, a.Quarter),
			cmp.Compare(b.Level, a.Level),
			cmp.Compare(a.KPI, b.KPI),
		)
	})
	return kept
}

func statusRank(status string) int {
	if status == "open" {
		return 0
	}
	return 1
}

// levelsNote explains how levels rise with the rule in force, read from
// config when the caller passed it and the defaults otherwise.
func levelsNote(tr translator, config [][2]string) string {
	perLevel, bigGap := "1", "25"
	for _, kv := range config {
		switch {
		case kv[0] == perLevelKey && kv[1] != "":
			perLevel = kv[1]
		case kv[0] == bigGapKey && kv[1] != "":
			bigGap = kv[1]
		}
	}
	rise := tr.msg("dev.rise1")
	if perLevel != "1" {
		rise = tr.msgf("dev.riseN", perLevel)
	}
	return tr.msgf("dev.levels", rise, bigGap)
}

func levelLabel(tr translator, level int) string {
	if level >= 1 && level <= 3 {
		return tr.msg("dev.level." + strconv.Itoa(level))
	}
	return strconv.Itoa(level)
}

func statusLabel(tr translator, status string) string {
	if status == "open" || status == "closed" {
		return tr.msg("dev.status." + status)
	}
	return status
}

// gapFormat shows a gap to target in the KPI's unit, unsigned: seconds as
// seconds, a share's gap in percentage points.
func gapFormat(unit string, tr translator) (string, float64) {
	switch unit {
	case "s":
		return `0.0" s"`, 1
	case "share":
		return fmt.Sprintf(`0.0" %s"`, tr.msg("unit.pp")), 100
	case "h", "d":
		return fmt.Sprintf(`0.0" %s"`, tr.msg("unit."+unit)), 1
	}
	return unitFormat(unit, tr)
}

// kpiUnits gives each KPI id its unit of measure from whichever quarter or
// trend knows it; an id ending in _s is in seconds.
func kpiUnits(q *Quarterly) map[string]string {
	m := map[string]string{}
	for _, t := range q.Trends {
		m[t.ID] = t.Unit
	}
	for _, group := range [][]KPI{q.YearAgo, q.Previous, q.KPIs} {
		for _, k := range group {
			if k.Unit != "" {
				m[k.ID] = k.Unit
			}
		}
	}
	for _, d := range q.Deviations {
		if m[d.KPI] == "" && strings.HasSuffix(d.KPI, "_s") {
			m[d.KPI] = "s"
		}
	}
	return m
}

// codeStyle is a command line's style: monospace, bold, the title colour.
func codeStyle(w *sheetWriter) int {
	var id int
	w.do(func() (err error) {
		id, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Courier New", Bold: true, Color: colourTitle}})
		return err
	})
	return id
}
