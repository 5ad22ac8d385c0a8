// Package reports renders slakpi's Excel workbooks from figures already
// computed in SQL. It reads no database: callers fill the input structs.
package reports

import "time"

// KPI is one computed figure, as SPEC §4 and `kpi --json` describe it.
// Value and Met are nil when the figure rests on nothing; Target may be nil.
type KPI struct {
	ID         string   `json:"id"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"` // "s", "share", "count", "h", "d", "NOK"
	Target     *float64 `json:"target"`
	Comparison string   `json:"-"` // "<=", ">=", or "" when the KPI has no direction
	Met        *bool    `json:"met"`
	N          int64    `json:"n"`
}

// PhonePeriod is one row of the phone tables: a month, an ISO week, or one
// point of the trend. Shares are fractions 0–1; waits are seconds.
type PhonePeriod struct {
	Label        string // "2026-07", "2026-W27", "2026Q3"
	Start        time.Time
	Offered      int64
	Answered     int64
	Abandoned    int64
	Flowout      int64
	ASA          *float64
	ServiceLevel *float64
	AbandonRate  *float64
	MaxWait      *float64
}

// HeatCell is one cell of the hour-of-day × weekday table.
type HeatCell struct {
	Weekday int // 1 = Monday … 5 = Friday
	Hour    int // local hour, 10 … 13
	Calls   int64
	ASA     *float64
}

// QueueRow is the per-queue breakdown, counted per visit (SPEC §4.1).
type QueueRow struct {
	Queue    string
	Visits   int64
	Answered int64
	AvgWait  *float64
}

// InputFile is one ledger row behind the figures.
type InputFile struct {
	Name     string
	Kind     string
	SHA256   string
	Rows     int64
	Rejected int64
	LoadedAt time.Time
}

// NamedDay is a closed day with its reason (a holiday's name or "stengt").
type NamedDay struct {
	Date time.Time
	Name string
}

// CalendarInfo is the calendar in force, shown on the "Om rapporten" sheet.
type CalendarInfo struct {
	Timezone   string
	PhoneHours string // "Man–fre 10:00–14:00"
	ClosedDays []NamedDay
}

// Quarterly is everything the management workbook shows for one quarter.
type Quarterly struct {
	Quarter         string     // "2026Q3"
	PreviousQuarter string     // "2026Q2"
	Lang            string     // "nb" (default) or "en"
	KPIs            []KPI      // this quarter, centre-wide
	Previous        []KPI      // the previous quarter; may be empty
	YearAgo         []KPI      // the same quarter a year before; may be empty
	TrendQuarters   []string   // up to the last 8 quarters, oldest first, ending with Quarter
	Trends          []KPITrend // every KPI with a target or a planned measure
	Deviations      []Deviation
	Months          []PhonePeriod
	Weeks           []PhonePeriod
	Heat            []HeatCell
	Trend           []PhonePeriod // monthly ASA over up to the last 8 quarters
	Queues          []QueueRow
	CasesByCategory []CaseBreakdown
	CasesByGroup    []CaseBreakdown
	CasesByUnit     []CaseBreakdown // every unit; a faculty's row includes its departments
	HiresTravel     []HireTravelRow // every unit
	HiresTravelAll  HireTravelRow   // the whole centre
	Files           []InputFile
	Calendar        CalendarInfo
	Config          [][2]string // thresholds in force: name, value
	Version         string
	GeneratedAt     time.Time
}

// CaseBreakdown is one row of a case table per category, operator group or
// requesting unit: counts of the quarter and business hours (h).
type CaseBreakdown struct {
	Key           string // category, operator group or unit code
	Name          string // the unit's name; empty for the others
	Opened        int64
	Resolved      int64
	Backlog       int64 // open at the quarter's end
	ResponseP50   *float64
	ResolutionP50 *float64
	ResolutionP90 *float64
}

// CaseRow is one case in a unit's workbook.
type CaseRow struct {
	Number        string
	Category      string
	Subcategory   string
	Unit          string
	OperatorGroup string
	Operator      string
	Status        string
	Started       time.Time
	FirstResponse *time.Time
	Resolved      *time.Time
	ResponseH     *float64 // business hours to first response
	ResolutionH   *float64 // business hours to resolution
	Reopens       int64
}

// Unit is one unit of the organisation tree.
type Unit struct {
	Code   string
	Name   string
	Parent string
}

// UnitReport is everything one unit's status-meeting workbook shows. It
// must hold that unit's rows only (and those of the units below it).
type UnitReport struct {
	Unit        Unit
	Quarter     string
	Lang        string
	Quarters    []string // quarters side by side, oldest first, ending with Quarter
	KPIs        [][]KPI  // the unit's KPIs, KPIs[i] for Quarters[i]
	Phone       []KPI    // the centre-wide phone KPIs of Quarter, for context
	Cases       []CaseRow
	NewHires    []NewHireRow  // registered or starting in the quarter
	Travel      []TravelRow   // claims paid in the quarter
	Findings    []UnitFinding // payroll findings of the quarter's runs
	Followup    *Followup     // the unit's follow-up lists as of the quarter's last day
	Version     string
	GeneratedAt time.Time
}

// HireTravelRow is one unit's row of the management workbook's new-hire
// and travel sheet (a faculty's row includes its departments').
type HireTravelRow struct {
	Key          string // unit code
	Name         string
	NewHires     int64    // registered in the quarter
	LeadP50      *float64 // business days, case start → registration
	BeforeCutoff *float64 // share of those starting in the quarter
	Claims       int64    // travel claims paid in the quarter
	DaysP50      *float64 // calendar days, submission → pay date
	PaidWithin   *float64 // share paid within the configured days
}

// NewHireRow is one new hire in a unit's workbook.
type NewHireRow struct {
	Case         string
	EmployeeID   string
	EmploymentID string
	Unit         string
	CaseStarted  time.Time
	Registered   time.Time
	StartDate    time.Time
	LeadBD       *float64 // business days from case start to registration
	Cutoff       *time.Time
	BeforeCutoff *bool
}

// TravelRow is one paid travel claim in a unit's workbook.
type TravelRow struct {
	ClaimID    string
	EmployeeID string
	Unit       string
	Submitted  time.Time
	PaidRun    string
	PayDate    *time.Time
	DaysToPay  *float64
	Amount     *float64
}

// UnitFinding is one payroll-check finding on a unit's employee.
type UnitFinding struct {
	RunID   string
	PayDate time.Time
	Finding
}
