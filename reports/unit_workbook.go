package reports

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// unitHeadRow is the header row of the unit's KPI table.
const unitHeadRow = 4

// UnitFileName returns a unit's status-meeting workbook name for a quarter
// such as "2026Q3": statusmote-<code>-<quarter>.xlsx. The code keeps its
// letters, digits and '-'; anything else (path separators, dots, spaces)
// becomes '_', so the name cannot climb out of the output folder.
func UnitFileName(unitCode, quarter string) string {
	return "statusmote-" + fileSafeCode(unitCode) + "-" + sanitise(quarter) + ".xlsx"
}

// fileSafeCode is a unit code fit for a file name; "enhet" when empty.
func fileSafeCode(code string) string {
	safe := strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, code)
	if safe == "" {
		return "enhet"
	}
	return safe
}

// WriteUnit renders a unit's status-meeting workbook to path in u.Lang: its
// key figures by quarter with the centre's phone figures, its cases, new
// hires, travel claims and payroll findings, its follow-up lists when it
// has them, and an "Om rapporten" sheet.
// It writes only what u holds; the caller picks the unit's rows.
func WriteUnit(path string, u *UnitReport) error {
	if u == nil {
		return errors.New("unit workbook: no figures")
	}
	err := writeWorkbook(path, u.Lang, func(f *excelize.File, tr translator) error {
		return buildUnit(f, tr, u)
	})
	if err != nil {
		return fmt.Errorf("unit workbook %s: %w", u.Unit.Code, err)
	}
	return nil
}

// buildUnit lays out the unit workbook's sheets in f. Times are shown in
// Europe/Oslo, loaded once here.
func buildUnit(f *excelize.File, tr translator, u *UnitReport) error {
	st, err := newStyleSet(f)
	if err != nil {
		return err
	}
	loc := location("Europe/Oslo")
	w := addSheet(f, st, tr, "sheet.keyfigures", true)
	writeKeyFigures(w, u)
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	lists := []unitSheet{
		{"sheet.cases", func(w *sheetWriter) error { return writeUnitCases(w, u, loc) }},
		{"sheet.newhires", func(w *sheetWriter) error { return writeUnitNewHires(w, u, loc) }},
		{"sheet.travel", func(w *sheetWriter) error { return writeUnitTravel(w, u, loc) }},
		{"sheet.checks", func(w *sheetWriter) error { return writeUnitChecks(w, u) }},
	}
	if u.Followup != nil {
		lists = append(lists, unitSheet{"sheet.followup", func(w *sheetWriter) error { return writeUnitFollowup(w, u) }})
	}
	for _, l := range lists {
		if err := l.write(addSheet(f, st, tr, l.id, false)); err != nil {
			return err
		}
	}
	w = addSheet(f, st, tr, "sheet.about", false)
	writeUnitAbout(w, u, loc)
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{
		Title: tr.msgf("title.unit", unitLabel(u.Unit), u.Quarter), Creator: "slakpi " + u.Version, Language: tr.lang,
	})
}

// unitSheet is one of the unit workbook's list sheets: its name's message
// id and what fills it.
type unitSheet struct {
	id    string
	write func(*sheetWriter) error
}

// unitLabel names a unit as "Name (CODE)", or by its code alone.
func unitLabel(u Unit) string {
	if u.Name == "" || u.Name == u.Code {
		return u.Code
	}
	return u.Name + " (" + u.Code + ")"
}

// writeKeyFigures fills the key-figures sheet: the unit's KPIs with one
// column per quarter, then the centre's phone KPIs for context.
func writeKeyFigures(w *sheetWriter, u *UnitReport) {
	w.text(1, 1, w.tr.msgf("title.unit", unitLabel(u.Unit), u.Quarter), w.st.title)
	w.text(1, 2, w.tr.msg("subtitle.unit"), w.st.subtitle)
	w.text(1, unitHeadRow-1, w.tr.msg("section.unitkpis"), w.st.section)
	row := unitKPITable(w, unitHeadRow, u.Quarters, u.KPIs)
	centrePhone(w, row, u.Phone, u.Quarter)
	widths := []float64{46}
	for range max(len(u.Quarters), 3) {
		widths = append(widths, 16)
	}
	w.widths(widths...)
}

// unitKPITable writes one row per KPI id and one column per quarter, a
// value missing from a quarter left empty. It returns the row after a gap.
func unitKPITable(w *sheetWriter, head int, quarters []string, kpis [][]KPI) int {
	ids, byQuarter := kpiGrid(kpis)
	if len(ids) == 0 {
		w.text(1, head, w.tr.msg("none"), w.st.text)
		return head + 2
	}
	w.header(1, head, append([]string{w.tr.msg("col.kpi")}, quarters...)...)
	for i, id := range ids {
		r := head + 1 + i
		w.text(1, r, w.tr.msg(id), w.st.text)
		unit := ""
		for _, m := range byQuarter {
			if k, ok := m[id]; ok && unit == "" {
				unit = k.Unit
			}
		}
		for j := range quarters {
			var v *float64
			if j < len(byQuarter) {
				v = byQuarter[j][id].Value
			}
			w.measure(2+j, r, v, unit)
		}
	}
	w.freeze(head)
	return head + len(ids) + 2
}

// kpiGrid indexes each quarter's KPIs by id and lists the ids in the order
// of the latest quarter, then any only earlier quarters have.
func kpiGrid(kpis [][]KPI) ([]string, []map[string]KPI) {
	byQuarter := make([]map[string]KPI, len(kpis))
	lists := make([][]string, 0, len(kpis))
	for i, ks := range kpis {
		byQuarter[i] = make(map[string]KPI, len(ks))
		for _, k := range ks {
			byQuarter[i][k.ID] = k
		}
		lists = append([][]string{kpiIDs(ks)}, lists...)
	}
	return uniqueIDs(lists...), byQuarter
}

// centrePhone writes the centre-wide phone KPIs with value, target and a
// traffic light, under a note that calls carry no unit.
func centrePhone(w *sheetWriter, row int, kpis []KPI, quarter string) {
	w.text(1, row, w.tr.msg("section.phone"), w.st.section)
	w.text(1, row+1, w.tr.msg("note.phone"), w.st.subtitle)
	head := row + 2
	if len(kpis) == 0 {
		w.text(1, head, w.tr.msg("none"), w.st.text)
		return
	}
	w.header(1, head, w.tr.msg("col.kpi"), strings.TrimSpace(w.tr.msgf("col.value", quarter)),
		w.tr.msg("col.target"), w.tr.msg("col.status"))
	for i, k := range kpis {
		r := head + 1 + i
		w.text(1, r, w.tr.msg(k.ID), w.st.text)
		w.measure(2, r, k.Value, k.Unit)
		format, scale := targetFormat(k.Unit, k.Comparison, w.tr)
		w.optional(3, r, k.Target, format, scale)
		w.status(4, r, k)
	}
	w.metColours(4, head+1, head+len(kpis))
}

// writeUnitAbout fills the unit workbook's "Om rapporten" sheet: what the
// workbook is for, that its lists of people are personal data, the
// definitions of the KPIs it shows, and its origin.
func writeUnitAbout(w *sheetWriter, u *UnitReport, loc *time.Location) {
	const width = 36 + 30 + definitionWidth
	w.text(1, 1, w.tr.msg("title.about"), w.st.title)
	about := w.tr.msgf("about.unit", unitLabel(u.Unit), u.Quarter)
	w.paragraph(2, 3, about, 17)
	w.fitRow(2, about, width)
	w.text(1, 4, w.tr.msg("section.personal"), w.st.section)
	people := w.tr.msgf("about.unitlists", w.tr.msg("sheet.newhires"), w.tr.msg("sheet.travel"), w.tr.msg("sheet.checks"))
	w.paragraph(5, 3, people, 17)
	w.fitRow(5, people, width)
	var shown [][]string
	for _, ks := range u.KPIs {
		shown = append(shown, kpiIDs(ks))
	}
	shown = append(shown, kpiIDs(u.Phone))
	row := 7
	if u.Followup != nil { // its sheet shows the follow-up KPIs and health data
		health := w.tr.msgf("about.unitfollowup", w.tr.msg("sheet.followup"))
		w.paragraph(6, 3, health, 17)
		w.fitRow(6, health, width)
		shown, row = append(shown, followupKPIIDs), 8
	}
	row = definitions(w, row, shown...)
	software(w, row, u.Version, u.GeneratedAt, loc)
	w.freeze(1)
	w.widths(36, 30, definitionWidth)
}
