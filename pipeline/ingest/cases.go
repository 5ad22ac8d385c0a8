package ingest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

// caseColumns are the canonical headers of a case export (SPEC §2.2).
var caseColumns = []string{"number", "call_date", "creation_date", "caller_unit", "operator_group", "operator",
	"status", "category", "subcategory", "entry_type", "response_date", "completed_date", "closed_date",
	"on_hold_s", "reopened", "modified_at", "employee_id"}

// casesSchema is raw_cases after file_id.
var casesSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "number", Type: arrow.BinaryTypes.String},
	{Name: "call_date", Type: tsUTC, Nullable: true},
	{Name: "creation_date", Type: tsUTC, Nullable: true},
	{Name: "caller_unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "operator_group", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "operator", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "status", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "category", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "subcategory", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "entry_type", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "response_date", Type: tsUTC, Nullable: true},
	{Name: "completed_date", Type: tsUTC, Nullable: true},
	{Name: "closed_date", Type: tsUTC, Nullable: true},
	{Name: "on_hold_s", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "reopened", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "modified_at", Type: tsUTC, Nullable: true},
	// Last, as raw_cases got it by ALTER TABLE; null from TOPdesk JSON.
	{Name: "employee_id", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

// casesFormat reads one-row-per-case exports (cases-csv, cases-xlsx). Both
// take their header aliases from cases-csv's, and keep status names as they
// came: cases.status_map is applied in SQL.
func casesFormat(kind string, src source, loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: kind, tbl: "raw_cases", sch: casesSchema, src: src, loc: loc, aliases: aliases,
		columns: caseColumns, required: []string{"number"}, oneOf: []string{"call_date", "creation_date"},
		row: rowOf(readCase),
	}
}

// caseRow is one case, checked and ready to append to raw_cases.
type caseRow struct {
	number, callerUnit, operatorGroup, operator, status, category, subcategory, entryType string

	employeeID string // the new hire a Nyansettelse case registers

	callDate, creationDate, responseDate, completedDate, closedDate, modifiedAt *time.Time

	onHold   *float64
	reopened *int32
}

// readCase checks one record of a case table; nothing is appended unless
// all of it is good.
func readCase(t table) (caseRow, error) {
	c := caseRow{number: t.get("number"), callerUnit: t.get("caller_unit"), operatorGroup: t.get("operator_group"),
		operator: t.get("operator"), status: t.get("status"), category: t.get("category"),
		subcategory: t.get("subcategory"), entryType: t.get("entry_type"), employeeID: t.get("employee_id")}
	for _, tc := range []struct {
		col string
		dst **time.Time
	}{
		{"call_date", &c.callDate}, {"creation_date", &c.creationDate}, {"response_date", &c.responseDate},
		{"completed_date", &c.completedDate}, {"closed_date", &c.closedDate}, {"modified_at", &c.modifiedAt},
	} {
		var err error
		if *tc.dst, err = t.time(tc.col); err != nil {
			return c, fmt.Errorf("%s: %w", tc.col, err)
		}
	}
	var err error
	if c.onHold, err = optFloat(t.get("on_hold_s")); err != nil {
		return c, fmt.Errorf("on_hold_s: %w", err)
	}
	if c.reopened, err = parseReopened(t.get("reopened")); err != nil {
		return c, fmt.Errorf("reopened: %w", err)
	}
	return c, c.check()
}

// check holds the rules every case source shares.
func (c *caseRow) check() error {
	if c.number == "" {
		return errors.New("empty number")
	}
	if c.callDate == nil && c.creationDate == nil {
		return errors.New("neither a call date nor a creation date")
	}
	return nil
}

// parseReopened reads how often a case was reopened: a count, or yes/no in
// English or Norwegian, which count as 1 and 0.
func parseReopened(s string) (*int32, error) {
	if s == "" {
		return nil, nil
	}
	var n int32
	switch strings.ToLower(s) {
	case "true", "ja":
		n = 1
	case "false", "nei":
		n = 0
	default:
		v, err := strconv.ParseInt(s, 10, 32)
		if err != nil || v < 0 {
			return nil, fmt.Errorf("%q: want a count, true/false or ja/nei", s)
		}
		n = int32(v)
	}
	return &n, nil
}

func (c *caseRow) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(c.number)
	appendTime(b.Field(2), c.callDate)
	appendTime(b.Field(3), c.creationDate)
	for i, s := range []string{c.callerUnit, c.operatorGroup, c.operator, c.status, c.category, c.subcategory, c.entryType} {
		appendString(b.Field(4+i), s)
	}
	appendTime(b.Field(11), c.responseDate)
	appendTime(b.Field(12), c.completedDate)
	appendTime(b.Field(13), c.closedDate)
	appendFloat(b.Field(14), c.onHold)
	if c.reopened == nil {
		b.Field(15).AppendNull()
	} else {
		b.Field(15).(*array.Int32Builder).Append(*c.reopened)
	}
	appendTime(b.Field(16), c.modifiedAt)
	appendString(b.Field(17), c.employeeID)
}
