package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var contractColumns = []string{"contract_id", "employee_id", "unit", "kind", "sent_at", "signed_at", "start_date",
	"end_date", "max_date"}

// contractsSchema is raw_contracts after file_id.
var contractsSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "contract_id", Type: arrow.BinaryTypes.String},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "kind", Type: arrow.BinaryTypes.String},
	{Name: "sent_at", Type: tsUTC, Nullable: true},
	{Name: "signed_at", Type: tsUTC, Nullable: true},
	{Name: "start_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "end_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "max_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
}, nil)

// contractKinds are the kinds of employment contract, under their
// Norwegian names too.
var contractKinds = words{
	"temporary": "temporary", "midlertidig": "temporary",
	"hourly": "hourly", "timelønnet": "hourly", "timelønn": "hourly",
	"assignment": "assignment", "oppdrag": "assignment", "oppdragstaker": "assignment",
	"permanent": "permanent", "fast": "permanent",
}

// contractsFormat reads employment contracts (SPEC §2.4 contracts) from a
// CSV file or, by its name, a workbook or a Parquet file.
func contractsFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: Contracts, tbl: "raw_contracts", sch: contractsSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: contractColumns, required: []string{"contract_id", "employee_id", "kind"},
		row: rowOf(readContract),
	}
}

type contract struct {
	contractID, employeeID, unit, kind string

	sentAt, signedAt            *time.Time
	startDate, endDate, maxDate *time.Time
}

// readContract checks one record; nothing is appended unless all of it is
// good. An end or max date before the start is refused; a signature after
// the start is not (SPEC §4.5 lists those contracts).
func readContract(t table) (contract, error) {
	c := contract{contractID: t.get("contract_id"), employeeID: t.get("employee_id"), unit: t.get("unit")}
	switch {
	case c.contractID == "":
		return c, errors.New("empty contract_id")
	case c.employeeID == "":
		return c, errors.New("empty employee_id")
	}
	var ok bool
	if c.kind, ok = contractKinds.read(t.get("kind")); !ok {
		return c, fmt.Errorf("kind %q: want temporary, hourly, assignment or permanent "+
			"(midlertidig, timelønnet, oppdrag, fast)", t.get("kind"))
	}
	var err error
	if c.sentAt, err = t.time("sent_at"); err != nil {
		return c, fmt.Errorf("sent_at: %w", err)
	}
	if c.signedAt, err = t.time("signed_at"); err != nil {
		return c, fmt.Errorf("signed_at: %w", err)
	}
	for _, d := range []struct {
		col string
		dst **time.Time
	}{{"start_date", &c.startDate}, {"end_date", &c.endDate}, {"max_date", &c.maxDate}} {
		if *d.dst, err = tableDate(t, d.col); err != nil {
			return c, fmt.Errorf("%s: %w", d.col, err)
		}
	}
	if c.startDate != nil {
		if err := checkPeriod("start_date", *c.startDate, "end_date", c.endDate); err != nil {
			return c, err
		}
		if err := checkPeriod("start_date", *c.startDate, "max_date", c.maxDate); err != nil {
			return c, err
		}
	}
	return c, nil
}

func (c *contract) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(c.contractID)
	b.Field(2).(*array.StringBuilder).Append(c.employeeID)
	appendString(b.Field(3), c.unit)
	b.Field(4).(*array.StringBuilder).Append(c.kind)
	appendTime(b.Field(5), c.sentAt)
	appendTime(b.Field(6), c.signedAt)
	appendDate(b.Field(7), c.startDate)
	appendDate(b.Field(8), c.endDate)
	appendDate(b.Field(9), c.maxDate)
}
