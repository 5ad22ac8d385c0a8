package ingest

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

// table is a source of records under a header mapped to canonical column
// names: a CSV file, a worksheet or a Parquet file. One row converter
// serves them all.
type table interface {
	// get returns a canonical column's trimmed value, "" when absent.
	get(col string) string
	// time reads a time column; nil when empty.
	time(col string) (*time.Time, error)
	// has says whether the header names col; false for an empty file.
	has(col string) bool
	// eachRow calls fn for every data record with its line, quarantining
	// the records fn refuses.
	eachRow(s *sink, fn func(line int64) error) error
	close() error
}

// source says where a table format's records come from.
type source int

const (
	fromCSV     source = iota
	fromXLSX           // the first worksheet of a workbook
	byExtension        // a file named *.xlsx is a workbook, *.parquet Parquet, any other CSV
)

// tableFormat reads files of one record per row whose header names the
// canonical columns, directly or by an alias from config.
type tableFormat struct {
	name, tbl string
	sch       *arrow.Schema
	src       source
	loc       *time.Location // local time forms are read in this zone
	aliases   config.Aliases
	columns   []string
	required  []string // each must be in the header
	oneOf     []string // at least one must be in the header
	// kept, when set, are the only columns of a refused row that reach
	// quarantine, as col=value pairs: for health data.
	kept []string
	// row checks one record and appends it to b, or says why not.
	row func(b *array.RecordBuilder, t table, line int64) error
}

func (f tableFormat) kind() string          { return f.name }
func (f tableFormat) table() string         { return f.tbl }
func (f tableFormat) schema() *arrow.Schema { return f.sch }

func (f tableFormat) parse(r io.Reader, s *sink) (err error) {
	t, err := f.open(s.ctx, r)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := t.close(); err == nil {
			err = cerr
		}
	}()
	if err := f.checkOneOf(t); err != nil {
		return err
	}
	if f.kept != nil {
		// A refused row's raw text has the source's layout and may hold
		// columns the export added; write it anew from the current record.
		// A CSV line that could not be split comes as nil while the table
		// still holds the previous record, so it keeps nothing.
		s.private = func(raw []byte) []byte {
			if raw == nil {
				return nil
			}
			return keptColumns(t, f.kept)
		}
	}
	return t.eachRow(s, func(line int64) error { return f.row(s.b, t, line) })
}

func (f tableFormat) open(ctx context.Context, r io.Reader) (table, error) {
	switch {
	case f.src == fromXLSX || f.src == byExtension && isWorkbook(r):
		return openXLSX(r, f.columns, f.required, f.aliases, f.loc)
	case f.src == byExtension && isParquet(r):
		return openParquet(ctx, r, f.columns, f.required, f.aliases, f.loc)
	}
	rows, err := newCSVRows(r, f.columns, f.required, f.aliases)
	if err != nil {
		return nil, err
	}
	return csvTable{rows, f.loc}, nil
}

func (f tableFormat) checkOneOf(t table) error {
	// open has checked the required columns, so the first is missing only
	// from an empty file, which has no header and adds no rows.
	if len(f.oneOf) == 0 || !t.has(f.required[0]) {
		return nil
	}
	for _, c := range f.oneOf {
		if t.has(c) {
			return nil
		}
	}
	return fmt.Errorf("header: no column %s (nor any alias of them)", strings.Join(f.oneOf, " or "))
}

// isWorkbook says whether r is a file named *.xlsx.
func isWorkbook(r io.Reader) bool {
	n, ok := r.(interface{ Name() string })
	return ok && strings.EqualFold(filepath.Ext(n.Name()), ".xlsx")
}

// csvTable is a CSV file as a table.
type csvTable struct {
	*csvRows
	loc *time.Location
}

func (t csvTable) time(col string) (*time.Time, error) { return optTime(t.get(col), t.loc) }
func (t csvTable) close() error                        { return nil }

func (t csvTable) has(col string) bool {
	_, ok := t.col[col]
	return ok
}

func (t csvTable) eachRow(s *sink, fn func(line int64) error) error {
	return t.eachRecord(s, func() error {
		line, _ := t.r.FieldPos(0)
		return fn(int64(line))
	})
}

// appender is a checked record that writes itself into a record batch.
type appender interface {
	append(b *array.RecordBuilder, line int64)
}

// rowOf makes a tableFormat's row from a reader of one record: nothing is
// appended unless the whole record reads.
func rowOf[T any, P interface {
	*T
	appender
}](read func(table) (T, error)) func(*array.RecordBuilder, table, int64) error {
	return func(b *array.RecordBuilder, t table, line int64) error {
		v, err := read(t)
		if err != nil {
			return err
		}
		P(&v).append(b, line)
		return nil
	}
}
