package calendar

import (
	"testing"
	"time"
)

func TestIntervals(t *testing.T) {
	c := testCalendar(t)
	tests := []struct {
		name     string
		get      func(from, to time.Time) []Interval
		from, to time.Time
		starts   []string // each interval's Start, ascending
	}{
		// Whole local dates count, whatever the clock: 15:00 Fri to 00:30 Mon.
		{"phone across DST", c.PhoneIntervals, local(2026, 3, 27, 15, 0, 0), local(2026, 3, 30, 0, 30, 0),
			[]string{"2026-03-27T09:00:00Z", "2026-03-30T08:00:00Z"}},
		// Wed 1 Apr and Tue 7 Apr 2026 frame Maundy Thursday to Easter Monday.
		{"work across Easter", c.WorkIntervals, day(2026, 4, 1), day(2026, 4, 7),
			[]string{"2026-04-01T06:00:00Z", "2026-04-07T06:00:00Z"}},
		// 22:30Z on Sun 29 Mar is 00:30 CEST Mon 30 Mar.
		{"UTC instants on local dates", c.PhoneIntervals, utc("2026-03-29T22:30:00Z"), utc("2026-03-29T22:30:00Z"),
			[]string{"2026-03-30T08:00:00Z"}},
		{"weekend only", c.WorkIntervals, day(2026, 3, 28), day(2026, 3, 29), nil},
		{"to before from", c.WorkIntervals, day(2026, 3, 30), day(2026, 3, 27), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.get(tt.from, tt.to)
			if len(got) != len(tt.starts) {
				t.Fatalf("got %d intervals %v, want %d", len(got), got, len(tt.starts))
			}
			for i, iv := range got {
				if !iv.Start.Equal(utc(tt.starts[i])) {
					t.Errorf("interval %d starts %v, want %s", i, iv.Start, tt.starts[i])
				}
			}
		})
	}
}

func TestBusinessTime(t *testing.T) {
	c := testCalendar(t)
	h, m := time.Hour, time.Minute
	tests := []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		// Fri 14:00–15:45 is 1h45m, Mon 08:00–09:00 is 1h.
		{"across a weekend", local(2026, 3, 6, 14, 0, 0), local(2026, 3, 9, 9, 0, 0), 2*h + 45*m},
		// Wed 15:00–15:45, Thu 2 to Mon 6 Apr closed, Tue 08:00–09:00.
		{"across Easter", local(2026, 4, 1, 15, 0, 0), local(2026, 4, 7, 9, 0, 0), h + 45*m},
		// Fri 15:00–15:45 CET and Mon 08:00–09:00 CEST; the lost hour is a Sunday's.
		{"across March DST", local(2026, 3, 27, 15, 0, 0), local(2026, 3, 30, 9, 0, 0), h + 45*m},
		{"across October DST", local(2026, 10, 23, 15, 0, 0), local(2026, 10, 26, 9, 0, 0), h + 45*m},
		// Only Mon 08:00–12:00 counts.
		{"starting on a Saturday", local(2026, 3, 7, 12, 0, 0), local(2026, 3, 9, 12, 0, 0), 4 * h},
		// The whole day, 08:00–15:45.
		{"before 08:00 to after 15:45", local(2026, 3, 10, 6, 0, 0), local(2026, 3, 10, 18, 0, 0), 7*h + 45*m},
		{"inside one day", local(2026, 3, 10, 9, 0, 0), local(2026, 3, 10, 10, 30, 0), h + 30*m},
		// Three whole days, Mon 9 to Wed 11 Mar.
		{"three days", local(2026, 3, 9, 7, 0, 0), local(2026, 3, 11, 20, 0, 0), 3 * (7*h + 45*m)},
		// Summer day 08:00–15:00: 14:00 to the end is 1h.
		{"summer hours", local(2026, 6, 1, 14, 0, 0), local(2026, 6, 1, 17, 0, 0), h},
		// Reduced 23 Dec to 12:00: 11:00–12:00; 24–27 Dec closed; Mon 28 08:00–09:00.
		{"reduced and extra closed days", local(2026, 12, 23, 11, 0, 0), local(2026, 12, 28, 9, 0, 0), 2 * h},
		// May 2026: 1 May (Fri), 14 May (Thu) and 25 May (Mon) are holidays,
		// 17 May a Sunday. 4–13 May: 8 days × 7h45m = 62h; 15–29 May
		// (summer): 10 days × 7h = 70h.
		{"a whole month", day(2026, 5, 1), day(2026, 6, 1), 132 * h},
		{"Saturday only", local(2026, 3, 7, 0, 0, 0), local(2026, 3, 8, 0, 0, 0), 0},
		{"to equals from", local(2026, 3, 10, 9, 0, 0), local(2026, 3, 10, 9, 0, 0), 0},
		{"to before from", local(2026, 3, 10, 12, 0, 0), local(2026, 3, 10, 9, 0, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.BusinessTime(tt.from, tt.to); got != tt.want {
				t.Errorf("BusinessTime = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := testCalendar(t)
	tests := []struct {
		name string
		day  time.Time
		n    int
		want time.Time
	}{
		// Mon 11 Jan, then Fri 8 Jan.
		{"before Tue 12 Jan 2027", day(2027, 1, 12), -2, day(2027, 1, 8)},
		{"before Fri 12 Feb 2027", day(2027, 2, 12), -2, day(2027, 2, 10)},
		// Fri 9, Thu 8 Apr; Easter 2027 was 28 Mar.
		{"before Mon 12 Apr 2027", day(2027, 4, 12), -2, day(2027, 4, 8)},
		// Mon 29 to Thu 25 Mar 2027 are Easter or weekend: Wed 24, Tue 23.
		{"before Easter 2027", day(2027, 3, 30), -2, day(2027, 3, 23)},
		// Thu 2 to Mon 6 Apr 2026 closed: Tue 7, Wed 8.
		{"over Easter 2026", day(2026, 4, 1), 2, day(2026, 4, 8)},
		{"Friday to Monday", day(2026, 3, 6), 1, day(2026, 3, 9)},
		{"from a Saturday", day(2026, 3, 7), 1, day(2026, 3, 9)},
		{"zero keeps the date", local(2026, 3, 7, 15, 0, 0), 0, day(2026, 3, 7)},
		{"over March DST", local(2026, 3, 27, 15, 0, 0), 1, day(2026, 3, 30)},
		// 22:30Z Sun 29 Mar is Mon 30 Mar 00:30 CEST; one back is Fri 27.
		{"UTC instant", utc("2026-03-29T22:30:00Z"), -1, day(2026, 3, 27)},
		// 24 Dec closed, 25 Dec holiday, 26–27 weekend.
		{"over Christmas", day(2026, 12, 23), 1, day(2026, 12, 28)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.AddWorkingDays(tt.day, tt.n)
			if !got.Equal(tt.want) || got.Hour() != 0 || got.Location().String() != "Europe/Oslo" {
				t.Errorf("AddWorkingDays(%v, %d) = %v, want %v", tt.day, tt.n, got, tt.want)
			}
		})
	}
}

func TestClosedDays(t *testing.T) {
	c := testCalendar(t)
	tests := []struct {
		name     string
		from, to time.Time
		want     []ClosedDay
	}{
		{"Easter 2026", day(2026, 3, 30), day(2026, 4, 10), []ClosedDay{
			{day(2026, 4, 2), "Skjærtorsdag"}, {day(2026, 4, 3), "Langfredag"}, {day(2026, 4, 6), "Andre påskedag"},
		}},
		// 17 May 2026 is a Sunday, left out.
		{"May 2026", day(2026, 5, 1), day(2026, 5, 31), []ClosedDay{
			{day(2026, 5, 1), "Arbeidernes dag"}, {day(2026, 5, 14), "Kristi Himmelfartsdag"}, {day(2026, 5, 25), "Andre pinsedag"},
		}},
		// 1 May 2027 is a Saturday, left out; 17 May is one day with both names.
		{"May 2027", day(2027, 5, 1), day(2027, 5, 31), []ClosedDay{
			{day(2027, 5, 6), "Kristi Himmelfartsdag"}, {day(2027, 5, 17), "Grunnlovsdag / Andre pinsedag"},
		}},
		// 26 Dec 2026 is a Saturday.
		{"Christmas 2026", day(2026, 12, 20), day(2026, 12, 31), []ClosedDay{
			{day(2026, 12, 24), "closed"}, {day(2026, 12, 25), "Første juledag"}, {day(2026, 12, 31), "closed"},
		}},
		{"none", day(2026, 3, 2), day(2026, 3, 31), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.ClosedDays(tt.from, tt.to)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if !got[i].Date.Equal(tt.want[i].Date) || got[i].Name != tt.want[i].Name {
					t.Errorf("day %d = %v %q, want %v %q", i, got[i].Date, got[i].Name, tt.want[i].Date, tt.want[i].Name)
				}
			}
		})
	}
}
