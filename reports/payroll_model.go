package reports

import "time"

// RuleSummary is one payroll rule's result for a run.
type RuleSummary struct {
	ID       string
	Title    string // in the report's language
	Severity string // error | warn
	Area     string // hovedlønn | tillegg | reiser | utlegg | rapportering | stamdata
	Findings int
	Accepted int
	New      int    // findings whose fingerprint the previous run of the type did not have
	Failed   string // why the rule could not run; empty when it ran
}

// Finding is one failing row of a rule.
type Finding struct {
	Rule         string
	Severity     string
	Fingerprint  string
	EmployeeID   string
	EmploymentID string
	Unit         string
	Detail       string
	Accepted     bool
	AcceptReason string
	New          bool
}

// RunTotal is one measure of a run against the previous run of its type.
type RunTotal struct {
	Measure  string // headcount | gross | lines | employments
	Current  float64
	Previous *float64
}

// PayrollRun is everything the payroll-run workbook shows.
type PayrollRun struct {
	RunID         string
	RunType       string
	PayDate       time.Time
	PreviousRunID string // the run compared with; empty when none
	Lang          string
	Rules         []RuleSummary
	Findings      []Finding // every rule's, in rule order
	Totals        []RunTotal
	Version       string
	GeneratedAt   time.Time
}
