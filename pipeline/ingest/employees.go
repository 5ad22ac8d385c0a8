package ingest

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var employeeColumns = []string{"employee_id", "employment_id", "unit", "start_date", "end_date", "position_pct",
	"status", "bank_account_hash", "registered_at"}

// employeesSchema is raw_employees after file_id.
var employeesSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "employment_id", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "start_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "end_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "position_pct", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "status", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "bank_account_hash", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "registered_at", Type: tsUTC, Nullable: true},
}, nil)

// employeesFormat reads employments (SPEC §2.3 employees) from a CSV file
// or, by its name, a workbook or a Parquet file. A bank account number that
// came unhashed refuses its row, and is kept out of quarantine too.
type employeesFormat struct{ tableFormat }

func newEmployeesFormat(loc *time.Location, aliases config.Aliases) employeesFormat {
	return employeesFormat{tableFormat{
		name: Employees, tbl: "raw_employees", sch: employeesSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: employeeColumns, required: []string{"employee_id", "employment_id"},
		row: rowOf(readEmployee),
	}}
}

func (f employeesFormat) parse(r io.Reader, s *sink) error {
	s.private = withoutAccountNumbers
	return f.tableFormat.parse(r, s)
}

// accountNumber is a Norwegian bank account number as people write it:
// 11 digits, maybe grouped 4.2.5 by dots or spaces.
var accountNumber = regexp.MustCompile(`\b\d{4}[. ]?\d{2}[. ]?\d{5}\b`)

// isAccountNumber says whether a whole value is a plain account number.
func isAccountNumber(v string) bool {
	m := accountNumber.FindStringIndex(v)
	return m != nil && m[0] == 0 && m[1] == len(v)
}

func withoutAccountNumbers(raw []byte) []byte {
	return accountNumber.ReplaceAll(raw, []byte("(account number removed)"))
}

type employee struct {
	employeeID, employmentID, unit, status, bankAccountHash string

	startDate, endDate, registeredAt *time.Time
	positionPct                      *float64
}

// readEmployee checks one record; nothing is appended unless all of it is
// good.
func readEmployee(t table) (employee, error) {
	e := employee{employeeID: t.get("employee_id"), employmentID: t.get("employment_id"), unit: t.get("unit"),
		status: t.get("status"), bankAccountHash: t.get("bank_account_hash")}
	switch {
	case e.employeeID == "":
		return e, errors.New("empty employee_id")
	case e.employmentID == "":
		return e, errors.New("empty employment_id")
	case isAccountNumber(e.bankAccountHash):
		return e, errors.New("bank account number must come hashed")
	}
	var err error
	if e.startDate, err = tableDate(t, "start_date"); err != nil {
		return e, fmt.Errorf("start_date: %w", err)
	}
	if e.endDate, err = tableDate(t, "end_date"); err != nil {
		return e, fmt.Errorf("end_date: %w", err)
	}
	if e.positionPct, err = parsePercent(t.get("position_pct")); err != nil {
		return e, fmt.Errorf("position_pct: %w", err)
	}
	if e.registeredAt, err = t.time("registered_at"); err != nil {
		return e, fmt.Errorf("registered_at: %w", err)
	}
	return e, nil
}

// parsePercent reads a position as a percentage: "100", "100 %", "50,5".
func parsePercent(s string) (*float64, error) {
	v, err := optNumber(strings.TrimSpace(strings.TrimSuffix(s, "%")))
	if err != nil || v == nil {
		return v, err
	}
	if *v < 0 || *v > 100 {
		return nil, fmt.Errorf("%q: want a percentage from 0 to 100", s)
	}
	return v, nil
}

func (e *employee) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(e.employeeID)
	b.Field(2).(*array.StringBuilder).Append(e.employmentID)
	appendString(b.Field(3), e.unit)
	appendDate(b.Field(4), e.startDate)
	appendDate(b.Field(5), e.endDate)
	appendFloat(b.Field(6), e.positionPct)
	appendString(b.Field(7), e.status)
	appendString(b.Field(8), e.bankAccountHash)
	appendTime(b.Field(9), e.registeredAt)
}
