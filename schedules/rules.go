package schedules

import (
	"time"

	"slakpi/pipeline/calendar"
)

// calendarRule runs once per period of months (one month, or a quarter):
// each period serves a date, its anchor, from which the run's day follows.
// Runs are computed from the calendars each time, never tabled, so a
// configured closed day or pay-date exception moves them.
type calendarRule struct {
	loc    *time.Location
	months int                                  // the period: 1 or 3
	anchor func(y int, m time.Month) time.Time  // the date served by the period starting y-m
	day    func(anchor time.Time) time.Time     // the run's day, local midnight
	now    func(now, today time.Time) time.Time // the anchor served by a run started by hand
	at     time.Duration                        // time of day
}

func newCalendarRule(rule string, days int, at time.Duration, cal *calendar.Calendar, pay *calendar.PayCalendar) *calendarRule {
	loc := cal.Location()
	r := &calendarRule{loc: loc, months: 1, at: at}
	firstMonth := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, loc) }
	// The first working day on or after d.
	firstWorking := func(d time.Time) time.Time { return cal.AddWorkingDays(d.AddDate(0, 0, -1), 1) }
	switch rule {
	case RuleBeforePayDate:
		r.anchor = pay.PayDate
		r.day = func(payDate time.Time) time.Time { return cal.AddWorkingDays(payDate, -days) }
		r.now = func(now, today time.Time) time.Time { // the pay date not yet passed
			p := r.periodStart(now)
			d := pay.PayDate(p.Year(), p.Month())
			if d.Before(today) {
				p = p.AddDate(0, 1, 0)
				d = pay.PayDate(p.Year(), p.Month())
			}
			return d
		}
	case RuleAfterQuarter:
		r.months = 3
		r.anchor = firstMonth // the quarter that has ended
		r.day = func(q time.Time) time.Time { return firstWorking(q.AddDate(0, 3, 0)) }
		r.now = func(now, _ time.Time) time.Time { return r.periodStart(now).AddDate(0, -3, 0) }
	case RuleFirstOfMonth:
		r.anchor = firstMonth
		r.day = firstWorking
		r.now = func(now, _ time.Time) time.Time { return r.periodStart(now) }
	default:
		panic("schedules: unknown rule " + rule) // validated by JobSpec.validate
	}
	return r
}

// Next is the first run after t, for cron.Schedule.
func (r *calendarRule) Next(t time.Time) time.Time {
	at, _ := r.run(t)
	return at
}

// run steps through the periods from two before t's: a period's run may
// fall before the period itself (a pay date early in the month) or after
// it (the quarter after), and runs grow with their periods.
func (r *calendarRule) run(t time.Time) (time.Time, time.Time) {
	for p := r.periodStart(t).AddDate(0, -2*r.months, 0); ; p = p.AddDate(0, r.months, 0) {
		a := r.anchor(p.Year(), p.Month())
		d := r.day(a)
		// Minutes past midnight, normalised by time.Date on the wall clock.
		at := time.Date(d.Year(), d.Month(), d.Day(), 0, int(r.at/time.Minute), 0, 0, r.loc)
		if at.After(t) {
			return at, a
		}
	}
}

func (r *calendarRule) current(now time.Time) time.Time {
	y, m, d := now.In(r.loc).Date()
	return r.now(now, time.Date(y, m, d, 0, 0, 0, 0, r.loc))
}

// periodStart is local midnight of the first day of t's period.
func (r *calendarRule) periodStart(t time.Time) time.Time {
	y, m, _ := t.In(r.loc).Date()
	m -= time.Month((int(m) - 1) % r.months)
	return time.Date(y, m, 1, 0, 0, 0, 0, r.loc)
}
