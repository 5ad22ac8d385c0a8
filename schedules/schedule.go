package schedules

import (
	"fmt"
	"slices"
	"time"

	"github.com/robfig/cron/v3"

	"slakpi/pipeline/calendar"
)

// Run is one run of a job. It marshals as SPEC §8's
// {"job": "payroll-check", "at": "2026-12-09T07:00:00+01:00"}.
type Run struct {
	Job string    `json:"job"`
	At  time.Time `json:"at"` // in the schedule's location
	// For is the date the run serves, at local midnight: a payroll-check's
	// pay date, the first day of the quarter a quarterly-report covers,
	// the first day of a followup-report's month; zero for a cron job.
	For time.Time `json:"-"`
}

// timetable is one job's sequence of runs. It is a cron.Schedule, so a
// calendar rule could drive robfig's runner as well as ours.
type timetable interface {
	cron.Schedule
	// run is the first run after t and the date it serves.
	run(t time.Time) (at, forDate time.Time)
	// current is the date a run started by hand at now serves.
	current(now time.Time) time.Time
}

// Schedule answers when each enabled job of a table runs. It is immutable.
type Schedule struct {
	loc   *time.Location
	names []string // enabled jobs, in table order
	jobs  map[string]timetable
}

// New builds the schedule of t on the calendars, in cal's location
// (Europe/Oslo): cron lines are read there, and a calendar rule's time of
// day is wall-clock time there.
func New(t *Table, cal *calendar.Calendar, pay *calendar.PayCalendar) (*Schedule, error) {
	s := &Schedule{loc: cal.Location(), jobs: map[string]timetable{}}
	for _, j := range t.Jobs {
		if j.Disabled {
			continue
		}
		tt, err := s.timetable(j, cal, pay)
		if err != nil {
			return nil, fmt.Errorf("job %s: %w", j.Name, err)
		}
		s.names = append(s.names, j.Name)
		s.jobs[j.Name] = tt
	}
	return s, nil
}

func (s *Schedule) timetable(j JobSpec, cal *calendar.Calendar, pay *calendar.PayCalendar) (timetable, error) {
	if err := j.validate(); err != nil {
		return nil, err
	}
	if j.Cron != "" {
		spec, err := parseCron(j.Cron, s.loc)
		if err != nil {
			return nil, err
		}
		return newCronTable(spec), nil
	}
	at, _ := timeOfDay(j.At) // validated
	return newCalendarRule(j.Rule, j.Days, at, cal, pay), nil
}

// Location is where the schedule's times are read and given.
func (s *Schedule) Location() *time.Location { return s.loc }

// Jobs lists the enabled jobs in table order.
func (s *Schedule) Jobs() []string { return slices.Clone(s.names) }

// Has tells whether job is in the table and enabled.
func (s *Schedule) Has(job string) bool { return s.jobs[job] != nil }

// Next is job's first run strictly after after; the zero Run when the job
// is unknown or disabled.
func (s *Schedule) Next(job string, after time.Time) Run {
	tt := s.jobs[job]
	if tt == nil {
		return Run{}
	}
	at, forDate := tt.run(after)
	return Run{Job: job, At: at.In(s.loc), For: forDate}
}

// Current is the run of job started by hand at now (`schedule --once`): at
// now, for the pay date not yet passed, the quarter last ended, or the
// current month.
func (s *Schedule) Current(job string, now time.Time) Run {
	tt := s.jobs[job]
	if tt == nil {
		return Run{}
	}
	return Run{Job: job, At: now.In(s.loc), For: tt.current(now)}
}

// Upcoming lists the next count runs of every enabled job at or after
// from, ordered by time (and by table order at the same time).
func (s *Schedule) Upcoming(from time.Time, count int) []Run {
	var runs []Run
	for _, job := range s.names {
		t := from.Add(-time.Nanosecond)
		for range count {
			r := s.Next(job, t)
			if r.At.IsZero() {
				break
			}
			runs = append(runs, r)
			t = r.At
		}
	}
	slices.SortStableFunc(runs, func(a, b Run) int { return a.At.Compare(b.At) })
	return runs
}

// cronTable is a cron line read on the wall clock of loc. robfig's
// SpecSchedule steps through instants, so it skips a time that the start of
// summer time leaves out (02:00 on the last Sunday of March in Oslo) and
// runs twice at one repeated when summer time ends; a nightly job should
// run every night once. So the line is read on wall-clock times (as UTC)
// and each mapped back to loc: a time left out runs when the clock has
// jumped (03:00), a repeated one runs at its first occurrence.
type cronTable struct {
	wall *cron.SpecSchedule // in UTC, standing for loc's wall clock
	loc  *time.Location
}

func newCronTable(spec *cron.SpecSchedule) cronTable {
	wall := *spec
	wall.Location = time.UTC
	return cronTable{wall: &wall, loc: spec.Location}
}

// Next is the first run after t, for cron.Schedule.
func (c cronTable) Next(t time.Time) time.Time {
	at, _ := c.run(t)
	return at
}

func (c cronTable) run(t time.Time) (time.Time, time.Time) {
	l := t.In(c.loc)
	w := time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
	for {
		w = c.wall.Next(w)
		if w.IsZero() {
			return w, time.Time{} // a line that never fires, like 30 Feb
		}
		at := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, c.loc)
		// time.Date may give a repeated time's second occurrence.
		if first := at.Add(-time.Hour); first.After(t) && first.Format(time.DateTime) == at.Format(time.DateTime) {
			at = first
		}
		if at.After(t) {
			return at, time.Time{}
		}
	}
}

func (c cronTable) current(time.Time) time.Time { return time.Time{} }
