package reports

import (
	"fmt"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// ruleHeadRow is the header row of a rule's findings sheet.
const ruleHeadRow = 3

// Column widths of a findings sheet, employee id to new; detail is wrapped
// in its column.
var findingWidths = []float64{13, 17, 10, 60, 11, 24, 10, 32, 7}

const detailCol = 3 // index of the detail column in findingWidths

// findingStyles are the style ids of a findings sheet's kinds of cell.
type findingStyles struct{ title, subtitle, header, text, wrap int }

// writeRuleSheet fills w's sheet with one rule's findings through a
// StreamWriter, as a bad run may flag tens of thousands of rows. As in
// writeUnitCases, the autofilter and the print setup are made before the
// stream opens, the filter first.
func writeRuleSheet(w *sheetWriter, ps payrollStyles, g ruleFindings) error {
	w.filter(1, ruleHeadRow, len(findingWidths), ruleHeadRow+len(g.rows))
	w.printSetup()
	w.do(func() error { // repeat the header on every printed page
		return w.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: w.sheet, RefersTo: fmt.Sprintf("%s$%[2]d:$%[2]d", w.quoted(), ruleHeadRow),
		})
	})
	if w.err != nil {
		return w.err
	}
	s := findingStyles{w.st.title, w.st.subtitle, w.st.header, ps.top, w.st.wrap}
	sw, err := w.f.NewStreamWriter(w.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := streamFindings(sw, w.tr, s, g); err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: flush: %w", w.sheet, err)
	}
	return nil
}

// streamFindings writes widths, panes, title, header and rows in the order
// the stream writer demands.
func streamFindings(sw *excelize.StreamWriter, tr translator, s findingStyles, g ruleFindings) error {
	for i := len(findingWidths) - 1; i >= 0; i-- { // see streamCases
		if err := sw.SetColWidth(i+1, i+1, findingWidths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenRows(ruleHeadRow)); err != nil {
		return err
	}
	title, accepted, fresh := g.id, 0, 0
	if g.summary != nil && g.summary.Title != "" {
		title = g.summary.Title
	}
	for _, f := range g.rows {
		accepted += boolCount(f.Accepted)
		fresh += boolCount(f.New)
	}
	heading := []struct {
		text  string
		style int
	}{
		{tr.msgf("payroll.title.rule", title, g.id), s.title},
		{tr.msgf("payroll.subtitle.rule", len(g.rows), accepted, fresh), s.subtitle},
	}
	for i, h := range heading {
		if err := sw.SetRow(cell(1, i+1), []any{excelize.Cell{StyleID: h.style, Value: h.text}}); err != nil {
			return err
		}
	}
	if err := sw.SetRow(cell(1, ruleHeadRow), findingHeader(tr, s), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for i, f := range g.rows {
		opts := excelize.RowOpts{Height: wrappedHeight(f.Detail, findingWidths[detailCol])}
		if err := sw.SetRow(cell(1, ruleHeadRow+1+i), findingCells(tr, s, f), opts); err != nil {
			return err
		}
	}
	return nil
}

// findingHeader is a findings sheet's header row.
func findingHeader(tr translator, s findingStyles) []any {
	ids := []string{"payroll.col.employee", "payroll.col.employment", "payroll.col.unit",
		"payroll.col.detail", "payroll.col.severity", "payroll.col.fingerprint",
		"payroll.col.acceptedyn", "payroll.col.reason", "payroll.col.newyn"}
	row := make([]any, len(ids))
	for i, id := range ids {
		row[i] = excelize.Cell{StyleID: s.header, Value: tr.msg(id)}
	}
	return row
}

// findingCells is one finding as cells. Input text goes in as string
// values, which the stream writer stores as text, never as a formula.
func findingCells(tr translator, s findingStyles, f Finding) []any {
	text := func(v string) excelize.Cell { return excelize.Cell{StyleID: s.text, Value: v} }
	yesNo := func(b bool) excelize.Cell {
		if b {
			return text(tr.msg("payroll.yes"))
		}
		return text(tr.msg("payroll.no"))
	}
	return []any{
		text(f.EmployeeID), text(f.EmploymentID), text(f.Unit),
		excelize.Cell{StyleID: s.wrap, Value: f.Detail},
		text(payrollLabel(tr, "payroll.severity.", f.Severity)),
		text(f.Fingerprint), yesNo(f.Accepted), text(f.AcceptReason), yesNo(f.New),
	}
}

// wrappedHeight is the height of a row whose text wraps in a column width
// characters wide: one line's height unless the text needs more.
func wrappedHeight(text string, width float64) float64 {
	perLine := int(width) - 2
	lines := max(1, (utf8.RuneCountInString(text)+perLine-1)/perLine)
	return 15*float64(lines) + 2
}
