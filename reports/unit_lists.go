package reports

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// listHead is the header row of a unit workbook's lists.
const listHead = 3

// listSheet is one of the unit workbook's lists: a title, a subtitle, a
// header row and one row per item, written through a StreamWriter as a
// unit may have thousands of items.
type listSheet struct {
	title, subtitle string
	headers         []string  // message ids of the column headings
	widths          []float64 // column widths, first column first
	headHeight      float64
	rows            int
	cells           func(i int, s listStyles) []any // item i's cells
	height          func(i int) float64             // item i's row height; nil for the default
	marks           []listMark
}

// listMark colours the cells of a column that read good green and those
// that read bad red; an empty label colours nothing.
type listMark struct {
	col       int
	good, bad string
}

// listStyles are the style ids of a list's kinds of cell. Cells sit at the
// top of their row, so a row made tall by wrapped text still reads across.
type listStyles struct {
	title, subtitle, header                                   int
	text, wrap, when, date, decimal, wholeDays, count, amount int
}

// writeList fills w's sheet with l. The autofilter, the colours and the
// print setup are worksheet settings made before streaming starts:
// excelize writes the sheet properties when the stream opens, and the
// autofilter replaces them, so the filter goes first. Every cell goes
// through the stream.
func writeList(w *sheetWriter, l listSheet) error {
	last := listHead + l.rows
	if l.rows > 0 {
		w.filter(1, listHead, len(l.widths), last)
		for _, m := range l.marks {
			w.textColours(m.col, listHead+1, last, m.good, m.bad)
		}
	}
	w.printSetup()
	w.do(func() error { // repeat the header on every printed page
		return w.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: w.sheet, RefersTo: fmt.Sprintf("%s$%[2]d:$%[2]d", w.quoted(), listHead),
		})
	})
	if w.err != nil {
		return w.err
	}
	s, err := w.listStyles()
	if err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(w.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := streamList(sw, w.tr, s, l); err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: flush: %w", w.sheet, err)
	}
	return nil
}

// streamList writes widths, panes, the title, the header and the rows in
// the order the stream writer demands.
func streamList(sw *excelize.StreamWriter, tr translator, s listStyles, l listSheet) error {
	// Each width goes in front of the ones before; set them last column
	// first so that <cols> comes out in the ascending order Excel expects.
	for i := len(l.widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, l.widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenRows(listHead)); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: s.title, Value: l.title}}); err != nil {
		return err
	}
	// The subtitle wraps across the table's width rather than running far
	// past it, which would also shrink the printed page.
	subtitle := excelize.RowOpts{Height: wrappedHeight(l.subtitle, sum(l.widths))}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: s.subtitle, Value: l.subtitle}}, subtitle); err != nil {
		return err
	}
	if err := sw.MergeCell("A2", cell(len(l.widths), 2)); err != nil {
		return err
	}
	header := make([]any, len(l.headers))
	for i, id := range l.headers {
		header[i] = excelize.Cell{StyleID: s.header, Value: tr.msg(id)}
	}
	if err := sw.SetRow(cell(1, listHead), header, excelize.RowOpts{Height: l.headHeight}); err != nil {
		return err
	}
	if l.rows == 0 {
		return sw.SetRow(cell(1, listHead+1), []any{s.str(tr.msg("none"))})
	}
	for i := range l.rows {
		var opts excelize.RowOpts
		if l.height != nil {
			opts.Height = l.height(i)
		}
		if err := sw.SetRow(cell(1, listHead+1+i), l.cells(i, s), opts); err != nil {
			return err
		}
	}
	return nil
}

// listStyles registers (or finds) the styles the lists use.
func (w *sheetWriter) listStyles() (listStyles, error) {
	s := listStyles{title: w.st.title, header: w.st.header}
	subtitle, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: colourMuted},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return s, fmt.Errorf("list style: %w", err)
	}
	s.subtitle = subtitle
	for _, c := range []struct {
		id     *int
		format string
		wrap   bool
	}{
		{&s.text, "", false}, {&s.wrap, "", true}, {&s.when, fmtDateTime, false},
		{&s.date, fmtDate, false}, {&s.decimal, fmtDays, false}, {&s.wholeDays, fmtWholeDay, false},
		{&s.count, fmtCount, false}, {&s.amount, fmtAmount, false},
	} {
		style := &excelize.Style{Border: borders(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: c.wrap}}
		if c.format != "" {
			style.CustomNumFmt = &c.format
		}
		if c.format == fmtDate || c.format == fmtDateTime {
			style.Alignment.Horizontal = "left"
		}
		id, err := w.f.NewStyle(style)
		if err != nil {
			return s, fmt.Errorf("list style: %w", err)
		}
		*c.id = id
	}
	return s, nil
}

// str is input text as a cell. The stream writer stores string values as
// text, never as a formula, so "=1+2" stays "=1+2".
func (s listStyles) str(v string) excelize.Cell { return excelize.Cell{StyleID: s.text, Value: v} }

// at is a point in time shown as its wall clock in loc; empty when missing.
func (s listStyles) at(t *time.Time, loc *time.Location) excelize.Cell {
	return excelize.Cell{StyleID: s.when, Value: localTime(t, loc)}
}

// on is a calendar date, shown as the date it reads in its own time zone;
// empty when missing.
func (s listStyles) on(t *time.Time) excelize.Cell {
	var v any
	if t != nil && !t.IsZero() {
		v = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return excelize.Cell{StyleID: s.date, Value: v}
}

// num is a figure in the given style; empty when missing.
func (s listStyles) num(v *float64, style int) excelize.Cell {
	if v == nil {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: *v}
}

// yesNo is "Ja" or "Nei" in the report's language; empty when unknown.
func (s listStyles) yesNo(b *bool, tr translator) excelize.Cell {
	switch {
	case b == nil:
		return excelize.Cell{StyleID: s.text}
	case *b:
		return s.str(tr.msg("payroll.yes"))
	}
	return s.str(tr.msg("payroll.no"))
}

// localTime is t's wall clock in loc, or nil (an empty cell) for no time.
func localTime(t *time.Time, loc *time.Location) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return wallClock(*t, loc)
}
