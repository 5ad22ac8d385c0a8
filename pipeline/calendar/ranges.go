package calendar

import "time"

// PhoneIntervals returns the phone opening of every open day whose local
// date lies from from's local date to to's local date inclusive, ascending.
func (c *Calendar) PhoneIntervals(from, to time.Time) []Interval {
	return c.intervals(from, to, c.phoneOn)
}

// WorkIntervals returns the case working hours of every open day whose local
// date lies from from's local date to to's local date inclusive, ascending.
func (c *Calendar) WorkIntervals(from, to time.Time) []Interval {
	return c.intervals(from, to, c.workOn)
}

func (c *Calendar) intervals(from, to time.Time, on func(date) (Interval, bool)) []Interval {
	var out []Interval
	last := dateOf(to, c.loc)
	for d := dateOf(from, c.loc); !d.after(last); d = d.addDays(1) {
		if iv, ok := on(d); ok {
			out = append(out, iv)
		}
	}
	return out
}

// BusinessTime returns the case working time inside [from, to), or 0 when
// to is not after from. It steps through days, so spans of months are cheap.
func (c *Calendar) BusinessTime(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	var sum time.Duration
	for _, iv := range c.WorkIntervals(from, to) {
		start, end := later(iv.Start, from), earlier(iv.End, to)
		if end.After(start) {
			sum += end.Sub(start)
		}
	}
	return sum
}

// AddWorkingDays returns local midnight of the n-th working day after day's
// local date, or before it when n < 0; n == 0 returns day's own date.
func (c *Calendar) AddWorkingDays(day time.Time, n int) time.Time {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	d := dateOf(day, c.loc)
	for n > 0 {
		d = d.addDays(step)
		if _, closed := c.closedOn(d); !closed {
			n--
		}
	}
	return d.midnight(c.loc)
}

// ClosedDays lists the weekdays from from's local date to to's local date
// inclusive that are closed by a holiday or an extra closed day, ascending.
// Weekends are left out, even when a holiday falls on one.
func (c *Calendar) ClosedDays(from, to time.Time) []ClosedDay {
	var out []ClosedDay
	last := dateOf(to, c.loc)
	for d := dateOf(from, c.loc); !d.after(last); d = d.addDays(1) {
		if wd := d.weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if name, closed := c.closedOn(d); closed {
			out = append(out, ClosedDay{Date: d.midnight(c.loc), Name: name})
		}
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
