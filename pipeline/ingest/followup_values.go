package ingest

import (
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
)

// words is a closed list of canonical words, each under itself and under
// the other names exports give it (lower case).
type words map[string]string

// read gives v's canonical word, whatever its case; false when v is none.
func (w words) read(v string) (string, bool) {
	c, ok := w[strings.ToLower(v)]
	return c, ok
}

// optBool reads a yes/no value in English, Norwegian or as a digit; nil
// when empty. A workbook's boolean cell comes as 1 or 0.
func optBool(s string) (*bool, error) {
	var v bool
	switch strings.ToLower(s) {
	case "":
		return nil, nil
	case "true", "ja", "yes", "1":
		v = true
	case "false", "nei", "no", "0":
		v = false
	default:
		return nil, fmt.Errorf("%q: want ja/nei, yes/no, true/false or 1/0", s)
	}
	return &v, nil
}

// checkPeriod refuses a period whose end, when it has one, comes before
// its start; both are dates, so a one-day period ends on its start.
func checkPeriod(fromCol string, from time.Time, toCol string, to *time.Time) error {
	if to != nil && to.Before(from) {
		return fmt.Errorf("%s %s is before %s %s", toCol, to.Format(time.DateOnly), fromCol, from.Format(time.DateOnly))
	}
	return nil
}

func appendBool(b array.Builder, v *bool) {
	if v == nil {
		b.AppendNull()
		return
	}
	b.(*array.BooleanBuilder).Append(*v)
}
