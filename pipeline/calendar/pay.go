package calendar

import (
	"fmt"
	"time"

	"slakpi/pipeline/config"
)

// PayCalendar gives the main payroll run's pay date and registration
// cut-off of each month (SPEC §5): the pay day, or the last working day
// before it when it falls on a weekend or holiday; exceptions per month
// (December, say) are configured.
type PayCalendar struct {
	cal        *Calendar
	day        int
	cutoffDays int
	exceptions map[string]time.Time // "2026-12" -> pay date
}

// NewPayCalendar reads the pay rules of cfg onto cal.
func NewPayCalendar(cal *Calendar, cfg config.Payroll) (*PayCalendar, error) {
	p := &PayCalendar{cal: cal, day: cfg.PayDay, cutoffDays: cfg.CutoffWorkingDays, exceptions: map[string]time.Time{}}
	for month, day := range cfg.PayDateExceptions {
		d, err := time.ParseInLocation(time.DateOnly, day, cal.loc)
		if err != nil {
			return nil, fmt.Errorf("pay calendar: exception %s: %w", month, err)
		}
		p.exceptions[month] = d
	}
	return p, nil
}

// PayDate is the main run's pay date for month (local midnight).
func (p *PayCalendar) PayDate(year int, month time.Month) time.Time {
	if d, ok := p.exceptions[fmt.Sprintf("%04d-%02d", year, month)]; ok {
		return d
	}
	d := time.Date(year, month, p.day, 0, 0, 0, 0, p.cal.loc)
	for !p.cal.IsWorkingDay(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// Cutoff is the last day changes reach month's main run: the configured
// number of working days before its pay date.
func (p *PayCalendar) Cutoff(year int, month time.Month) time.Time {
	return p.cal.AddWorkingDays(p.PayDate(year, month), -p.cutoffDays)
}
