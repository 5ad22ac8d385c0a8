package ingest

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"slakpi/pipeline/config"
)

// xlsxTable reads the first worksheet of a workbook as a stream, row by row,
// so a large export never sits whole in memory. The first non-empty row is
// the header; a record's line is its Excel row number.
type xlsxTable struct {
	file *excelize.File
	rows *excelize.Rows
	col  map[string]int
	rec  []string
	n    int64 // Excel row number of rec
	loc  *time.Location
}

// rawCells makes a date cell come back as its serial number rather than as
// text in the workbook's display format, which varies with locale and style.
var rawCells = excelize.Options{RawCellValue: true}

func openXLSX(r io.Reader, columns, required []string, aliases config.Aliases, loc *time.Location) (_ *xlsxTable, err error) {
	file, err := openWorkbook(r)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	t := &xlsxTable{file: file, loc: loc}
	defer func() {
		if err != nil {
			err = errors.Join(err, t.close())
		}
	}()
	sheets := file.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("workbook has no sheet")
	}
	if t.rows, err = file.Rows(sheets[0]); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheets[0], err)
	}
	header, err := t.next()
	if err != nil || header == nil {
		return t, err // an empty sheet adds no rows
	}
	if t.col, err = mapHeader(header, columns, aliases); err != nil {
		return nil, fmt.Errorf("row %d: %w", t.n, err)
	}
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			return nil, fmt.Errorf("row %d: no column %q (nor any alias of it) in the header %q", t.n, c, strings.Join(header, ", "))
		}
	}
	return t, nil
}

// openWorkbook opens a file by name, so excelize reads the zip in place
// rather than copying all of it into memory first as OpenReader does.
func openWorkbook(r io.Reader) (*excelize.File, error) {
	if f, ok := r.(interface{ Name() string }); ok {
		return excelize.OpenFile(f.Name())
	}
	return excelize.OpenReader(r)
}

// next moves to the next non-empty row and returns it; nil at the end.
func (t *xlsxTable) next() ([]string, error) {
	for t.rows.Next() {
		t.n++ // Next steps through every row number, empty rows included
		rec, err := t.rows.Columns(rawCells)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", t.n, err)
		}
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				t.rec = rec
				return rec, nil
			}
		}
	}
	return nil, t.rows.Error()
}

func (t *xlsxTable) eachRow(s *sink, fn func(line int64) error) error {
	if t.col == nil {
		return nil
	}
	for {
		rec, err := t.next()
		if err != nil || rec == nil {
			return err
		}
		s.lines.Store(t.n)
		if ferr := fn(t.n); ferr != nil {
			s.reject(t.n, ferr.Error(), []byte(strings.Join(rec, "\t")))
		} else if err := s.row(); err != nil {
			return err
		}
	}
}

func (t *xlsxTable) get(col string) string {
	i, ok := t.col[col]
	if !ok || i >= len(t.rec) {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

func (t *xlsxTable) has(col string) bool {
	_, ok := t.col[col]
	return ok
}

// time reads a date cell (a serial number) or a text time.
func (t *xlsxTable) time(col string) (*time.Time, error) {
	v := t.get(col)
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		tm, err := excelTime(serial, t.loc)
		return &tm, err
	}
	return optTime(v, t.loc)
}

func (t *xlsxTable) close() error {
	var err error
	if t.rows != nil {
		err = t.rows.Close()
	}
	if ferr := t.file.Close(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("close workbook: %w", err)
	}
	return nil
}

// lastSerial is 9999-12-31 in Excel's 1900 date system.
const lastSerial = 2958465

// excelTime reads an Excel serial date: days since 1899-12-30, the fraction
// being the time of day, as wall-clock time in loc (Excel has no zones).
// Workbooks in the 1904 date system, and serials before March 1900 where
// Excel counts a 29 February 1900 that never was, are not handled.
func excelTime(serial float64, loc *time.Location) (time.Time, error) {
	if !(serial >= 1 && serial < lastSerial+1) {
		return time.Time{}, fmt.Errorf("date serial %v: want a date from 1900 to 9999", serial)
	}
	days := math.Floor(serial)
	ms := math.Round((serial - days) * 86400e3) // Excel keeps milliseconds
	return time.Date(1899, 12, 30+int(days), 0, 0, 0, int(ms)*1e6, loc).UTC(), nil
}
