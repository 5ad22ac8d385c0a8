package calendar

import (
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/no"
)

// Holidays tells a date's public holiday.
type Holidays interface {
	// Holiday reports the holiday on day's year, month and day as given,
	// whatever day's location.
	Holiday(day time.Time) (name string, ok bool)
}

// Norway returns the Norwegian public holidays of SPEC §3, computed by
// github.com/rickar/cal/v2/no: 1 Jan, Maundy Thursday, Good Friday, Easter
// Monday, 1 May, 17 May, Ascension Day, Whit Monday, 25 and 26 Dec.
func Norway() Holidays {
	return holidayList(no.Holidays)
}

// holidayList asks each holiday's own rule for the year rather than going
// through cal.Calendar, whose cache is mutable and not safe for concurrent use.
type holidayList []*cal.Holiday

// Holiday names every holiday on the date; when two coincide (17 May 2027
// is also Whit Monday) their names are joined with " / ".
func (l holidayList) Holiday(day time.Time) (string, bool) {
	y, m, d := day.Date()
	var names []string
	for _, h := range l {
		act, _ := h.Calc(y)
		if act.IsZero() {
			continue
		}
		if _, am, ad := act.Date(); am == m && ad == d {
			names = append(names, h.Name)
		}
	}
	return strings.Join(names, " / "), len(names) > 0
}
