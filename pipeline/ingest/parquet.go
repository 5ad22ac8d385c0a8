package ingest

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"

	"slakpi/pipeline/config"
)

// parquetTable reads a Parquet file as a table whose header is the file's
// column names, one window of batchRows rows at a time, so a large file
// never sits whole in memory. A record's line is its 1-based row number.
//
// The file is read by an in-memory DuckDB of the table's own, not by the
// store's (which has one connection, busy with the insert this feeds):
// arrow-go's pqarrow would need go.mod to gain grpc, protobuf and more,
// which its Parquet schema code imports.
type parquetTable struct {
	db    *duckdb.Connector
	conn  driver.Conn
	ar    *duckdb.Arrow
	path  string
	rows  int64          // in the file
	col   map[string]int // canonical name -> column of a batch
	rec   arrow.RecordBatch
	i     int // row of rec
	rowNo int // column of rec holding the row number
	loc   *time.Location
}

// parquetWindow selects rows [lo, hi) of a file in order. DuckDB skips the
// row groups outside the window, so each window costs its own rows only.
const parquetWindow = `SELECT * FROM read_parquet(?, file_row_number = true)
WHERE file_row_number >= ? AND file_row_number < ? ORDER BY file_row_number`

// isParquet says whether r is a file named *.parquet.
func isParquet(r io.Reader) bool {
	n, ok := r.(interface{ Name() string })
	return ok && strings.EqualFold(filepath.Ext(n.Name()), ".parquet")
}

func openParquet(ctx context.Context, r io.Reader, columns, required []string, aliases config.Aliases,
	loc *time.Location) (_ *parquetTable, err error) {
	n, ok := r.(interface{ Name() string })
	if !ok {
		return nil, errors.New("parquet: not a named file")
	}
	if loc == nil {
		loc = time.UTC // a format without local times
	}
	t := &parquetTable{path: n.Name(), loc: loc}
	defer func() {
		if err != nil {
			err = errors.Join(fmt.Errorf("parquet: %w", err), t.close())
		}
	}()
	if t.db, err = duckdb.NewConnector("", nil); err != nil {
		return nil, err
	}
	if t.conn, err = t.db.Connect(ctx); err != nil {
		return nil, err
	}
	if t.ar, err = duckdb.NewArrowFromConn(t.conn); err != nil {
		return nil, err
	}
	if t.rows, err = t.count(ctx); err != nil {
		return nil, err
	}
	header, err := t.header(ctx)
	if err != nil {
		return nil, err
	}
	if t.col, err = mapHeader(header, columns, aliases); err != nil {
		return nil, err
	}
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			return nil, fmt.Errorf("no column %q (nor any alias of it) in the columns %q", c, strings.Join(header, ", "))
		}
	}
	return t, nil
}

// count reads the number of rows from the file's footer.
func (t *parquetTable) count(ctx context.Context) (int64, error) {
	rr, err := t.ar.QueryContext(ctx, "SELECT sum(num_rows)::BIGINT FROM parquet_file_metadata(?)", t.path)
	if err != nil {
		return 0, err
	}
	defer rr.Release()
	if !rr.Next() || rr.RecordBatch().NumRows() != 1 {
		return 0, errors.Join(errors.New("no metadata"), rr.Err())
	}
	return rr.RecordBatch().Column(0).(*array.Int64).Value(0), nil
}

// header returns the file's column names.
func (t *parquetTable) header(ctx context.Context) ([]string, error) {
	rr, err := t.ar.QueryContext(ctx, "SELECT * FROM read_parquet(?) LIMIT 0", t.path)
	if err != nil {
		return nil, err
	}
	defer rr.Release()
	var names []string
	for _, f := range rr.Schema().Fields() {
		names = append(names, f.Name)
	}
	return names, nil
}

func (t *parquetTable) eachRow(s *sink, fn func(line int64) error) error {
	for lo := int64(0); lo < t.rows; lo += batchRows {
		if err := t.window(s, lo, lo+batchRows, fn); err != nil {
			return fmt.Errorf("parquet rows %d to %d: %w", lo+1, lo+batchRows, err)
		}
	}
	return nil
}

func (t *parquetTable) window(s *sink, lo, hi int64, fn func(line int64) error) error {
	rr, err := t.ar.QueryContext(s.ctx, parquetWindow, t.path, lo, hi)
	if err != nil {
		return err
	}
	defer rr.Release()
	t.rowNo = rr.Schema().FieldIndices("file_row_number")[0]
	for rr.Next() {
		t.rec = rr.RecordBatch()
		rowNo := t.rec.Column(t.rowNo).(*array.Int64)
		for t.i = 0; t.i < int(t.rec.NumRows()); t.i++ {
			line := rowNo.Value(t.i) + 1
			s.lines.Store(line)
			if ferr := fn(line); ferr != nil {
				s.reject(line, ferr.Error(), t.raw())
			} else if err := s.row(); err != nil {
				return err
			}
		}
	}
	t.rec = nil
	return rr.Err()
}

func (t *parquetTable) get(col string) string {
	i, ok := t.col[col]
	if !ok || t.rec == nil {
		return ""
	}
	return strings.TrimSpace(t.text(t.rec.Column(i), t.i))
}

func (t *parquetTable) has(col string) bool {
	_, ok := t.col[col]
	return ok
}

func (t *parquetTable) time(col string) (*time.Time, error) { return optTime(t.get(col), t.loc) }

// text gives a value as the text a CSV file would have for it, so that
// one row converter reads both.
func (t *parquetTable) text(a arrow.Array, i int) string {
	if a.IsNull(i) {
		return ""
	}
	switch a := a.(type) {
	case *array.Float64:
		return strconv.FormatFloat(a.Value(i), 'f', -1, 64)
	case *array.Float32:
		return strconv.FormatFloat(float64(a.Value(i)), 'f', -1, 32)
	case *array.Decimal128:
		return a.Value(i).ToString(a.DataType().(*arrow.Decimal128Type).Scale)
	case *array.Timestamp:
		typ := a.DataType().(*arrow.TimestampType)
		tm := a.Value(i).ToTime(typ.Unit)
		if typ.TimeZone == "" {
			// A time without a zone is local, as in a CSV file.
			tm = time.Date(tm.Year(), tm.Month(), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond(), t.loc)
		}
		return tm.Format(time.RFC3339Nano)
	}
	return a.ValueStr(i)
}

// raw is the current row for quarantine, its values between tabs.
func (t *parquetTable) raw() []byte {
	var vals []string
	for j, c := range t.rec.Columns() {
		if j != t.rowNo {
			vals = append(vals, t.text(c, t.i))
		}
	}
	return []byte(strings.Join(vals, "\t"))
}

func (t *parquetTable) close() error {
	var err error
	if t.conn != nil {
		err = t.conn.Close()
	}
	if t.db != nil {
		err = errors.Join(err, t.db.Close())
	}
	return err
}
