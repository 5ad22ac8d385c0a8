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

var absenceColumns = []string{"employee_id", "unit", "kind", "from_date", "to_date", "grade_pct"}

// absencesSchema is raw_absences after file_id.
var absencesSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "kind", Type: arrow.BinaryTypes.String},
	{Name: "from_date", Type: arrow.FixedWidthTypes.Date32},
	{Name: "to_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "grade_pct", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
}, nil)

// absenceKinds are the kinds of absence, under their Norwegian names too.
var absenceKinds = words{
	"sick": "sick", "sykefravær": "sick", "syk": "sick", "sykmelding": "sick", "egenmelding": "sick",
	"parental": "parental", "foreldrepermisjon": "parental",
	"leave": "leave", "permisjon": "leave",
}

// absenceKept are the only columns of an absence that may reach
// quarantine: absences are health data (SPEC §4.5: nothing more).
var absenceKept = []string{"employee_id", "from_date", "to_date", "grade_pct"}

// absencesFormat reads absences (SPEC §2.4) from a CSV file or, by its
// name, a workbook or a Parquet file. A refused row goes to quarantine as
// its employee id, dates and grade only, and its reason names no other
// column's value.
func newAbsencesFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: Absences, tbl: "raw_absences", sch: absencesSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: absenceColumns, required: []string{"employee_id", "kind", "from_date"},
		kept: absenceKept, row: rowOf(readAbsence),
	}
}

// keptColumns writes the current record of t as col=value pairs of cols.
func keptColumns(t table, cols []string) []byte {
	pairs := make([]string, len(cols))
	for i, c := range cols {
		pairs[i] = c + "=" + t.get(c)
	}
	return []byte(strings.Join(pairs, "; "))
}

type absence struct {
	employeeID, unit, kind string

	fromDate time.Time
	toDate   *time.Time
	gradePct *float64
}

// readAbsence checks one record; nothing is appended unless all of it is
// good. The kind's value is not quoted in a reason: it may say more than
// the canonical words do.
func readAbsence(t table) (absence, error) {
	a := absence{employeeID: t.get("employee_id"), unit: t.get("unit")}
	if a.employeeID == "" {
		return a, errors.New("empty employee_id")
	}
	var ok bool
	if a.kind, ok = absenceKinds.read(t.get("kind")); !ok {
		return a, errors.New("kind: want sick, parental or leave (sykefravær, foreldrepermisjon, permisjon)")
	}
	var err error
	if a.fromDate, err = requiredDate(t, "from_date"); err != nil {
		return a, err
	}
	if a.toDate, err = tableDate(t, "to_date"); err != nil {
		return a, fmt.Errorf("to_date: %w", err)
	}
	if err := checkPeriod("from_date", a.fromDate, "to_date", a.toDate); err != nil {
		return a, err
	}
	if a.gradePct, err = parsePercent(t.get("grade_pct")); err != nil {
		return a, fmt.Errorf("grade_pct: %w", err)
	}
	return a, nil
}

func (a *absence) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(a.employeeID)
	appendString(b.Field(2), a.unit)
	b.Field(3).(*array.StringBuilder).Append(a.kind)
	appendDate(b.Field(4), &a.fromDate)
	appendDate(b.Field(5), a.toDate)
	appendFloat(b.Field(6), a.gradePct)
}
