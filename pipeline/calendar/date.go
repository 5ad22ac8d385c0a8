package calendar

import (
	"fmt"
	"time"
)

// date is a calendar date without a zone. Days are stepped on the date
// itself, never by adding 24 hours to an instant, so DST cannot shift them.
type date struct {
	y int
	m time.Month
	d int
}

// dateOf returns t's date in loc.
func dateOf(t time.Time, loc *time.Location) date {
	y, m, d := t.In(loc).Date()
	return date{y, m, d}
}

// parseDate reads "YYYY-MM-DD".
func parseDate(s string) (date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return dateOf(t, time.UTC), nil
}

func (d date) utc() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC) }

func (d date) addDays(n int) date { return dateOf(d.utc().AddDate(0, 0, n), time.UTC) }

func (d date) weekday() time.Weekday { return d.utc().Weekday() }

func (d date) after(e date) bool { return d.utc().After(e.utc()) }

// monthDay packs the month and day as MMDD, for comparing across years.
func (d date) monthDay() int { return int(d.m)*100 + d.d }

// midnight returns the start of d in loc.
func (d date) midnight(loc *time.Location) time.Time { return d.at(0, loc) }

// at returns the instant at the wall-clock offset off from midnight of d in
// loc. time.Date normalises the wall clock before looking up the zone, so
// 10:00 stays 10:00 on either side of a DST change.
func (d date) at(off time.Duration, loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, 0, 0, int(off/time.Second), int(off%time.Second), loc)
}
