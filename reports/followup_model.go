package reports

import "time"

// FollowupRow is one row of a follow-up list (SPEC §4.5). Only the fields a
// list needs are set; sick-leave rows carry employee, period, grade and
// deadline and nothing more (health data).
type FollowupRow struct {
	List       string // leavers | sick_leave | refunds | contracts | forms
	Kind       string // what the row is about, within the list (see FollowupList.Kinds)
	Unit       string
	EmployeeID string
	Ref        string     // contract, claim or form id; empty for absences
	From, To   *time.Time // the period (absence, contract, claim period)
	GradePct   *float64   // sick leave grade
	Deadline   *time.Time // the next deadline, the end or max date, or the cut-off
	Overdue    bool       // the deadline has passed as of the list's date
	Amount     *float64   // NOK outstanding, for refund claims
	Detail     string     // a short plain description
}

// FollowupTotals are the follow-up KPIs of SPEC §4.5 for one scope.
type FollowupTotals struct {
	RefundMissing     int64
	RefundOutstanding float64
	UnsignedContracts int64
	FormsBlockingPay  int64
}

// Followup is the follow-up lists of one unit, or of the whole centre.
type Followup struct {
	AsOf        time.Time // the date the lists are taken as of
	Lang        string
	Unit        *Unit // nil for the centre's workbook
	Rows        []FollowupRow
	Totals      FollowupTotals
	UnitTotals  []UnitFollowupTotals // the centre's workbook: per unit
	Version     string
	GeneratedAt time.Time
}

// UnitFollowupTotals are one unit's follow-up KPIs in the centre's workbook.
type UnitFollowupTotals struct {
	Unit Unit
	FollowupTotals
}
