package calendar_test

import (
	"testing"
	"time"

	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
)

func TestPayDates(t *testing.T) {
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pay, err := calendar.NewPayCalendar(cal, cfg.Payroll)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		year  int
		month time.Month
		want  string
	}{
		{2026, time.December, "2026-12-11"}, // 12th a Saturday → Friday 11th
		{2027, time.January, "2027-01-12"},  // a Tuesday
		{2027, time.April, "2027-04-12"},    // a Monday, after Easter
		{2026, time.April, "2026-04-10"},    // 12th a Sunday → Friday 10th
		{2025, time.October, "2025-10-10"},  // 12th a Sunday → Friday 10th
		{2026, time.May, "2026-05-12"},      // a Tuesday
		{2025, time.April, "2025-04-11"},    // 12th a Saturday → Friday 11th
	} {
		got := pay.PayDate(tc.year, tc.month).Format(time.DateOnly)
		if got != tc.want {
			t.Errorf("PayDate(%d, %s) = %s, want %s", tc.year, tc.month, got, tc.want)
		}
	}
	// Cut-off: 7 working days before Friday 11 December 2026 is Wednesday 2 December.
	if got := pay.Cutoff(2026, time.December).Format(time.DateOnly); got != "2026-12-02" {
		t.Errorf("Cutoff(2026-12) = %s, want 2026-12-02", got)
	}
	cfg.Payroll.PayDateExceptions = map[string]string{"2026-12": "2026-12-15"}
	pay, _ = calendar.NewPayCalendar(cal, cfg.Payroll)
	if got := pay.PayDate(2026, time.December).Format(time.DateOnly); got != "2026-12-15" {
		t.Errorf("with an exception, PayDate(2026-12) = %s, want 2026-12-15", got)
	}
}
