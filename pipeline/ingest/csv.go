package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"slakpi/pipeline/config"
)

// csvRows reads a CSV export whose header names canonical columns directly
// or by an alias from config. The delimiter (comma, semicolon or tab) is
// taken from the header line, since Norwegian spreadsheet exports use ';'.
type csvRows struct {
	r   *csv.Reader
	col map[string]int // canonical name -> index
	rec []string
}

func newCSVRows(r io.Reader, columns, required []string, aliases config.Aliases) (*csvRows, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return &csvRows{r: cr}, nil // an empty file: no header, no rows
	}
	if err != nil {
		return nil, fmt.Errorf("line 1: header: %w", err)
	}
	col, err := mapHeader(header, columns, aliases)
	if err != nil {
		return nil, fmt.Errorf("line 1: %w", err)
	}
	for _, c := range required {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("line 1: no column %q (nor any alias of it) in the header %q", c, strings.Join(header, string(cr.Comma)))
		}
	}
	return &csvRows{r: cr, col: col}, nil
}

func sniffDelimiter(head []byte) rune {
	best, n := ',', bytes.Count(head, []byte{','})
	for _, d := range []rune{';', '\t'} {
		if c := bytes.Count(head, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}

func mapHeader(header, columns []string, aliases config.Aliases) (map[string]int, error) {
	known := map[string]string{}
	for _, c := range columns {
		known[c] = c
		for _, a := range aliases[c] {
			known[normalise(a)] = c
		}
	}
	col := map[string]int{}
	for i, h := range header {
		c, ok := known[normalise(h)]
		if !ok {
			continue // extra columns are allowed and ignored
		}
		if j, dup := col[c]; dup {
			return nil, fmt.Errorf("columns %q and %q both map to %s", header[j], h, c)
		}
		col[c] = i
	}
	return col, nil
}

func normalise(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
}

// next reads the next record; it returns io.EOF at the end. A malformed
// record is reported as a *csv.ParseError with its line.
func (c *csvRows) next() (line int64, err error) {
	rec, err := c.r.Read()
	if err != nil {
		return 0, err
	}
	c.rec = rec
	l, _ := c.r.FieldPos(0)
	return int64(l), nil
}

// get returns a canonical column's trimmed value, "" when absent.
func (c *csvRows) get(name string) string {
	i, ok := c.col[name]
	if !ok || i >= len(c.rec) {
		return ""
	}
	return strings.TrimSpace(c.rec[i])
}

// raw is the record for quarantine, without the caller's number: that is
// never stored, not even from a refused row.
func (c *csvRows) raw() []byte {
	rec := c.rec
	if i, ok := c.col["caller"]; ok && i < len(rec) {
		rec = slices.Clone(rec)
		rec[i] = ""
	}
	return []byte(strings.Join(rec, string(c.r.Comma)))
}

// eachRecord calls fn for every data record, quarantining refused ones. A
// record the CSV reader cannot split (a stray quote) is refused too; the
// reader resumes on the next line.
func (c *csvRows) eachRecord(s *sink, fn func() error) error {
	for {
		line, err := c.next()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s.reject(int64(pe.Line), pe.Err.Error(), nil)
			continue
		}
		if err != nil {
			return err
		}
		s.lines.Store(line)
		if !validUTF8(c.rec) {
			// DuckDB refuses such text, which would fail the whole file.
			s.reject(line, "not UTF-8 text", c.raw())
		} else if ferr := fn(); ferr != nil {
			s.reject(line, ferr.Error(), c.raw())
		} else if rerr := s.row(); rerr != nil {
			return rerr
		}
	}
}

func validUTF8(rec []string) bool {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return false
		}
	}
	return true
}
