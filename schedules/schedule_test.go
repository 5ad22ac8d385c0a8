package schedules

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// runsOf lists job's first n runs at or after from as RFC 3339 times.
func runsOf(s *Schedule, job string, from time.Time, n int) []string {
	var got []string
	for _, r := range s.Upcoming(from, n) {
		if r.Job == job {
			got = append(got, r.At.Format(time.RFC3339))
		}
	}
	return got
}

func TestCalendarRules(t *testing.T) {
	// Worked by hand from the default calendars (pay day 12, moved back to
	// the last working day before when closed; Norwegian holidays; Easter
	// 2027 is 28 March, so Maundy Thursday 25 Mar to Easter Monday 29 Mar).
	tests := []struct {
		name, config, job, from string
		want                    []string
	}{
		{name: "payroll-check two working days before the pay date", job: JobPayrollCheck, from: "2026-12-01 00:00", want: []string{
			"2026-12-09T07:00:00+01:00", // 12 Dec is a Saturday: paid Fri 11 Dec, two working days before is Wed 9
			"2027-01-08T07:00:00+01:00", // Tue 12 Jan: Mon 11, Fri 8
			"2027-02-10T07:00:00+01:00", // Fri 12 Feb: Thu 11, Wed 10
			"2027-03-10T07:00:00+01:00", // Fri 12 Mar
			"2027-04-08T07:00:00+02:00", // Mon 12 Apr: Fri 9, Thu 8 (summer time)
			"2027-05-10T07:00:00+02:00", // Wed 12 May: Tue 11, Mon 10
		}},
		{name: "payroll-check follows a pay-date exception and a closed day", job: JobPayrollCheck, from: "2026-12-01 00:00",
			config: "payroll: {pay_date_exceptions: {\"2026-12\": \"2026-12-15\"}}\ncalendar: {closed_days: [\"2026-12-14\"]}\n",
			want: []string{
				"2026-12-10T07:00:00+01:00", // paid Tue 15 Dec; Mon 14 closed, so Fri 11, Thu 10
				"2027-01-08T07:00:00+01:00",
			}},
		{name: "quarterly-report on the first working day after the quarter", job: JobQuarterlyReport, from: "2026-07-15 00:00", want: []string{
			"2026-10-01T06:00:00+02:00", // Thu
			"2027-01-04T06:00:00+01:00", // 1 Jan is a Friday and a holiday, then the weekend: Mon 4
			"2027-04-01T06:00:00+02:00", // Thu, the week after Easter
			"2027-07-01T06:00:00+02:00", // Thu
			"2027-10-01T06:00:00+02:00", // Fri
			"2028-01-03T06:00:00+01:00", // 1 Jan 2028 is a Saturday: Mon 3
		}},
		{name: "followup-report on the first working day of each month", job: JobFollowupReport, from: "2027-01-01 00:00", want: []string{
			"2027-01-04T06:30:00+01:00",
			"2027-02-01T06:30:00+01:00", // Mon
			"2027-03-01T06:30:00+01:00", // Mon
			"2027-04-01T06:30:00+02:00", // Thu
			"2027-05-03T06:30:00+02:00", // 1 May a Saturday (and a holiday): Mon 3
			"2027-06-01T06:30:00+02:00", // Tue
			"2027-07-01T06:30:00+02:00", // Thu
			"2027-08-02T06:30:00+02:00", // 1 Aug a Sunday
		}},
		{name: "ingest nightly at 02:00 local, once, when summer time ends", job: JobIngest, from: "2026-10-24 12:00", want: []string{
			"2026-10-25T02:00:00+02:00", // 03:00 goes back to 02:00 that night: not again at 02:00 CET
			"2026-10-26T02:00:00+01:00",
		}},
		{name: "ingest nightly, also the night summer time starts", job: JobIngest, from: "2027-03-27 12:00", want: []string{
			"2027-03-28T03:00:00+02:00", // 02:00 jumps to 03:00 that night
			"2027-03-29T02:00:00+02:00",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSchedule(t, tt.config)
			got := runsOf(s, tt.job, osloTime(t, tt.from), len(tt.want))
			if d := diff(tt.want, got); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestNextIsStrictlyAfter(t *testing.T) {
	s := testSchedule(t, "")
	tests := []struct{ job, after, want, wantFor string }{
		{JobPayrollCheck, "2026-12-09 06:59", "2026-12-09 07:00", "2026-12-11"},
		{JobPayrollCheck, "2026-12-09 07:00", "2027-01-08 07:00", "2027-01-12"},
		{JobQuarterlyReport, "2027-01-04 06:00", "2027-04-01 06:00", "2027-01-01"},
		{JobFollowupReport, "2026-12-31 23:00", "2027-01-04 06:30", "2027-01-01"},
		{JobIngest, "2026-12-09 02:00", "2026-12-10 02:00", "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.job+" after "+tt.after, func(t *testing.T) {
			r := s.Next(tt.job, osloTime(t, tt.after))
			if got := r.At.Format("2006-01-02 15:04"); got != tt.want || r.Job != tt.job {
				t.Errorf("Next = %s %s, want %s %s", r.Job, got, tt.job, tt.want)
			}
			if got := r.For.Format(time.DateOnly); got != tt.wantFor {
				t.Errorf("For = %s, want %s", got, tt.wantFor)
			}
		})
	}
	if r := s.Next("nightly", time.Now()); !r.At.IsZero() {
		t.Errorf("Next of an unknown job = %v, want the zero Run", r)
	}
}

func TestNoCalendarRunOnAClosedDay(t *testing.T) {
	cal, _ := testCalendars(t, "")
	s := testSchedule(t, "")
	runs := s.Upcoming(osloTime(t, "2026-01-01 00:00"), 25) // two years of monthly runs
	last := map[string]time.Time{}
	for _, r := range runs {
		last[r.Job] = r.At
		// ingest runs every night by its cron line, weekends included.
		if r.Job == JobIngest {
			continue
		}
		if reason, closed := cal.Closed(r.At); closed {
			t.Errorf("%s on %s: closed (%s)", r.Job, r.At.Format("Mon 2006-01-02"), reason)
		}
	}
	if last[JobFollowupReport].Year() != 2028 || last[JobQuarterlyReport].Year() < 2031 {
		t.Errorf("runs end %v; want two years and more", last)
	}
	for i := 1; i < len(runs); i++ {
		if runs[i].At.Before(runs[i-1].At) {
			t.Fatalf("Upcoming not in time order at %d: %v after %v", i, runs[i], runs[i-1])
		}
	}
}

func TestCurrent(t *testing.T) {
	s := testSchedule(t, "")
	tests := []struct{ job, now, wantFor string }{
		{JobPayrollCheck, "2026-12-10 09:00", "2026-12-11"}, // the run not yet paid
		{JobPayrollCheck, "2026-12-11 09:00", "2026-12-11"},
		{JobPayrollCheck, "2026-12-12 09:00", "2027-01-12"},
		{JobQuarterlyReport, "2027-01-02 09:00", "2026-10-01"}, // the quarter last ended
		{JobQuarterlyReport, "2027-03-31 09:00", "2026-10-01"},
		{JobFollowupReport, "2027-05-02 09:00", "2027-05-01"},
		{JobIngest, "2027-05-02 09:00", "0001-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.job+" at "+tt.now, func(t *testing.T) {
			now := osloTime(t, tt.now)
			r := s.Current(tt.job, now)
			if got := r.For.Format(time.DateOnly); got != tt.wantFor || !r.At.Equal(now) {
				t.Errorf("Current = %v for %s, want %v for %s", r.At, got, now, tt.wantFor)
			}
		})
	}
}

func TestWriteRuns(t *testing.T) {
	s := testSchedule(t, "")
	runs := s.Upcoming(osloTime(t, "2026-12-09 00:00"), 1)
	var b bytes.Buffer
	if err := WriteRuns(&b, runs, true); err != nil {
		t.Fatal(err)
	}
	want := `[
  {"job": "ingest", "at": "2026-12-09T02:00:00+01:00"},
  {"job": "payroll-check", "at": "2026-12-09T07:00:00+01:00"},
  {"job": "quarterly-report", "at": "2027-01-04T06:00:00+01:00"},
  {"job": "followup-report", "at": "2027-01-04T06:30:00+01:00"}
]
`
	if b.String() != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b.String(), want)
	}
	var back []Run
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back) != 4 || !back[1].At.Equal(runs[1].At) {
		t.Errorf("JSON does not read back: %v %v", back, err)
	}
	b.Reset()
	if err := WriteRuns(&b, runs[1:2], false); err != nil {
		t.Fatal(err)
	}
	if want := "Wed 2026-12-09 07:00 CET  payroll-check     pay date 2026-12-11\n"; b.String() != want {
		t.Errorf("text = %q, want %q", b.String(), want)
	}
	b.Reset()
	if err := WriteRuns(&b, nil, true); err != nil || b.String() != "[]\n" {
		t.Errorf("no runs = %q, %v; want []", b.String(), err)
	}
}
