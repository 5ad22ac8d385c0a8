package ingest

import (
	"errors"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var unitColumns = []string{"code", "name", "parent", "contact_email"}

// unitsSchema is raw_units after file_id.
var unitsSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "code", Type: arrow.BinaryTypes.String},
	{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "parent", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "contact_email", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

// unitsFormat reads the organisation tree (SPEC §2.3 units) from a CSV file
// or, when the file is named *.xlsx, from a workbook's first sheet.
func unitsFormat(aliases config.Aliases) tableFormat {
	return tableFormat{
		name: Units, tbl: "raw_units", sch: unitsSchema, src: byExtension, aliases: aliases,
		columns: unitColumns, required: []string{"code"},
		row: appendUnit,
	}
}

func appendUnit(b *array.RecordBuilder, t table, line int64) error {
	code := t.get("code")
	if code == "" {
		return errors.New("empty code")
	}
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(code)
	for i, c := range unitColumns[1:] {
		appendString(b.Field(2+i), t.get(c))
	}
	return nil
}
