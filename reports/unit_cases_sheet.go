package reports

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// unitCasesHead is the header row of the unit's case list.
const unitCasesHead = listHead

// unitCaseWidths are the case list's column widths, number to reopens.
var unitCaseWidths = []float64{14, 20, 24, 10, 22, 18, 16, 17, 17, 17, 15, 15, 11}

// writeUnitCases fills the case sheet of w with one row per case.
func writeUnitCases(w *sheetWriter, u *UnitReport, loc *time.Location) error {
	return writeList(w, listSheet{
		title:    w.tr.msgf("title.unitcases", unitLabel(u.Unit), u.Quarter),
		subtitle: w.tr.msgf("subtitle.unitcases", loc),
		headers: []string{"col.number", "col.category", "col.subcategory", "col.unit", "col.group",
			"col.operator", "col.status", "col.started", "col.firstresponse", "col.resolvedat",
			"col.response_h", "col.resolution_h", "col.reopens"},
		widths:     unitCaseWidths,
		headHeight: 45,
		rows:       len(u.Cases),
		cells:      func(i int, s listStyles) []any { return caseCells(u.Cases[i], s, loc) },
	})
}

// caseCells is one case as typed cells.
func caseCells(c CaseRow, s listStyles, loc *time.Location) []any {
	return []any{
		s.str(c.Number), s.str(c.Category), s.str(c.Subcategory), s.str(c.Unit),
		s.str(c.OperatorGroup), s.str(c.Operator), s.str(c.Status),
		s.at(&c.Started, loc), s.at(c.FirstResponse, loc), s.at(c.Resolved, loc),
		s.num(c.ResponseH, s.decimal), s.num(c.ResolutionH, s.decimal),
		excelize.Cell{StyleID: s.count, Value: c.Reopens},
	}
}
