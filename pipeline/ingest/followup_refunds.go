package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var navRefundColumns = []string{"claim_id", "employee_id", "unit", "kind", "period_from", "period_to", "claimed_at",
	"amount_claimed", "paid_at", "amount_paid"}

// navRefundsSchema is raw_nav_refunds after file_id.
var navRefundsSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "claim_id", Type: arrow.BinaryTypes.String},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "kind", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "period_from", Type: arrow.FixedWidthTypes.Date32},
	{Name: "period_to", Type: arrow.FixedWidthTypes.Date32},
	{Name: "claimed_at", Type: tsUTC, Nullable: true},
	{Name: "amount_claimed", Type: money, Nullable: true},
	{Name: "paid_at", Type: tsUTC, Nullable: true},
	{Name: "amount_paid", Type: money, Nullable: true},
}, nil)

// navRefundsFormat reads refund claims to NAV (SPEC §2.4 nav-refunds) from
// a CSV file or, by its name, a workbook or a Parquet file. The kind (the
// benefit claimed) is kept as it came.
func navRefundsFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: NavRefunds, tbl: "raw_nav_refunds", sch: navRefundsSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: navRefundColumns, required: []string{"claim_id", "employee_id", "period_from", "period_to"},
		row: rowOf(readNavRefund),
	}
}

type navRefund struct {
	claimID, employeeID, unit, kind string

	periodFrom, periodTo      time.Time
	claimedAt, paidAt         *time.Time
	amountClaimed, amountPaid *int64 // øre
}

// readNavRefund checks one record; nothing is appended unless all of it
// is good.
func readNavRefund(t table) (navRefund, error) {
	c := navRefund{claimID: t.get("claim_id"), employeeID: t.get("employee_id"), unit: t.get("unit"), kind: t.get("kind")}
	switch {
	case c.claimID == "":
		return c, errors.New("empty claim_id")
	case c.employeeID == "":
		return c, errors.New("empty employee_id")
	}
	var err error
	if c.periodFrom, err = requiredDate(t, "period_from"); err != nil {
		return c, err
	}
	if c.periodTo, err = requiredDate(t, "period_to"); err != nil {
		return c, err
	}
	if err := checkPeriod("period_from", c.periodFrom, "period_to", &c.periodTo); err != nil {
		return c, err
	}
	if c.claimedAt, err = t.time("claimed_at"); err != nil {
		return c, fmt.Errorf("claimed_at: %w", err)
	}
	if c.paidAt, err = t.time("paid_at"); err != nil {
		return c, fmt.Errorf("paid_at: %w", err)
	}
	if c.amountClaimed, err = optCents(t.get("amount_claimed")); err != nil {
		return c, fmt.Errorf("amount_claimed: %w", err)
	}
	if c.amountPaid, err = optCents(t.get("amount_paid")); err != nil {
		return c, fmt.Errorf("amount_paid: %w", err)
	}
	return c, nil
}

func (c *navRefund) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(c.claimID)
	b.Field(2).(*array.StringBuilder).Append(c.employeeID)
	appendString(b.Field(3), c.unit)
	appendString(b.Field(4), c.kind)
	appendDate(b.Field(5), &c.periodFrom)
	appendDate(b.Field(6), &c.periodTo)
	appendTime(b.Field(7), c.claimedAt)
	appendCents(b.Field(8), c.amountClaimed)
	appendTime(b.Field(9), c.paidAt)
	appendCents(b.Field(10), c.amountPaid)
}
