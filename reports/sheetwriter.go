package reports

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetWriter writes typed cells to one sheet. It keeps the first error and
// ignores later calls, so a sheet is laid out top to bottom and checked once.
// Text always goes through SetCellStr, so input such as "=1+2" stays text.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	st    *styleSet
	tr    translator
	err   error
}

// cell names a cell from 1-based column and row.
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // only reachable with a column or row below 1: a bug here
	}
	return name
}

// area names the range from (c1, r1) to (c2, r2).
func area(c1, r1, c2, r2 int) string { return cell(c1, r1) + ":" + cell(c2, r2) }

// quoted is the sheet name as a formula reference prefix: 'Telefon'!
func (w *sheetWriter) quoted() string { return "'" + w.sheet + "'!" }

// ref is the absolute, sheet-qualified range from (c1, r1) to (c2, r2),
// as chart series want it.
func (w *sheetWriter) ref(c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1, true)
	b, _ := excelize.CoordinatesToCellName(c2, r2, true)
	return w.quoted() + a + ":" + b
}

// do runs fn unless an earlier step failed.
func (w *sheetWriter) do(fn func() error) {
	if w.err == nil {
		if err := fn(); err != nil {
			w.err = fmt.Errorf("sheet %s: %w", w.sheet, err)
		}
	}
}

func (w *sheetWriter) style(col, row, style int) {
	w.do(func() error { return w.f.SetCellStyle(w.sheet, cell(col, row), cell(col, row), style) })
}

// text writes s as a string cell.
func (w *sheetWriter) text(col, row int, s string, style int) {
	w.do(func() error { return w.f.SetCellStr(w.sheet, cell(col, row), s) })
	w.style(col, row, style)
}

// number writes v with the given number format.
func (w *sheetWriter) number(col, row int, v float64, format string) {
	w.do(func() error { return w.f.SetCellFloat(w.sheet, cell(col, row), v, -1, 64) })
	w.numberStyle(col, row, format)
}

func (w *sheetWriter) numberStyle(col, row int, format string) {
	w.do(func() error {
		id, err := w.st.number(format)
		if err != nil {
			return err
		}
		return w.f.SetCellStyle(w.sheet, cell(col, row), cell(col, row), id)
	})
}

// count writes an integer as #,##0.
func (w *sheetWriter) count(col, row int, n int64) {
	w.do(func() error { return w.f.SetCellInt(w.sheet, cell(col, row), n) })
	w.numberStyle(col, row, fmtCount)
}

// optional writes v×scale in format, or leaves a styled empty cell for nil.
func (w *sheetWriter) optional(col, row int, v *float64, format string, scale float64) {
	if v == nil {
		w.numberStyle(col, row, format)
		return
	}
	w.number(col, row, *v*scale, format)
}

// measure writes a KPI-like value in its unit's format (seconds as [m]:ss).
func (w *sheetWriter) measure(col, row int, v *float64, unit string) {
	format, scale := unitFormat(unit, w.tr)
	w.optional(col, row, v, format, scale)
}

// when writes t as an Excel date-time showing its wall clock in loc.
func (w *sheetWriter) when(col, row int, t time.Time, loc *time.Location, format string) {
	if t.IsZero() {
		w.numberStyle(col, row, format)
		return
	}
	w.do(func() error { return w.f.SetCellValue(w.sheet, cell(col, row), wallClock(t, loc)) })
	w.numberStyle(col, row, format)
}

// wallClock is t as read on a clock in loc, carried in a UTC time so that
// excelize stores that date and time unshifted.
func wallClock(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// header writes a row of column headings starting at col, two lines high
// so that long headings wrap.
func (w *sheetWriter) header(col, row int, labels ...string) {
	for i, l := range labels {
		w.text(col+i, row, l, w.st.header)
	}
	w.do(func() error { return w.f.SetRowHeight(w.sheet, row, 30) })
}

// fitRow makes row tall enough for text wrapped in a column width wide.
// Neither Excel nor LibreOffice reliably grows rows with wrapped text when
// opening a file, so the height is set from a conservative estimate.
func (w *sheetWriter) fitRow(row int, text string, width float64) {
	perLine := int(width)
	lines := (utf8.RuneCountInString(text) + perLine - 1) / perLine
	if lines > 1 {
		w.do(func() error { return w.f.SetRowHeight(w.sheet, row, 15*float64(lines)+2) })
	}
}

// widths sets the widths of columns A, B, … in order.
func (w *sheetWriter) widths(widths ...float64) {
	for i, width := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		w.do(func() error { return w.f.SetColWidth(w.sheet, name, name, width) })
	}
}

// freeze keeps rows 1…row in view while scrolling.
func (w *sheetWriter) freeze(row int) {
	w.do(func() error { return w.f.SetPanes(w.sheet, frozenRows(row)) })
}

// frozenRows is the panes setting that keeps rows 1…row in view.
func frozenRows(row int) *excelize.Panes {
	top := cell(1, row+1)
	return &excelize.Panes{
		Freeze: true, YSplit: row, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}
}

// filter puts an autofilter on a table whose header row is first.
func (w *sheetWriter) filter(c1, r1, c2, r2 int) {
	w.do(func() error { return w.f.AutoFilter(w.sheet, area(c1, r1, c2, r2), nil) })
}

// printSetup prints the sheet landscape on A4, one page wide and as many
// tall as it needs. The paper is set so that page breaks placed for A4 (see
// keepOnPage) hold wherever the file is printed.
func (w *sheetWriter) printSetup() {
	landscape, one, tall, a4 := "landscape", 1, 0, 9
	fit := true
	w.do(func() error {
		return w.f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	})
	w.do(func() error {
		return w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{
			Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall,
		})
	})
}

// keepOnPage starts a printed page at row unless rows row…row+n−1 already
// fit on the first page, so a table or chart that does fit on one page is
// never cut by a page break. widthPx is the sheet's printed width.
func (w *sheetWriter) keepOnPage(row, n int, widthPx float64) {
	if row > 1 && row+n-1 > pageRows(widthPx) {
		w.do(func() error { return w.f.InsertPageBreak(w.sheet, cell(1, row)) })
	}
}

// pageRows estimates, on the short side, how many default-height rows one
// landscape A4 page holds when a sheet widthPx wide is fitted to the page's
// width with the default margins.
func pageRows(widthPx float64) int {
	const pageW, pageH, rowH = 980.0, 620.0, 20.0
	return int(pageH / min(1, pageW/widthPx) / rowH)
}

// columnsPixels is the width in pixels of columns of the given widths in
// characters, as Excel converts them with its default font.
func columnsPixels(widths ...float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += w*7 + 5
	}
	return px
}
