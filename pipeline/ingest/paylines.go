package ingest

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

// payLineColumns are the canonical columns of a payroll run's lines
// (SPEC §2.3 pay-lines).
var payLineColumns = []string{"run_id", "run_type", "pay_date", "period", "employee_id", "employment_id", "unit",
	"cost_centre", "wage_type", "amelding_code", "amount", "hours", "rate"}

// payLinesSchema is raw_pay_lines after file_id.
var payLinesSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "run_id", Type: arrow.BinaryTypes.String},
	{Name: "run_type", Type: arrow.BinaryTypes.String},
	{Name: "pay_date", Type: arrow.FixedWidthTypes.Date32},
	{Name: "period", Type: arrow.BinaryTypes.String},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "employment_id", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "cost_centre", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "wage_type", Type: arrow.BinaryTypes.String},
	{Name: "amelding_code", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "amount", Type: money},
	{Name: "hours", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "rate", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

var runTypes = map[string]bool{"main": true, "supplementary": true, "travel": true, "extra": true}

// payLinesFormat reads the lines of payroll runs from a CSV file or, when
// the file is named *.parquet, a Parquet file; a run's lines may come in
// several files.
func payLinesFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: PayLines, tbl: "raw_pay_lines", sch: payLinesSchema, src: byExtension, loc: loc,
		aliases: aliases, columns: payLineColumns,
		required: []string{"run_id", "run_type", "pay_date", "period", "employee_id", "wage_type", "amount"},
		row:      rowOf(readPayLine),
	}
}

// payLine is one line of a run, checked and ready to append.
type payLine struct {
	runID, runType, period, employeeID, employmentID, unit, costCentre, wageType, ameldingCode string

	payDate     time.Time
	amount      int64 // øre
	hours, rate *float64
}

// readPayLine checks one record; nothing is appended unless all of it is
// good.
func readPayLine(t table) (payLine, error) {
	p := payLine{runID: t.get("run_id"), runType: strings.ToLower(t.get("run_type")), employeeID: t.get("employee_id"),
		employmentID: t.get("employment_id"), unit: t.get("unit"), costCentre: t.get("cost_centre"),
		wageType: t.get("wage_type"), ameldingCode: t.get("amelding_code")}
	for _, c := range []struct{ col, v string }{
		{"run_id", p.runID}, {"employee_id", p.employeeID}, {"wage_type", p.wageType},
	} {
		if c.v == "" {
			return p, fmt.Errorf("empty %s", c.col)
		}
	}
	if !runTypes[p.runType] {
		return p, fmt.Errorf("run_type %q: want main, supplementary, travel or extra", t.get("run_type"))
	}
	var err error
	if p.payDate, err = requiredDate(t, "pay_date"); err != nil {
		return p, err
	}
	if p.period, err = parsePeriod(t, "period"); err != nil {
		return p, err
	}
	if t.get("amount") == "" {
		return p, errors.New("empty amount")
	}
	if p.amount, err = parseCents(t.get("amount")); err != nil {
		return p, fmt.Errorf("amount: %w", err)
	}
	if p.hours, err = optNumber(t.get("hours")); err != nil {
		return p, fmt.Errorf("hours: %w", err)
	}
	if p.rate, err = optNumber(t.get("rate")); err != nil {
		return p, fmt.Errorf("rate: %w", err)
	}
	return p, nil
}

func (p *payLine) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(p.runID)
	b.Field(2).(*array.StringBuilder).Append(p.runType)
	appendDate(b.Field(3), &p.payDate)
	b.Field(4).(*array.StringBuilder).Append(p.period)
	b.Field(5).(*array.StringBuilder).Append(p.employeeID)
	appendString(b.Field(6), p.employmentID)
	appendString(b.Field(7), p.unit)
	appendString(b.Field(8), p.costCentre)
	b.Field(9).(*array.StringBuilder).Append(p.wageType)
	appendString(b.Field(10), p.ameldingCode)
	appendCents(b.Field(11), &p.amount)
	appendFloat(b.Field(12), p.hours)
	appendFloat(b.Field(13), p.rate)
}
