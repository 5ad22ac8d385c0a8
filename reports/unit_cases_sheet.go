package reports

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// unitCasesHead is the header row of the unit's case list.
const unitCasesHead = 3

// unitCaseWidths are the case list's column widths, number to reopens.
var unitCaseWidths = []float64{14, 20, 24, 10, 22, 18, 16, 17, 17, 17, 15, 15, 11}

// caseStyles are the style ids of the case list's kinds of cell.
type caseStyles struct {
	title, subtitle, header, text, when, hours, count int
}

// writeUnitCases fills the case sheet of w with one row per case through a
// StreamWriter, as a unit may have thousands. The autofilter and the print
// setup are worksheet settings made before streaming starts: excelize writes
// the sheet properties when the stream opens, and autofilter replaces them,
// so the filter goes first. Every cell goes through the stream.
func writeUnitCases(w *sheetWriter, u *UnitReport, loc *time.Location) error {
	last := unitCasesHead + len(u.Cases)
	if len(u.Cases) > 0 {
		w.filter(1, unitCasesHead, len(unitCaseWidths), last)
	}
	w.printSetup()
	w.do(func() error { // repeat the header on every printed page
		return w.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: w.sheet, RefersTo: fmt.Sprintf("%s$%[2]d:$%[2]d", w.quoted(), unitCasesHead),
		})
	})
	if w.err != nil {
		return w.err
	}
	styles, err := w.caseStyles()
	if err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(w.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := streamCases(sw, w.tr, styles, u, loc); err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: flush: %w", w.sheet, err)
	}
	return nil
}

// caseStyles registers (or finds) the styles the case list uses.
func (w *sheetWriter) caseStyles() (caseStyles, error) {
	s := caseStyles{title: w.st.title, subtitle: w.st.subtitle, header: w.st.header, text: w.st.text}
	for _, n := range []struct {
		id     *int
		format string
	}{{&s.when, fmtDateTime}, {&s.hours, fmtHours}, {&s.count, fmtCount}} {
		id, err := w.st.number(n.format)
		if err != nil {
			return s, err
		}
		*n.id = id
	}
	return s, nil
}

// streamCases writes widths, panes, the title, the header and the rows in
// the order the stream writer demands.
func streamCases(sw *excelize.StreamWriter, tr translator, s caseStyles, u *UnitReport, loc *time.Location) error {
	// Each width goes in front of the ones before; set them last column
	// first so that <cols> comes out in the ascending order Excel expects.
	for i := len(unitCaseWidths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, unitCaseWidths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenRows(unitCasesHead)); err != nil {
		return err
	}
	title := tr.msgf("title.unitcases", unitLabel(u.Unit), u.Quarter)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: s.title, Value: title}}); err != nil {
		return err
	}
	subtitle := tr.msgf("subtitle.unitcases", loc)
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: s.subtitle, Value: subtitle}}); err != nil {
		return err
	}
	if err := sw.SetRow(cell(1, unitCasesHead), caseHeader(tr, s), excelize.RowOpts{Height: 45}); err != nil {
		return err
	}
	if len(u.Cases) == 0 {
		none := []any{excelize.Cell{StyleID: s.text, Value: tr.msg("none")}}
		return sw.SetRow(cell(1, unitCasesHead+1), none)
	}
	for i, c := range u.Cases {
		if err := sw.SetRow(cell(1, unitCasesHead+1+i), caseCells(c, s, loc)); err != nil {
			return err
		}
	}
	return nil
}

// caseHeader is the case list's header row.
func caseHeader(tr translator, s caseStyles) []any {
	ids := []string{"col.number", "col.category", "col.subcategory", "col.unit", "col.group",
		"col.operator", "col.status", "col.started", "col.firstresponse", "col.resolvedat",
		"col.response_h", "col.resolution_h", "col.reopens"}
	row := make([]any, len(ids))
	for i, id := range ids {
		row[i] = excelize.Cell{StyleID: s.header, Value: tr.msg(id)}
	}
	return row
}

// caseCells is one case as typed cells. Input text goes in as string
// values, which the stream writer stores as text, never as a formula.
func caseCells(c CaseRow, s caseStyles, loc *time.Location) []any {
	text := func(v string) excelize.Cell { return excelize.Cell{StyleID: s.text, Value: v} }
	return []any{
		text(c.Number), text(c.Category), text(c.Subcategory), text(c.Unit),
		text(c.OperatorGroup), text(c.Operator), text(c.Status),
		excelize.Cell{StyleID: s.when, Value: localTime(&c.Started, loc)},
		excelize.Cell{StyleID: s.when, Value: localTime(c.FirstResponse, loc)},
		excelize.Cell{StyleID: s.when, Value: localTime(c.Resolved, loc)},
		excelize.Cell{StyleID: s.hours, Value: optionalHours(c.ResponseH)},
		excelize.Cell{StyleID: s.hours, Value: optionalHours(c.ResolutionH)},
		excelize.Cell{StyleID: s.count, Value: c.Reopens},
	}
}

// localTime is t's wall clock in loc, or nil (an empty cell) for no time.
func localTime(t *time.Time, loc *time.Location) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return wallClock(*t, loc)
}

// optionalHours is a business-hours figure, or nil (an empty cell) when missing.
func optionalHours(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
