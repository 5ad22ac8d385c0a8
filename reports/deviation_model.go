package reports

import "time"

// Deviation is one avvik record (SPEC §4.4): a KPI with a target not met in
// a quarter, with its escalation and the measure (tiltak) set for it.
type Deviation struct {
	KPI         string
	Quarter     string
	Unit        string // "" for the whole centre
	Value       float64
	Target      float64
	Comparison  string
	Gap         float64 // how far from the target, in the KPI's unit, always > 0
	FirstMissed string  // first quarter of the run of misses
	Consecutive int     // quarters missed in a row, this one included
	Level       int     // 1 the centre, 2 section head, 3 HR director
	Status      string  // open | closed (the KPI is met again after recomputation)
	Measure     string  // tiltak, free text from `slakpi avvik note`
	MeasureAt   *time.Time
}

// KPITrend is one KPI over the trend quarters (Quarterly.TrendQuarters).
type KPITrend struct {
	ID     string
	Unit   string
	Target *float64
	Values []*float64 // one per trend quarter; nil where nothing to measure
}
