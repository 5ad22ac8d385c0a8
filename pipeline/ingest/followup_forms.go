package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

// formColumns are SPEC §2.4's, then approved_at, which raw_forms_in_flow
// has for exports that say when a form was approved.
var formColumns = []string{"form_id", "employee_id", "unit", "form_type", "submitted_at", "current_step",
	"approver_role", "status", "affects_pay", "pay_cutoff", "approved_at"}

// formsSchema is raw_forms_in_flow after file_id.
var formsSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "form_id", Type: arrow.BinaryTypes.String},
	{Name: "employee_id", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "unit", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "form_type", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "submitted_at", Type: tsUTC, Nullable: true},
	{Name: "current_step", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "approver_role", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "status", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "affects_pay", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
	{Name: "pay_cutoff", Type: tsUTC, Nullable: true},
	{Name: "approved_at", Type: tsUTC, Nullable: true},
}, nil)

// formsFormat reads digital forms in flow (SPEC §2.4 forms-in-flow) from a
// CSV file or, by its name, a workbook or a Parquet file. Steps, roles and
// statuses are kept as the export names them.
func formsFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: FormsInFlow, tbl: "raw_forms_in_flow", sch: formsSchema, src: byExtension, loc: loc, aliases: aliases,
		columns: formColumns, required: []string{"form_id"},
		row: rowOf(readForm),
	}
}

type form struct {
	formID, employeeID, unit, formType, currentStep, approverRole, status string

	submittedAt, payCutoff, approvedAt *time.Time
	affectsPay                         *bool
}

// readForm checks one record; nothing is appended unless all of it is
// good.
func readForm(t table) (form, error) {
	f := form{formID: t.get("form_id"), employeeID: t.get("employee_id"), unit: t.get("unit"),
		formType: t.get("form_type"), currentStep: t.get("current_step"), approverRole: t.get("approver_role"),
		status: t.get("status")}
	if f.formID == "" {
		return f, errors.New("empty form_id")
	}
	var err error
	if f.affectsPay, err = optBool(t.get("affects_pay")); err != nil {
		return f, fmt.Errorf("affects_pay: %w", err)
	}
	for _, ts := range []struct {
		col string
		dst **time.Time
	}{{"submitted_at", &f.submittedAt}, {"pay_cutoff", &f.payCutoff}, {"approved_at", &f.approvedAt}} {
		if *ts.dst, err = t.time(ts.col); err != nil {
			return f, fmt.Errorf("%s: %w", ts.col, err)
		}
	}
	return f, nil
}

func (f *form) append(b *array.RecordBuilder, line int64) {
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(f.formID)
	appendString(b.Field(2), f.employeeID)
	appendString(b.Field(3), f.unit)
	appendString(b.Field(4), f.formType)
	appendTime(b.Field(5), f.submittedAt)
	appendString(b.Field(6), f.currentStep)
	appendString(b.Field(7), f.approverRole)
	appendString(b.Field(8), f.status)
	appendBool(b.Field(9), f.affectsPay)
	appendTime(b.Field(10), f.payCutoff)
	appendTime(b.Field(11), f.approvedAt)
}
