package calendar

import (
	"testing"
	"time"

	"slakpi/pipeline/config"
)

// oslo is loaded once; tests fail early if the zone database is missing.
var oslo = mustLoad("Europe/Oslo")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testCalendar is the embedded defaults plus the extra closed and reduced
// days the tests rely on: Christmas Eve and New Year's Eve 2026 closed,
// 23 Dec 2026 reduced on both, 1 Jul 2026 reduced on the phone only.
func testCalendar(t *testing.T) *Calendar {
	t.Helper()
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Calendar.ClosedDays = []string{"2026-12-24", "2026-12-31"}
	cfg.Calendar.ReducedDays = []config.ReducedDay{
		{Date: "2026-12-23", Phone: "10:00-12:00", Work: "08:00-12:00"},
		{Date: "2026-07-01", Phone: "10:00-11:00"},
	}
	c, err := FromConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// local returns a wall-clock time in Oslo.
func local(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, oslo)
}

// day returns local midnight in Oslo.
func day(y int, m time.Month, d int) time.Time { return local(y, m, d, 0, 0, 0) }

// utc parses an RFC 3339 instant.
func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
