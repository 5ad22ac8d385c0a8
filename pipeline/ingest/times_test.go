package ingest_test

import (
	"testing"
	"time"

	"slakpi/pipeline/ingest"
)

func TestParseTime(t *testing.T) {
	utc := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, tc := range []struct {
		in   string
		want time.Time // zero: an error
	}{
		{"2026-01-14T10:05:00+01:00", utc("2026-01-14T09:05:00Z")},
		{"2026-01-14T09:05:00Z", utc("2026-01-14T09:05:00Z")},
		{"2026-01-14T10:05:00.25+01:00", utc("2026-01-14T09:05:00.25Z")},
		{"2021-02-11T06:32:36.303+0000", utc("2021-02-11T06:32:36.303Z")}, // TOPdesk
		{"2021-02-11T07:32:36+0100", utc("2021-02-11T06:32:36Z")},
		// Local forms are Europe/Oslo: UTC+1 in winter, UTC+2 in summer.
		{"2026-01-14 10:05", utc("2026-01-14T09:05:00Z")},
		{"2026-01-14 10:05:30", utc("2026-01-14T09:05:30Z")},
		{"2026-01-14T10:05", utc("2026-01-14T09:05:00Z")},
		{"  2026-07-01 10:05  ", utc("2026-07-01T08:05:00Z")},
		// 29 March 2026 the clocks go from 02:00 to 03:00, so 02:30 never
		// happens. Go reads it with the offset before the change (+01:00):
		// 01:30Z, which is 03:30 CEST.
		{"2026-03-29 02:30", utc("2026-03-29T01:30:00Z")},
		// 25 October 2026 the clocks go from 03:00 back to 02:00, so 02:30
		// happens twice (00:30Z and 01:30Z). Go takes the second, in CET.
		{"2026-10-25 02:30", utc("2026-10-25T01:30:00Z")},
		// Norwegian exports: day first, local time; a date alone is midnight.
		{"14.01.2026 10:05", utc("2026-01-14T09:05:00Z")},
		{"14.01.2026", utc("2026-01-13T23:00:00Z")},
		{"2026-01-14", utc("2026-01-13T23:00:00Z")},
		{"14/01/2026 10:05", time.Time{}},
		{"2026-02-30 10:05", time.Time{}},
		{"", time.Time{}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ingest.ParseTime(tc.in, oslo)
			if tc.want.IsZero() {
				if err == nil {
					t.Errorf("= %v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Errorf("(-want +got):\n-%v\n+%v", tc.want, got)
			}
		})
	}
}
