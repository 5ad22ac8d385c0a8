package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// topdeskFormat reads incidents as TOPdesk's /tas/api/incidents returns
// them (SPEC §2.2 topdesk-json): one object, an array of them, or JSON
// lines. The file is decoded one incident at a time, never whole.
type topdeskFormat struct{ loc *time.Location }

func (topdeskFormat) kind() string          { return TopdeskJSON }
func (topdeskFormat) table() string         { return "raw_cases" }
func (topdeskFormat) schema() *arrow.Schema { return casesSchema }

// named is a TOPdesk reference field, {id, name}; null when unset.
type named struct {
	Name string `json:"name"`
}

func (n *named) name() string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.Name)
}

// incident is the part of a TOPdesk incident that raw_cases keeps.
type incident struct {
	Number       string `json:"number"`
	CallDate     string `json:"callDate"`
	CreationDate string `json:"creationDate"`
	CallerBranch *named `json:"callerBranch"`
	Caller       *struct {
		Branch *named `json:"branch"`
	} `json:"caller"`
	Branch           *named `json:"branch"`
	OperatorGroup    *named `json:"operatorGroup"`
	Operator         *named `json:"operator"`
	ProcessingStatus *named `json:"processingStatus"`
	Category         *named `json:"category"`
	Subcategory      *named `json:"subcategory"`
	EntryType        *named `json:"entryType"`
	ResponseDate     string `json:"responseDate"`
	CompletedDate    string `json:"completedDate"`
	ClosedDate       string `json:"closedDate"`
	// OnHoldDuration is taken as minutes. The API descriptions found (in
	// client libraries that mirror TOPdesk's) give it as an integer, "time
	// registered on this incident since it was set to on hold", with no
	// unit; actualDuration beside it is documented in minutes. Worth
	// checking against an incident with a known pause.
	OnHoldDuration   *float64 `json:"onHoldDuration"`
	ModificationDate string   `json:"modificationDate"`
}

func (f topdeskFormat) parse(r io.Reader, s *sink) error {
	lc := &lineCounter{r: r}
	br := bufio.NewReaderSize(lc, 1<<16)
	skipped, first, err := skipSpace(br)
	if err == io.EOF {
		return nil // an empty file holds no incidents
	}
	if err != nil {
		return err
	}
	d := &incidentDecoder{f: f, s: s, lc: lc, dec: json.NewDecoder(br), base: skipped}
	switch first {
	case '[':
		return d.array()
	case '{':
		return d.objects()
	}
	return fmt.Errorf("line %d: found %q: want an incident object, an array of them, or JSON lines", lc.lineAt(skipped), first)
}

// skipSpace passes a byte-order mark and white space, and returns how many
// bytes it passed and the first byte after them, which it leaves unread.
func skipSpace(br *bufio.Reader) (int64, byte, error) {
	var n int64
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
		n = 3
	}
	for {
		c, err := br.ReadByte()
		if err != nil {
			return n, 0, err
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return n, c, br.UnreadByte()
		}
		n++
	}
}

// incidentDecoder turns a stream of JSON values into raw_cases rows.
type incidentDecoder struct {
	f    topdeskFormat
	s    *sink
	lc   *lineCounter
	dec  *json.Decoder
	base int64 // bytes before the decoder's input
}

func (d *incidentDecoder) array() error {
	if _, err := d.dec.Token(); err != nil { // [
		return d.syntax(err)
	}
	for d.dec.More() {
		if err := d.one(); err != nil {
			return d.syntax(err)
		}
	}
	if _, err := d.dec.Token(); err != nil { // ]
		return d.syntax(err)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return fmt.Errorf("line %d: more after the array's closing ]", d.lc.lineAt(d.base+d.dec.InputOffset()))
	}
	return nil
}

// objects reads one object, or many one after another (JSON lines).
func (d *incidentDecoder) objects() error {
	for {
		err := d.one()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return d.syntax(err)
		}
	}
}

// one decodes the next value and appends it, or quarantines it with the
// line it starts on.
func (d *incidentDecoder) one() error {
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		return err
	}
	// raw runs from the value's first byte to its last, which the decoder
	// has just passed.
	line := d.lc.lineAt(d.base + d.dec.InputOffset() - int64(len(raw)))
	d.s.lines.Store(line)
	var inc incident
	if err := json.Unmarshal(raw, &inc); err != nil {
		d.s.reject(line, "not an incident: "+err.Error(), raw)
		return nil
	}
	c, err := d.f.toCase(&inc)
	if err != nil {
		d.s.reject(line, err.Error(), raw)
		return nil
	}
	c.append(d.s.b, line)
	return d.s.row()
}

// syntax puts the line where decoding failed in front of a syntax error.
func (d *incidentDecoder) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("line %d: %w", d.lc.lineAt(d.base+max(se.Offset-1, 0)), err)
	case errors.Is(err, io.ErrUnexpectedEOF), err == io.EOF:
		return fmt.Errorf("line %d: JSON ends early", d.lc.lineAt(d.base+d.dec.InputOffset()))
	}
	return err
}

func (f topdeskFormat) toCase(inc *incident) (caseRow, error) {
	unit := inc.CallerBranch.name()
	if unit == "" && inc.Caller != nil {
		unit = inc.Caller.Branch.name()
	}
	if unit == "" {
		unit = inc.Branch.name()
	}
	c := caseRow{number: strings.TrimSpace(inc.Number), callerUnit: unit, operatorGroup: inc.OperatorGroup.name(),
		operator: inc.Operator.name(), status: inc.ProcessingStatus.name(), category: inc.Category.name(),
		subcategory: inc.Subcategory.name(), entryType: inc.EntryType.name()}
	for _, tc := range []struct {
		key, value string
		dst        **time.Time
	}{
		{"callDate", inc.CallDate, &c.callDate}, {"creationDate", inc.CreationDate, &c.creationDate},
		{"responseDate", inc.ResponseDate, &c.responseDate}, {"completedDate", inc.CompletedDate, &c.completedDate},
		{"closedDate", inc.ClosedDate, &c.closedDate}, {"modificationDate", inc.ModificationDate, &c.modifiedAt},
	} {
		var err error
		if *tc.dst, err = optTime(strings.TrimSpace(tc.value), f.loc); err != nil {
			return c, fmt.Errorf("%s: %w", tc.key, err)
		}
	}
	if m := inc.OnHoldDuration; m != nil {
		if *m < 0 {
			return c, fmt.Errorf("onHoldDuration: %v is negative", *m)
		}
		secs := *m * 60
		c.onHold = &secs
	}
	return c, c.check()
}

// lineCounter notes where the newlines are in what is read through it, so
// that an offset the JSON decoder reports becomes a line number. It keeps
// only the newlines not yet passed: those in the decoder's read-ahead.
type lineCounter struct {
	r     io.Reader
	read  int64   // bytes read so far
	nl    []int64 // offsets of the newlines not yet passed
	lines int64   // newlines passed
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := 0, p[:n]; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		c.nl = append(c.nl, c.read+int64(i+j))
		i += j + 1
	}
	c.read += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at off. Offsets asked about
// must not decrease: an earlier one gets the line of the latest.
func (c *lineCounter) lineAt(off int64) int64 {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.lines += int64(i)
	c.nl = c.nl[i:]
	return c.lines + 1
}
