package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
)

// money is DECIMAL(14, 2): amounts go to DuckDB as whole øre, never as
// floats, so no cent is lost on the way.
var money = &arrow.Decimal128Type{Precision: 14, Scale: 2}

// maxKroner bounds the whole kroner of a DECIMAL(14, 2).
const maxKroner = 1e12

// dateLayouts are the date forms of payroll input. "2.1.2006" reads one or
// two digits of day and month, so it takes 02.01.2006 as well.
var dateLayouts = []string{time.DateOnly, "2.1.2006"}

// parseDate reads a calendar date: YYYY-MM-DD or DD.MM.YYYY, optionally with
// a midnight time as exports of date columns carry. A date is no instant:
// it is never converted between zones, which could move it a day.
func parseDate(s string) (time.Time, error) {
	day, clock, _ := strings.Cut(strings.Replace(s, "T", " ", 1), " ")
	if midnight(clock) {
		for _, l := range dateLayouts {
			if d, err := time.Parse(l, day); err == nil {
				return d, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or DD.MM.YYYY", s)
}

// midnight says whether a time of day, maybe with its zone, is 00:00.
func midnight(clock string) bool {
	clock = strings.TrimSuffix(clock, "Z")
	if i := strings.IndexAny(clock, "+-"); i >= 0 {
		clock = clock[:i]
	}
	return strings.Trim(clock, "0:.") == ""
}

// tableDate reads a date column; nil when empty. A workbook's date cell
// comes as its serial number (see rawCells).
func tableDate(t table, col string) (*time.Time, error) {
	v := t.get(col)
	if v == "" {
		return nil, nil
	}
	if _, ok := t.(*xlsxTable); ok {
		if serial, err := strconv.ParseFloat(v, 64); err == nil {
			return excelDate(serial)
		}
	}
	d, err := parseDate(v)
	return &d, err
}

// excelDate reads an Excel serial date without a time of day.
func excelDate(serial float64) (*time.Time, error) {
	if !(serial >= 1 && serial < lastSerial+1) || serial != math.Floor(serial) {
		return nil, fmt.Errorf("date serial %v: want a date from 1900 to 9999 without a time of day", serial)
	}
	d := time.Date(1899, 12, 30+int(serial), 0, 0, 0, 0, time.UTC)
	return &d, nil
}

// requiredDate is tableDate for a column that must have a value.
func requiredDate(t table, col string) (time.Time, error) {
	d, err := tableDate(t, col)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", col, err)
	}
	if d == nil {
		return time.Time{}, fmt.Errorf("empty %s", col)
	}
	return *d, nil
}

// parsePeriod reads the month a pay line pays for as YYYY-MM; YYYYMM and
// a date (taking its month) are accepted too.
func parsePeriod(t table, col string) (string, error) {
	v := t.get(col)
	if v == "" {
		return "", fmt.Errorf("empty %s", col)
	}
	layout := ""
	switch {
	case len(v) == 7 && v[4] == '-':
		layout = "2006-01"
	case len(v) == 6 && strings.Trim(v, "0123456789") == "":
		layout = "200601"
	}
	if layout != "" {
		if m, err := time.Parse(layout, v); err == nil {
			return m.Format("2006-01"), nil
		}
	} else if d, err := tableDate(t, col); err == nil {
		return d.Format("2006-01"), nil
	}
	return "", fmt.Errorf("%s %q: want a month as YYYY-MM or YYYYMM, or a date", col, v)
}

// plainDecimal rewrites a number as people write it, "1 234,50" (Norwegian,
// with a space or no-break space between thousands), "1.234,50",
// "1,234.50" or "-1234.50", in Go's form: "-1234.50". A lone comma is a
// decimal comma; thousands must come in groups of three.
func plainDecimal(s string) (string, error) {
	bad := fmt.Errorf("%q is not a number", s)
	s = strings.TrimSpace(s)
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	} else if rest, ok := strings.CutPrefix(s, "−"); ok { // U+2212 minus
		sign, s = "-", rest
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	mark, group := decimalMark(s)
	whole, frac, hasFrac := strings.Cut(s, mark)
	if hasFrac && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return "", bad
	}
	digits, ok := ungroup(whole, group)
	if !ok || digits == "" && frac == "" {
		return "", bad
	}
	if digits == "" {
		digits = "0"
	}
	if hasFrac {
		return sign + digits + "." + frac, nil
	}
	return sign + digits, nil
}

// decimalMark picks the decimal mark of s, and the other of '.' and ','
// as a thousands separator: the later of the two when both occur; one
// that occurs more than once is the separator.
func decimalMark(s string) (mark, group string) {
	comma, dot := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma >= 0 && dot >= 0 && dot > comma,
		comma >= 0 && dot < 0 && strings.Count(s, ",") > 1,
		comma < 0 && dot >= 0 && strings.Count(s, ".") == 1:
		return ".", ","
	}
	return ",", "."
}

// ungroup removes the thousands separators (group, or a space of any kind)
// from the digits of a whole number; groups after the first have three.
func ungroup(whole, group string) (string, bool) {
	parts := splitGroups(whole, group)
	for i, p := range parts {
		n := len(p)
		if strings.Trim(p, "0123456789") != "" || len(parts) > 1 && (i == 0 && (n == 0 || n > 3) || i > 0 && n != 3) {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

func splitGroups(whole, group string) []string {
	var parts []string
	start := 0
	for i, r := range whole {
		if string(r) == group || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			parts = append(parts, whole[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, whole[start:])
}

// parseCents reads an amount in kroner as whole øre. More than two
// decimals is refused unless the rest are zeros: rounding would lose money.
func parseCents(s string) (int64, error) {
	p, err := plainDecimal(s)
	if err != nil {
		return 0, err
	}
	neg := strings.HasPrefix(p, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(p, "-"), ".")
	if len(frac) > 2 {
		if strings.Trim(frac[2:], "0") != "" {
			return 0, fmt.Errorf("%q has more than two decimals", s)
		}
		frac = frac[:2]
	}
	frac += strings.Repeat("0", 2-len(frac))
	kr, err := strconv.ParseFloat(whole, 64)
	if err != nil || kr >= maxKroner {
		return 0, fmt.Errorf("%q is too large an amount", s)
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// optNumber reads a decimal number as plainDecimal does; nil when empty.
func optNumber(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	p, err := plainDecimal(s)
	if err != nil {
		return nil, err
	}
	v, err := strconv.ParseFloat(p, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", s)
	}
	return &v, nil
}

// optCents is parseCents for a column that may be empty.
func optCents(s string) (*int64, error) {
	if s == "" {
		return nil, nil
	}
	v, err := parseCents(s)
	return &v, err
}

func appendDate(b array.Builder, d *time.Time) {
	if d == nil {
		b.AppendNull()
		return
	}
	b.(*array.Date32Builder).Append(arrow.Date32FromTime(*d))
}

func appendCents(b array.Builder, v *int64) {
	if v == nil {
		b.AppendNull()
		return
	}
	b.(*array.Decimal128Builder).Append(decimal128.FromI64(*v))
}
