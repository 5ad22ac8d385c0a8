package calendar

import (
	"testing"
	"time"

	"slakpi/pipeline/config"
)

func TestNew(t *testing.T) {
	good := func() config.Calendar {
		cfg, err := config.Default()
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Calendar
	}
	tests := []struct {
		name   string
		edit   func(*config.Calendar)
		loc    *time.Location
		wantOK bool
	}{
		{"defaults", func(*config.Calendar) {}, oslo, true},
		{"no location", func(*config.Calendar) {}, nil, false},
		{"bad phone hours", func(c *config.Calendar) { c.PhoneHours = "14:00-10:00" }, oslo, false},
		{"bad summer_from", func(c *config.Calendar) { c.SummerFrom = "15-05" }, oslo, false},
		{"bad closed day", func(c *config.Calendar) { c.ClosedDays = []string{"24.12.2026"} }, oslo, false},
		{"bad reduced hours", func(c *config.Calendar) {
			c.ReducedDays = []config.ReducedDay{{Date: "2026-12-23", Work: "8-12"}}
		}, oslo, false},
		{"reduced day listed twice", func(c *config.Calendar) {
			c.ReducedDays = []config.ReducedDay{{Date: "2026-12-23", Phone: "10:00-12:00"}, {Date: "2026-12-23", Work: "08:00-12:00"}}
		}, oslo, false},
		{"reduced day also closed", func(c *config.Calendar) {
			c.ClosedDays = []string{"2026-12-23"}
			c.ReducedDays = []config.ReducedDay{{Date: "2026-12-23", Phone: "10:00-12:00"}}
		}, oslo, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good()
			tt.edit(&cfg)
			_, err := New(cfg, tt.loc, Norway())
			if (err == nil) != tt.wantOK {
				t.Errorf("New error = %v, want ok %v", err, tt.wantOK)
			}
		})
	}
}

func TestClosed(t *testing.T) {
	c := testCalendar(t)
	tests := []struct {
		name string
		day  time.Time
		want string // "" when open
	}{
		{"Friday before DST", day(2026, 3, 27), ""},
		{"Saturday", day(2026, 3, 28), "weekend"},
		{"DST Sunday", day(2026, 3, 29), "weekend"},
		{"Monday after DST", day(2026, 3, 30), ""},
		{"Good Friday", day(2026, 4, 3), "Langfredag"},
		{"holiday on a Sunday is named", day(2026, 5, 17), "Grunnlovsdag"},
		{"extra closed day", day(2026, 12, 24), "closed"},
		{"reduced day is open", day(2026, 12, 23), ""},
		{"Whit Monday on Constitution Day", day(2027, 5, 17), "Grunnlovsdag / Andre pinsedag"},
		// 22:30Z on 1 Apr is 00:30 CEST on 2 Apr, Maundy Thursday.
		{"UTC instant on the local date after", utc("2026-04-01T22:30:00Z"), "Skjærtorsdag"},
		// 23:30Z on Fri 27 Mar is 00:30 CET on Sat 28 Mar.
		{"UTC Friday is local Saturday", utc("2026-03-27T23:30:00Z"), "weekend"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, closed := c.Closed(tt.day)
			if got != tt.want || closed != (tt.want != "") {
				t.Errorf("Closed = %q, %v; want %q", got, closed, tt.want)
			}
			if c.IsWorkingDay(tt.day) != (tt.want == "") {
				t.Errorf("IsWorkingDay = %v, want %v", !closed, tt.want == "")
			}
		})
	}
}

func TestPhoneHours(t *testing.T) {
	c := testCalendar(t)
	// Oslo is UTC+1 (CET) until 29 Mar 2026 and from 25 Oct 2026, UTC+2
	// (CEST) between, so 10:00–14:00 local is 09–13Z or 08–12Z.
	tests := []struct {
		name       string
		day        time.Time
		start, end string // "" when closed
	}{
		{"Fri 27 Mar 2026, CET", day(2026, 3, 27), "2026-03-27T09:00:00Z", "2026-03-27T13:00:00Z"},
		{"DST Sunday 29 Mar 2026", day(2026, 3, 29), "", ""},
		{"Mon 30 Mar 2026, CEST", day(2026, 3, 30), "2026-03-30T08:00:00Z", "2026-03-30T12:00:00Z"},
		{"Fri 23 Oct 2026, CEST", day(2026, 10, 23), "2026-10-23T08:00:00Z", "2026-10-23T12:00:00Z"},
		{"DST Sunday 25 Oct 2026", day(2026, 10, 25), "", ""},
		{"Mon 26 Oct 2026, CET", day(2026, 10, 26), "2026-10-26T09:00:00Z", "2026-10-26T13:00:00Z"},
		{"reduced 23 Dec 2026, 10–12 CET", day(2026, 12, 23), "2026-12-23T09:00:00Z", "2026-12-23T11:00:00Z"},
		{"reduced 1 Jul 2026, 10–11 CEST", day(2026, 7, 1), "2026-07-01T08:00:00Z", "2026-07-01T09:00:00Z"},
		{"extra closed 24 Dec 2026", day(2026, 12, 24), "", ""},
		{"Easter Monday 2026", day(2026, 4, 6), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkInterval(t, c.PhoneHours, tt.day, tt.start, tt.end)
		})
	}
}

func TestWorkHours(t *testing.T) {
	c := testCalendar(t)
	// Summer hours 08:00–15:00 run 15 May to 14 Sep inclusive, else
	// 08:00–15:45; both in CEST (UTC+2) here except 27 Mar and 23 Dec (CET).
	tests := []struct {
		name       string
		day        time.Time
		start, end string
	}{
		{"Fri 27 Mar 2026, CET", day(2026, 3, 27), "2026-03-27T07:00:00Z", "2026-03-27T14:45:00Z"},
		{"Mon 30 Mar 2026, CEST", day(2026, 3, 30), "2026-03-30T06:00:00Z", "2026-03-30T13:45:00Z"},
		{"Wed 14 May 2025, normal", day(2025, 5, 14), "2025-05-14T06:00:00Z", "2025-05-14T13:45:00Z"},
		{"Thu 15 May 2025, summer", day(2025, 5, 15), "2025-05-15T06:00:00Z", "2025-05-15T13:00:00Z"},
		{"Thu 14 May 2026, Ascension", day(2026, 5, 14), "", ""},
		{"Fri 15 May 2026, summer", day(2026, 5, 15), "2026-05-15T06:00:00Z", "2026-05-15T13:00:00Z"},
		{"Mon 14 Sep 2026, summer", day(2026, 9, 14), "2026-09-14T06:00:00Z", "2026-09-14T13:00:00Z"},
		{"Tue 15 Sep 2026, normal", day(2026, 9, 15), "2026-09-15T06:00:00Z", "2026-09-15T13:45:00Z"},
		{"1 Jul 2026, phone-only reduction keeps summer", day(2026, 7, 1), "2026-07-01T06:00:00Z", "2026-07-01T13:00:00Z"},
		{"reduced 23 Dec 2026, 08–12 CET", day(2026, 12, 23), "2026-12-23T07:00:00Z", "2026-12-23T11:00:00Z"},
		{"Saturday", day(2026, 3, 28), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkInterval(t, c.WorkHours, tt.day, tt.start, tt.end)
		})
	}
}

func checkInterval(t *testing.T, hours func(time.Time) (Interval, bool), d time.Time, start, end string) {
	t.Helper()
	iv, ok := hours(d)
	if start == "" {
		if ok {
			t.Errorf("got %v–%v, want closed", iv.Start, iv.End)
		}
		return
	}
	if !ok {
		t.Fatalf("closed, want %s–%s", start, end)
	}
	if !iv.Start.Equal(utc(start)) || !iv.End.Equal(utc(end)) {
		t.Errorf("got %v–%v, want %s–%s", iv.Start, iv.End, start, end)
	}
	if iv.Start.Location() != time.UTC || !iv.Date.Equal(d) || iv.Date.Location().String() != "Europe/Oslo" {
		t.Errorf("got Start in %v, Date %v; want UTC and local midnight %v", iv.Start.Location(), iv.Date, d)
	}
}

func TestInPhoneHours(t *testing.T) {
	c := testCalendar(t)
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		{"13:59:59 local", local(2026, 3, 30, 13, 59, 59), true},
		{"14:00:00 local", local(2026, 3, 30, 14, 0, 0), false},
		{"09:59:59 local", local(2026, 3, 30, 9, 59, 59), false},
		{"10:00:00 local", local(2026, 3, 30, 10, 0, 0), true},
		{"08:00Z is 10:00 CEST", utc("2026-03-30T08:00:00Z"), true},
		{"08:30Z is 09:30 CET", utc("2026-03-27T08:30:00Z"), false},
		{"12:30Z is 13:30 CET", utc("2026-03-27T12:30:00Z"), true},
		{"12:30Z is 14:30 CEST", utc("2026-03-30T12:30:00Z"), false},
		{"Saturday 11:00", local(2026, 3, 28, 11, 0, 0), false},
		{"Good Friday 11:00", local(2026, 4, 3, 11, 0, 0), false},
		{"reduced day 11:59", local(2026, 12, 23, 11, 59, 0), true},
		{"reduced day 12:00", local(2026, 12, 23, 12, 0, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.InPhoneHours(tt.t); got != tt.want {
				t.Errorf("InPhoneHours(%v) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
}
