package ingest

import (
	"fmt"
	"strings"
	"time"
)

// layouts are the time forms any input may use (SPEC §2), tried in order.
// A form without an offset is local time in the configured zone.
var layouts = []struct {
	layout string
	local  bool
}{
	{time.RFC3339Nano, false},
	{"2006-01-02T15:04:05.000-0700", false}, // TOPdesk
	{"2006-01-02T15:04:05-0700", false},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02", true},
	// Norwegian spreadsheet and TOPdesk UI exports.
	{"02.01.2006 15:04:05", true},
	{"02.01.2006 15:04", true},
	{"02.01.2006", true},
}

// ParseTime reads an input timestamp. Local forms are read in loc; the
// result is in UTC.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range layouts {
		var t time.Time
		var err error
		if l.local {
			t, err = time.ParseInLocation(l.layout, s, loc)
		} else {
			t, err = time.Parse(l.layout, s)
		}
		if err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("time %q: want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]", s)
}
