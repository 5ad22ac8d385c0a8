// Package calendar applies slakpi's Norwegian calendars (SPEC §3): phone
// opening hours and case working hours, on weekdays that are neither public
// holidays nor configured closed days, always in the configured location
// (Europe/Oslo) so that DST never moves a rule.
package calendar

import (
	"errors"
	"fmt"
	"time"

	"slakpi/pipeline/config"
)

// Interval is one day's opening.
type Interval struct {
	Date       time.Time // local midnight (in the calendar's location) of the day
	Start, End time.Time // instants, in UTC
}

// ClosedDay is a weekday on which the service centre is closed.
type ClosedDay struct {
	Date time.Time // local midnight
	Name string    // the holiday's name, or "closed" for an extra closed day
}

// hours are wall-clock offsets from local midnight, from ≤ t < to.
type hours struct{ from, to time.Duration }

// reduced holds a reduced day's replacement hours; nil keeps the normal ones.
type reduced struct{ phone, work *hours }

// Calendar answers when the service centre is open. It is immutable and
// safe for concurrent use as long as its Holidays is (Norway's is).
type Calendar struct {
	loc                  *time.Location
	holidays             Holidays
	phone, work, summer  hours
	summerFrom, summerTo int // MMDD, inclusive
	closed               map[date]bool
	reduced              map[date]reduced
}

// New builds a calendar from cfg, applied in loc, with the holidays of h.
func New(cfg config.Calendar, loc *time.Location, h Holidays) (*Calendar, error) {
	if loc == nil || h == nil {
		return nil, errors.New("calendar: location and holidays are required")
	}
	c := &Calendar{loc: loc, holidays: h, closed: map[date]bool{}, reduced: map[date]reduced{}}
	var err error
	if c.phone, err = parseHours("phone_hours", cfg.PhoneHours); err != nil {
		return nil, err
	}
	if c.work, err = parseHours("work_hours", cfg.WorkHours); err != nil {
		return nil, err
	}
	if c.summer, err = parseHours("summer_hours", cfg.SummerHours); err != nil {
		return nil, err
	}
	if c.summerFrom, err = parseMonthDay("summer_from", cfg.SummerFrom); err != nil {
		return nil, err
	}
	if c.summerTo, err = parseMonthDay("summer_to", cfg.SummerTo); err != nil {
		return nil, err
	}
	for _, s := range cfg.ClosedDays {
		d, err := parseDate(s)
		if err != nil {
			return nil, fmt.Errorf("calendar: closed_days: %w", err)
		}
		c.closed[d] = true
	}
	for _, r := range cfg.ReducedDays {
		if err := c.addReduced(r); err != nil {
			return nil, fmt.Errorf("calendar: reduced_days: %w", err)
		}
	}
	return c, nil
}

// FromConfig builds the calendar of a loaded configuration with Norway's holidays.
func FromConfig(c *config.Config) (*Calendar, error) {
	return New(c.Calendar, c.Location, Norway())
}

func (c *Calendar) addReduced(r config.ReducedDay) error {
	d, err := parseDate(r.Date)
	if err != nil {
		return err
	}
	if _, dup := c.reduced[d]; dup {
		return fmt.Errorf("%s: listed twice", r.Date)
	}
	if c.closed[d] {
		return fmt.Errorf("%s: also in closed_days", r.Date)
	}
	var red reduced
	for _, x := range []struct {
		spec string
		dst  **hours
	}{{r.Phone, &red.phone}, {r.Work, &red.work}} {
		if x.spec == "" {
			continue
		}
		h, err := parseHours(r.Date, x.spec)
		if err != nil {
			return err
		}
		*x.dst = &h
	}
	c.reduced[d] = red
	return nil
}

func parseHours(key, spec string) (hours, error) {
	from, to, err := config.ParseHours(spec)
	if err != nil {
		return hours{}, fmt.Errorf("calendar: %s: %w", key, err)
	}
	return hours{from, to}, nil
}

func parseMonthDay(key, s string) (int, error) {
	t, err := time.Parse("01-02", s)
	if err != nil {
		return 0, fmt.Errorf("calendar: %s %q: want MM-DD", key, s)
	}
	return int(t.Month())*100 + t.Day(), nil
}

// Location returns the location every rule is applied in.
func (c *Calendar) Location() *time.Location { return c.loc }

// Closed tells whether day's local date is closed and why: a holiday's
// name, "closed" for an extra closed day, or "weekend". A holiday on a
// weekend is reported by its name.
func (c *Calendar) Closed(day time.Time) (reason string, closed bool) {
	return c.closedOn(dateOf(day, c.loc))
}

func (c *Calendar) closedOn(d date) (string, bool) {
	if name, ok := c.holidays.Holiday(d.midnight(c.loc)); ok {
		return name, true
	}
	if c.closed[d] {
		return "closed", true
	}
	if wd := d.weekday(); wd == time.Saturday || wd == time.Sunday {
		return "weekend", true
	}
	return "", false
}

// IsWorkingDay reports whether day's local date is open.
func (c *Calendar) IsWorkingDay(day time.Time) bool {
	_, closed := c.Closed(day)
	return !closed
}

// PhoneHours returns the phone opening of day's local date, if open.
func (c *Calendar) PhoneHours(day time.Time) (Interval, bool) {
	return c.phoneOn(dateOf(day, c.loc))
}

// InPhoneHours reports whether t lies in its day's phone opening, from ≤ t < to.
func (c *Calendar) InPhoneHours(t time.Time) bool {
	iv, ok := c.PhoneHours(t)
	return ok && !t.Before(iv.Start) && t.Before(iv.End)
}

// WorkHours returns the case working hours of day's local date, if open:
// reduced hours when configured, else summer or normal hours.
func (c *Calendar) WorkHours(day time.Time) (Interval, bool) {
	return c.workOn(dateOf(day, c.loc))
}

func (c *Calendar) phoneOn(d date) (Interval, bool) {
	if _, closed := c.closedOn(d); closed {
		return Interval{}, false
	}
	h := c.phone
	if r := c.reduced[d].phone; r != nil {
		h = *r
	}
	return c.interval(d, h), true
}

func (c *Calendar) workOn(d date) (Interval, bool) {
	if _, closed := c.closedOn(d); closed {
		return Interval{}, false
	}
	h := c.work
	if c.inSummer(d) {
		h = c.summer
	}
	if r := c.reduced[d].work; r != nil {
		h = *r
	}
	return c.interval(d, h), true
}

func (c *Calendar) inSummer(d date) bool {
	md := d.monthDay()
	if c.summerFrom <= c.summerTo {
		return c.summerFrom <= md && md <= c.summerTo
	}
	return md >= c.summerFrom || md <= c.summerTo // a season across New Year
}

func (c *Calendar) interval(d date, h hours) Interval {
	return Interval{
		Date:  d.midnight(c.loc),
		Start: d.at(h.from, c.loc).UTC(),
		End:   d.at(h.to, c.loc).UTC(),
	}
}
