package reports

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// fmtGrade shows a sick-leave grade given in percent (50 → "50 %").
const fmtGrade = `0" %"`

// followupList is one of the five follow-up lists of SPEC §4.5: the rows it
// takes (by FollowupRow.List), its sheet name and heading, a note on what
// it holds, and its columns. Each list has only the columns it needs.
type followupList struct {
	id, sheet, note string
	columns         []followupColumn
}

// followupColumn is one column of a list: its heading, width and cell.
type followupColumn struct {
	header string
	width  float64
	cell   func(c followupCells, r FollowupRow) excelize.Cell
}

// followupCells is what a column needs to make a cell: the list styles,
// the grade's style and the report's language.
type followupCells struct {
	listStyles
	grade int
	tr    translator
}

// followupLists are the lists in the order the workbooks show them. The
// sick-leave list is health data and shows only unit, employee, period,
// grade and next deadline: never Ref, Amount or Detail.
func followupLists() []followupList {
	unit := textColumn("col.unit", 11, func(r FollowupRow) string { return r.Unit })
	employee := textColumn("payroll.col.employee", 12, func(r FollowupRow) string { return r.EmployeeID })
	ref := func(header string) followupColumn {
		return textColumn(header, 14, func(r FollowupRow) string { return r.Ref })
	}
	from := dateColumn("col.from", func(r FollowupRow) *time.Time { return r.From })
	to := dateColumn("col.to", func(r FollowupRow) *time.Time { return r.To })
	deadline := dateColumn("col.deadline", func(r FollowupRow) *time.Time { return r.Deadline })
	overdue := followupColumn{"col.overdue", 10, func(c followupCells, r FollowupRow) excelize.Cell {
		return c.yesNo(&r.Overdue, c.tr)
	}}
	note := followupColumn{"col.note", 36, func(c followupCells, r FollowupRow) excelize.Cell {
		return excelize.Cell{StyleID: c.wrap, Value: r.Detail}
	}}
	grade := followupColumn{"col.grade", 9, func(c followupCells, r FollowupRow) excelize.Cell {
		return c.num(r.GradePct, c.grade)
	}}
	outstanding := followupColumn{"col.outstanding", 16, func(c followupCells, r FollowupRow) excelize.Cell {
		return c.num(r.Amount, c.amount)
	}}
	return []followupList{
		{"leavers", "sheet.fu_leavers", "note.fu_leavers", []followupColumn{
			unit, employee, ref("col.contractref"), kindColumn("leavers", "col.what"), from, to,
			dateColumn("col.date", func(r FollowupRow) *time.Time { return r.Deadline }), overdue, note,
		}},
		{"sick_leave", "sheet.fu_sick", "note.fu_sick", []followupColumn{
			unit, employee, from, to, grade, kindColumn("sick_leave", "col.nextdeadline"), deadline, overdue,
		}},
		{"refunds", "sheet.fu_refunds", "note.fu_refunds", []followupColumn{
			unit, employee, ref("col.navclaim"), kindColumn("refunds", "col.what"), from, to, deadline, overdue, outstanding,
		}},
		{"contracts", "sheet.fu_contracts", "note.fu_contracts", []followupColumn{
			unit, employee, ref("col.contract"), kindColumn("contracts", "col.what"),
			dateColumn("col.startdate", func(r FollowupRow) *time.Time { return r.From }),
			dateColumn("col.enddate", func(r FollowupRow) *time.Time { return r.To }), deadline, overdue, note,
		}},
		{"forms", "sheet.fu_forms", "note.fu_forms", []followupColumn{
			unit, employee, ref("col.form"), note,
			dateColumn("col.paycutoff", func(r FollowupRow) *time.Time { return r.Deadline }), overdue,
		}},
	}
}

func textColumn(header string, width float64, field func(FollowupRow) string) followupColumn {
	return followupColumn{header, width, func(c followupCells, r FollowupRow) excelize.Cell { return c.str(field(r)) }}
}

func dateColumn(header string, field func(FollowupRow) *time.Time) followupColumn {
	return followupColumn{header, 12, func(c followupCells, r FollowupRow) excelize.Cell { return c.on(field(r)) }}
}

// kindColumn names the row's kind in words: "kind.<list>.<kind>".
func kindColumn(list, header string) followupColumn {
	return followupColumn{header, 22, func(c followupCells, r FollowupRow) excelize.Cell {
		return c.str(payrollLabel(c.tr, "kind."+list+".", r.Kind))
	}}
}

func (l followupList) headers() []string {
	ids := make([]string, len(l.columns))
	for i, c := range l.columns {
		ids[i] = c.header
	}
	return ids
}

func (l followupList) widths() []float64 {
	ws := make([]float64, len(l.columns))
	for i, c := range l.columns {
		ws[i] = c.width
	}
	return ws
}

// column is the 1-based column with the given heading; 0 when none.
func (l followupList) column(header string) int {
	return slices.IndexFunc(l.columns, func(c followupColumn) bool { return c.header == header }) + 1
}

// cells is one row of the list as typed cells.
func (l followupList) cells(c followupCells, r FollowupRow) []any {
	row := make([]any, len(l.columns))
	for i, col := range l.columns {
		row[i] = col.cell(c, r)
	}
	return row
}

// height is a row's height when its note wraps in a column width wide;
// 0 (the default height) for a list without a note.
func (l followupList) height(r FollowupRow, widths []float64) float64 {
	if col := l.column("col.note"); col > 0 && r.Detail != "" {
		return wrappedHeight(r.Detail, widths[col-1])
	}
	return 0
}

// followupRows are the rows of list, earliest deadline first and rows
// without a deadline last; ties go by unit, employee and reference.
func followupRows(rows []FollowupRow, list string) []FollowupRow {
	var kept []FollowupRow
	for _, r := range rows {
		if r.List == list {
			kept = append(kept, r)
		}
	}
	slices.SortStableFunc(kept, func(a, b FollowupRow) int {
		return cmp.Or(compareDeadlines(a.Deadline, b.Deadline),
			cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.EmployeeID, b.EmployeeID), cmp.Compare(a.Ref, b.Ref))
	})
	return kept
}

func compareDeadlines(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Compare(*b)
}

// overdueRows paints rows r1…r2 of a list red where its overdue column
// reads yes. The rule is a formula on the row, so it follows the rows when
// the list is sorted or filtered.
func (w *sheetWriter) overdueRows(l followupList, r1, r2, style int) {
	col := l.column("col.overdue")
	if r2 < r1 || col == 0 {
		return
	}
	letter, _ := excelize.ColumnNumberToName(col)
	rule := excelize.ConditionalFormatOptions{
		Type: "formula", Criteria: "$" + letter + strconv.Itoa(r1) + `="` + w.tr.msg("payroll.yes") + `"`, Format: &style,
	}
	w.do(func() error {
		return w.f.SetConditionalFormat(w.sheet, area(1, r1, len(l.columns), r2), []excelize.ConditionalFormatOptions{rule})
	})
}

// newOverdueStyle registers the conditional style of an overdue row: red
// like "not met", but not bold, as it covers whole rows.
func newOverdueStyle(f *excelize.File) (int, error) {
	return f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: colourBadFg}, Fill: solid(colourBad)})
}

// asOfText is the list date as it reads in its own zone: 2026-09-30.
func asOfText(t time.Time) string { return t.Format(time.DateOnly) }
