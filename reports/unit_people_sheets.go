package reports

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// Column widths of the unit workbook's lists of people, first column first.
var (
	newHireWidths = []float64{13, 13, 17, 10, 17, 17, 12, 14, 13, 13}
	travelWidths  = []float64{15, 13, 10, 17, 17, 16, 12, 14}
	checkWidths   = []float64{15, 16, 24, 11, 13, 17, 10, 50, 10, 24, 24}
)

// checkDetailCol is the 0-based index of the detail column in checkWidths.
const checkDetailCol = 7

// writeUnitNewHires lists the unit's new hires, with "Ja" / "Nei" for a
// registration by the cut-off in green and red.
func writeUnitNewHires(w *sheetWriter, u *UnitReport, loc *time.Location) error {
	return writeList(w, listSheet{
		title:    w.tr.msgf("title.newhires", unitLabel(u.Unit), u.Quarter),
		subtitle: w.tr.msgf("subtitle.newhires", loc),
		headers: []string{"col.number", "payroll.col.employee", "payroll.col.employment", "col.unit",
			"col.casestarted", "col.registered", "col.startdate", "col.lead_bd", "col.cutoff", "col.beforecutoff"},
		widths:     newHireWidths,
		headHeight: 30,
		rows:       len(u.NewHires),
		cells: func(i int, s listStyles) []any {
			h := u.NewHires[i]
			return []any{
				s.str(h.Case), s.str(h.EmployeeID), s.str(h.EmploymentID), s.str(h.Unit),
				s.at(&h.CaseStarted, loc), s.at(&h.Registered, loc), s.on(&h.StartDate),
				s.num(h.LeadBD, s.wholeDays), s.on(h.Cutoff), s.yesNo(h.BeforeCutoff, w.tr),
			}
		},
		marks: []listMark{{col: 10, good: w.tr.msg("payroll.yes"), bad: w.tr.msg("payroll.no")}},
	})
}

// writeUnitTravel lists the unit's travel claims paid in the quarter.
func writeUnitTravel(w *sheetWriter, u *UnitReport, loc *time.Location) error {
	return writeList(w, listSheet{
		title:    w.tr.msgf("title.travel", unitLabel(u.Unit), u.Quarter),
		subtitle: w.tr.msgf("subtitle.travel", loc),
		headers: []string{"col.claim", "payroll.col.employee", "col.unit", "col.submitted",
			"col.paidrun", "col.paydate", "col.daystopay", "col.amount"},
		widths:     travelWidths,
		headHeight: 30,
		rows:       len(u.Travel),
		cells: func(i int, s listStyles) []any {
			c := u.Travel[i]
			return []any{
				s.str(c.ClaimID), s.str(c.EmployeeID), s.str(c.Unit), s.at(&c.Submitted, loc),
				s.str(c.PaidRun), s.on(c.PayDate), s.num(c.DaysToPay, s.wholeDays), s.num(c.Amount, s.amount),
			}
		},
	})
}

// writeUnitChecks lists the payroll-check findings on the unit's employees,
// errors in red. The detail wraps in its column and the row grows to fit.
func writeUnitChecks(w *sheetWriter, u *UnitReport) error {
	return writeList(w, listSheet{
		title:    w.tr.msgf("title.checks", unitLabel(u.Unit), u.Quarter),
		subtitle: w.tr.msg("subtitle.checks"),
		headers: []string{"col.run", "col.paydate", "col.ruleid", "payroll.col.severity",
			"payroll.col.employee", "payroll.col.employment", "col.unit", "payroll.col.detail",
			"payroll.col.acceptedyn", "payroll.col.fingerprint", "payroll.col.reason"},
		widths:     checkWidths,
		headHeight: 30,
		rows:       len(u.Findings),
		cells:      func(i int, s listStyles) []any { return checkCells(w.tr, s, u.Findings[i]) },
		height: func(i int) float64 {
			return wrappedHeight(u.Findings[i].Detail, checkWidths[checkDetailCol])
		},
		marks: []listMark{{col: 4, bad: w.tr.msg("payroll.severity.error")}},
	})
}

// checkCells is one finding as cells; the severity is shown in words.
func checkCells(tr translator, s listStyles, f UnitFinding) []any {
	return []any{
		s.str(f.RunID), s.on(&f.PayDate), s.str(f.Rule),
		s.str(payrollLabel(tr, "payroll.severity.", f.Severity)),
		s.str(f.EmployeeID), s.str(f.EmploymentID), s.str(f.Unit),
		excelize.Cell{StyleID: s.wrap, Value: f.Detail},
		s.yesNo(&f.Accepted, tr), s.str(f.Fingerprint), s.str(f.AcceptReason),
	}
}
