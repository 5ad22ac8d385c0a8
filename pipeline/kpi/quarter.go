package kpi

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Quarter is a calendar quarter, "2026Q3", of Europe/Oslo local dates.
type Quarter struct {
	Year int
	Q    int // 1–4
}

var quarterRe = regexp.MustCompile(`^([1-9][0-9]{3})Q([1-4])$`)

// ParseQuarter reads "YYYYQn".
func ParseQuarter(s string) (Quarter, error) {
	m := quarterRe.FindStringSubmatch(s)
	if m == nil {
		return Quarter{}, fmt.Errorf("quarter %q: want YYYYQn, like 2026Q3", s)
	}
	y, _ := strconv.Atoi(m[1])
	return Quarter{Year: y, Q: int(m[2][0] - '0')}, nil
}

// QuarterOf is the quarter of t's date in loc.
func QuarterOf(t time.Time, loc *time.Location) Quarter {
	t = t.In(loc)
	return Quarter{Year: t.Year(), Q: (int(t.Month())-1)/3 + 1}
}

func (q Quarter) String() string { return fmt.Sprintf("%dQ%d", q.Year, q.Q) }

// Prev is the quarter before q.
func (q Quarter) Prev() Quarter { return q.Add(-1) }

// Add moves n quarters (n may be negative).
func (q Quarter) Add(n int) Quarter {
	i := q.Year*4 + q.Q - 1 + n
	return Quarter{Year: i / 4, Q: i%4 + 1}
}

// Start is the local midnight the quarter begins.
func (q Quarter) Start(loc *time.Location) time.Time {
	return time.Date(q.Year, time.Month(3*(q.Q-1)+1), 1, 0, 0, 0, 0, loc)
}

// End is the local midnight the next quarter begins.
func (q Quarter) End(loc *time.Location) time.Time { return q.Add(1).Start(loc) }
