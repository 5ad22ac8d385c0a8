package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var historyColumns = []string{"number", "changed_at", "field", "old_value", "new_value"}

// historySchema is raw_case_history after file_id.
var historySchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "number", Type: arrow.BinaryTypes.String},
	{Name: "changed_at", Type: tsUTC},
	{Name: "field", Type: arrow.BinaryTypes.String},
	{Name: "old_value", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "new_value", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

// historyFormat reads a case's status and group changes (SPEC §2.2
// case-history-csv). Values are kept as they came.
func historyFormat(loc *time.Location, aliases config.Aliases) tableFormat {
	return tableFormat{
		name: CaseHistoryCSV, tbl: "raw_case_history", sch: historySchema, src: fromCSV, loc: loc, aliases: aliases,
		columns: historyColumns, required: []string{"number", "changed_at", "field"},
		row: appendHistory,
	}
}

func appendHistory(b *array.RecordBuilder, t table, line int64) error {
	number, field := t.get("number"), t.get("field")
	if number == "" {
		return errors.New("empty number")
	}
	if field == "" {
		return errors.New("empty field")
	}
	at, err := t.time("changed_at")
	if err != nil {
		return fmt.Errorf("changed_at: %w", err)
	}
	if at == nil {
		return errors.New("empty changed_at")
	}
	b.Field(0).(*array.Int32Builder).Append(int32(line))
	b.Field(1).(*array.StringBuilder).Append(number)
	appendTime(b.Field(2), at)
	b.Field(3).(*array.StringBuilder).Append(field)
	appendString(b.Field(4), t.get("old_value"))
	appendString(b.Field(5), t.get("new_value"))
	return nil
}
