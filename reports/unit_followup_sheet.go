package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// unitFuTotalsRow is the section heading of the follow-up sheet's totals;
// the lists start after them.
const unitFuTotalsRow = 4

// unitFuNameCols is how many columns a follow-up KPI's name spans.
const unitFuNameCols = 4

// followupBlock is one list on the unit's follow-up sheet: its heading at
// row, a note below, its header and then its rows (or "Ingen data").
type followupBlock struct {
	list followupList
	rows []FollowupRow
	row  int
}

func (b followupBlock) head() int  { return b.row + 2 }
func (b followupBlock) first() int { return b.head() + 1 }
func (b followupBlock) last() int  { return b.head() + max(len(b.rows), 1) }

// writeUnitFollowup fills the unit workbook's follow-up sheet: the unit's
// follow-up KPIs, then its five lists one under another, each sorted by
// deadline with overdue rows red. The rows go through a StreamWriter; the
// colours and print setup are made first, as for the other lists.
func writeUnitFollowup(w *sheetWriter, u *UnitReport) error {
	fu := u.Followup
	lists := followupLists()
	blocks := make([]followupBlock, len(lists))
	row := unitFuTotalsRow + len(followupKPIIDs) + 3
	var widths []float64
	for i, l := range lists {
		blocks[i] = followupBlock{list: l, rows: followupRows(fu.Rows, l.id), row: row}
		row = blocks[i].last() + 2
		for j, width := range l.widths() {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], width)
		}
	}
	overdue, err := newOverdueStyle(w.f)
	if err != nil {
		return fmt.Errorf("sheet %s: overdue style: %w", w.sheet, err)
	}
	for _, b := range blocks {
		w.overdueRows(b.list, b.first(), b.first()+len(b.rows)-1, overdue)
	}
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	s, err := w.listStyles()
	if err != nil {
		return err
	}
	grade, err := w.st.number(fmtGrade)
	if err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(w.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	fs := unitFollowupStream{sw: sw, w: w, c: followupCells{listStyles: s, grade: grade, tr: w.tr}, widths: widths}
	if err := fs.write(u, blocks); err != nil {
		return fmt.Errorf("sheet %s: %w", w.sheet, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: flush: %w", w.sheet, err)
	}
	return nil
}

// unitFollowupStream writes the follow-up sheet's rows in order.
type unitFollowupStream struct {
	sw     *excelize.StreamWriter
	w      *sheetWriter
	c      followupCells
	widths []float64
}

func (fs unitFollowupStream) write(u *UnitReport, blocks []followupBlock) error {
	for i := len(fs.widths) - 1; i >= 0; i-- { // <cols> in ascending order, as in streamList
		if err := fs.sw.SetColWidth(i+1, i+1, fs.widths[i]); err != nil {
			return err
		}
	}
	tr, fu := fs.w.tr, u.Followup
	title := tr.msgf("title.unitfollowup", unitLabel(u.Unit), asOfText(fu.AsOf))
	if err := fs.sw.SetRow("A1", []any{excelize.Cell{StyleID: fs.c.title, Value: title}}); err != nil {
		return err
	}
	if err := fs.note(2, tr.msg("subtitle.unitfollowup")); err != nil {
		return err
	}
	if err := fs.totals(fu.Totals); err != nil {
		return err
	}
	for _, b := range blocks {
		if err := fs.block(b); err != nil {
			return err
		}
	}
	return nil
}

// note writes wrapped text in italics across the sheet's columns.
func (fs unitFollowupStream) note(row int, text string) error {
	opts := excelize.RowOpts{Height: wrappedHeight(text, sum(fs.widths))}
	if err := fs.sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: fs.c.subtitle, Value: text}}, opts); err != nil {
		return err
	}
	return fs.sw.MergeCell(cell(1, row), cell(len(fs.widths), row))
}

// totals writes the unit's follow-up KPIs, each in its unit's format. The
// name spans the first unitFuNameCols columns, as they are narrow.
func (fs unitFollowupStream) totals(t FollowupTotals) error {
	tr, st := fs.w.tr, fs.w.st
	if err := fs.sw.SetRow(cell(1, unitFuTotalsRow), []any{excelize.Cell{StyleID: st.section, Value: tr.msg("section.fu_totals")}}); err != nil {
		return err
	}
	for i, k := range followupKPIs(t) {
		r := unitFuTotalsRow + 1 + i
		format, _ := unitFormat(k.Unit, tr)
		style, err := st.number(format)
		if err != nil {
			return err
		}
		cells := make([]any, unitFuNameCols+1)
		cells[0] = excelize.Cell{StyleID: st.label, Value: tr.msg(k.ID)}
		for c := 1; c < unitFuNameCols; c++ {
			cells[c] = excelize.Cell{StyleID: st.label}
		}
		cells[unitFuNameCols] = excelize.Cell{StyleID: style, Value: *k.Value}
		if err := fs.sw.SetRow(cell(1, r), cells); err != nil {
			return err
		}
		if err := fs.sw.MergeCell(cell(1, r), cell(unitFuNameCols, r)); err != nil {
			return err
		}
	}
	return nil
}

// block writes one list: heading, note, header and rows.
func (fs unitFollowupStream) block(b followupBlock) error {
	tr := fs.w.tr
	if err := fs.sw.SetRow(cell(1, b.row), []any{excelize.Cell{StyleID: fs.w.st.section, Value: tr.msg(b.list.sheet)}}); err != nil {
		return err
	}
	if err := fs.note(b.row+1, tr.msg(b.list.note)); err != nil {
		return err
	}
	header := make([]any, len(b.list.columns))
	for i, id := range b.list.headers() {
		header[i] = excelize.Cell{StyleID: fs.c.header, Value: tr.msg(id)}
	}
	if err := fs.sw.SetRow(cell(1, b.head()), header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if len(b.rows) == 0 {
		return fs.sw.SetRow(cell(1, b.first()), []any{fs.c.str(tr.msg("none"))})
	}
	for i, r := range b.rows {
		opts := excelize.RowOpts{Height: b.list.height(r, fs.widths)}
		if err := fs.sw.SetRow(cell(1, b.first()+i), b.list.cells(fs.c, r), opts); err != nil {
			return err
		}
	}
	return nil
}
