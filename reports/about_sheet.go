package reports

import (
	"strconv"
	"time"
)

// definitionWidth is the width of the definitions column, in characters.
const definitionWidth = 70

// phoneTableKPIs are the KPIs behind the phone sheet's columns; the about
// sheet defines them even when the summary does not list them.
var phoneTableKPIs = []string{
	"phone.offered", "phone.answered", "phone.abandoned", "phone.flowout",
	"phone.asa_s", "phone.service_level", "phone.abandon_rate", "phone.max_wait_s",
}

// writeAbout fills the "Om rapporten" sheet: definitions, calendar,
// thresholds, input files and where the workbook came from.
func writeAbout(w *sheetWriter, q *Quarterly) {
	loc := location(q.Calendar.Timezone)
	w.text(1, 1, w.tr.msg("title.about"), w.st.title)
	row := definitions(w, 3, kpiIDs(q.KPIs), phoneTableKPIs, caseTableKPIs, hiresTableKPIs, trendAndDeviationIDs(q))
	row = calendar(w, row, q, loc)
	row = settings(w, row, q.Config)
	row = inputFiles(w, row, q.Files, loc)
	software(w, row, q.Version, q.GeneratedAt, loc)
	w.freeze(1)
	w.widths(36, 30, definitionWidth, 10, 10, 20)
}

// definitions lists every KPI id of the groups once, in order, with its
// name and definition.
func definitions(w *sheetWriter, row int, groups ...[]string) int {
	w.text(1, row, w.tr.msg("section.defs"), w.st.section)
	w.paragraph(row+1, 3, w.tr.msg("note.scope"), 32)
	row += 2
	w.header(1, row, w.tr.msg("col.kpi"), w.tr.msg("col.id"), w.tr.msg("col.definition"))
	for _, id := range uniqueIDs(groups...) {
		row++
		w.text(1, row, w.tr.msg(id), w.st.wrap)
		w.text(2, row, id, w.st.wrap)
		w.text(3, row, w.tr.definition(id), w.st.wrap)
		w.fitRow(row, w.tr.definition(id), definitionWidth)
	}
	return row + 2
}

// software writes the version and time the workbook was made.
func software(w *sheetWriter, row int, version string, generated time.Time, loc *time.Location) {
	w.text(1, row, w.tr.msg("section.software"), w.st.section)
	w.text(1, row+1, w.tr.msg("label.version"), w.st.label)
	w.text(2, row+1, version, w.st.text)
	w.text(1, row+2, w.tr.msgf("label.generated", loc), w.st.label)
	w.when(2, row+2, generated, loc, fmtDateTime)
}

// kpiIDs lists the ids of kpis in order.
func kpiIDs(kpis []KPI) []string {
	ids := make([]string, len(kpis))
	for i, k := range kpis {
		ids[i] = k.ID
	}
	return ids
}

// uniqueIDs joins the groups, keeping each id's first place.
func uniqueIDs(groups ...[]string) []string {
	seen := map[string]bool{}
	var ids []string
	for _, g := range groups {
		for _, id := range g {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// calendar writes the time zone, phone hours and the quarter's closed days.
func calendar(w *sheetWriter, row int, q *Quarterly, loc *time.Location) int {
	w.text(1, row, w.tr.msg("section.calendar"), w.st.section)
	w.text(1, row+1, w.tr.msg("label.timezone"), w.st.label)
	w.text(2, row+1, loc.String(), w.st.text)
	w.text(1, row+2, w.tr.msg("label.phonehours"), w.st.label)
	w.text(2, row+2, q.Calendar.PhoneHours, w.st.text)
	w.text(1, row+4, w.tr.msg("section.closed"), w.st.section)
	row += 5
	w.header(1, row, w.tr.msg("col.date"), w.tr.msg("col.name"))
	days := closedInQuarter(q.Calendar.ClosedDays, q.Quarter)
	for i, d := range days {
		w.day(1, row+1+i, d.Date)
		w.text(2, row+1+i, d.Name, w.st.text)
	}
	if len(days) == 0 {
		w.text(1, row+1, w.tr.msg("none"), w.st.text)
		return row + 3
	}
	return row + len(days) + 2
}

// settings writes the thresholds in force as name/value pairs.
func settings(w *sheetWriter, row int, config [][2]string) int {
	w.text(1, row, w.tr.msg("section.config"), w.st.section)
	w.header(1, row+1, w.tr.msg("col.setting"), w.tr.msg("col.settingvalue"))
	for i, kv := range config {
		w.text(1, row+2+i, kv[0], w.st.text)
		w.text(2, row+2+i, kv[1], w.st.text)
	}
	return row + len(config) + 3
}

// inputFiles writes the ledger rows behind the figures.
func inputFiles(w *sheetWriter, row int, files []InputFile, loc *time.Location) int {
	w.text(1, row, w.tr.msg("section.files"), w.st.section)
	row++
	w.header(1, row, w.tr.msg("col.file"), w.tr.msg("col.kind"), w.tr.msg("col.sha"),
		w.tr.msg("col.rows"), w.tr.msg("col.rejected"), w.tr.msgf("col.loaded", loc))
	for i, in := range files {
		r := row + 1 + i
		w.text(1, r, in.Name, w.st.text)
		w.text(2, r, in.Kind, w.st.text)
		w.text(3, r, in.SHA256, w.st.text)
		w.count(4, r, in.Rows)
		w.count(5, r, in.Rejected)
		w.when(6, r, in.LoadedAt, loc, fmtDateTime)
	}
	return row + len(files) + 2
}

// day writes a calendar date as it reads in its own time zone.
func (w *sheetWriter) day(col, row int, d time.Time) {
	midnight := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	w.when(col, row, midnight, time.UTC, fmtDate)
}

// closedInQuarter keeps the days that fall in quarter ("2026Q3"); all of
// them when the quarter cannot be read.
func closedInQuarter(days []NamedDay, quarter string) []NamedDay {
	year, err1 := strconv.Atoi(quarter[:min(4, len(quarter))])
	n, err2 := strconv.Atoi(quarter[min(5, len(quarter)):])
	if err1 != nil || err2 != nil || len(quarter) != 6 || quarter[4] != 'Q' || n < 1 || n > 4 {
		return days
	}
	var kept []NamedDay
	for _, d := range days {
		if d.Date.Year() == year && (int(d.Date.Month())-1)/3+1 == n {
			kept = append(kept, d)
		}
	}
	return kept
}

// location loads the calendar's time zone, falling back to Europe/Oslo and
// then UTC when the zone database lacks it.
func location(name string) *time.Location {
	for _, n := range []string{name, "Europe/Oslo"} {
		if n == "" {
			continue
		}
		if loc, err := time.LoadLocation(n); err == nil {
			return loc
		}
	}
	return time.UTC
}
