package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var travelColumns = []string{"claim_id", "employee_id", "unit", "submitted_at", "approved_at", "paid_run_id", "km",
	"km_rate", "per_diem_days", "per_diem_rate", "amount"}

// travelSchema is raw_travel_claims after file_id.
var travelSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "claim_id", Type: arrow.BinaryTypes.String},
	{Name: "employee_id", Type: arrow.BinaryTypes.String},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "submitted_at", Type: tsUTC, Nullable: true},
	{Name: "approved_at", Type: tsUTC, Nullable: true},
	{Name: "paid_run_id", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "km", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "km_rate", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "per_diem_days", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "per_diem_rate", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "amount", Type: money, Nullable: true},
}, nil)

// travelFormat reads travel claims (SPEC §2.3 travel-claims) from a CSV
// file or, by its name, a workbook or a Parquet file.
func travelFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: TravelClaims, tbl: "raw_travel_claims", sch: travelSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: travelColumns, required: []string{"claim_id", "employee_id"},
		row: rowOf(readTravelClaim),
	}
}

type travelClaim struct {
	claimID, employeeID, unit, paidRunID string

	submittedAt, approvedAt          *time.Time
	km, kmRate, perDiemDays, perDiem *float64
	amount                           *int64 // øre
}

// readTravelClaim checks one record; nothing is appended unless all of it
// is good. Counts and rates are never negative.
func readTravelClaim(t table) (travelClaim, error) {
	c := travelClaim{claimID: t.get("claim_id"), employeeID: t.get("employee_id"), unit: t.get("unit"),
		paidRunID: t.get("paid_run_id")}
	switch {
	case c.claimID == "":
		return c, errors.New("empty claim_id")
	case c.employeeID == "":
		return c, errors.New("empty employee_id")
	}
	var err error
	if c.submittedAt, err = t.time("submitted_at"); err != nil {
		return c, fmt.Errorf("submitted_at: %w", err)
	}
	if c.approvedAt, err = t.time("approved_at"); err != nil {
		return c, fmt.Errorf("approved_at: %w", err)
	}
	for _, n := range []struct {
		col string
		dst **float64
	}{{"km", &c.km}, {"km_rate", &c.kmRate}, {"per_diem_days", &c.perDiemDays}, {"per_diem_rate", &c.perDiem}} {
		if *n.dst, err = optNumber(t.get(n.col)); err != nil {
			return c, fmt.Errorf("%s: %w", n.col, err)
		}
		if *n.dst != nil && **n.dst < 0 {
			return c, fmt.Errorf("%s: %q is negative", n.col, t.get(n.col))
		}
	}
	if c.amount, err = optCents(t.get("amount")); err != nil {
		return c, fmt.Errorf("amount: %w", err)
	}
	return c, nil
}

func (c *travelClaim) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(c.claimID)
	b.Field(2).(*array.StringBuilder).Append(c.employeeID)
	appendString(b.Field(3), c.unit)
	appendTime(b.Field(4), c.submittedAt)
	appendTime(b.Field(5), c.approvedAt)
	appendString(b.Field(6), c.paidRunID)
	appendFloat(b.Field(7), c.km)
	appendFloat(b.Field(8), c.kmRate)
	appendFloat(b.Field(9), c.perDiemDays)
	appendFloat(b.Field(10), c.perDiem)
	appendCents(b.Field(11), c.amount)
}
