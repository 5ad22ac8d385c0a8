package ingest

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"slakpi/pipeline/config"
)

var callsColumns = []string{"call_id", "queue", "entered_at", "answered_at", "ended_at", "outcome", "wait_s", "talk_s", "agent", "caller"}

var tsUTC = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}

// callsSchema is raw_calls after file_id.
var callsSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "call_id", Type: arrow.BinaryTypes.String},
	{Name: "queue", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "entered_at", Type: tsUTC},
	{Name: "answered_at", Type: tsUTC, Nullable: true},
	{Name: "ended_at", Type: tsUTC, Nullable: true},
	{Name: "outcome", Type: arrow.BinaryTypes.String},
	{Name: "wait_s", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "talk_s", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "agent", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "caller_hash", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

var outcomes = map[string]bool{"answered": true, "abandoned": true, "timeout": true, "exitkey": true, "exitempty": true}

// callsCSVFormat reads one-row-per-call exports (SPEC §2.1 calls-csv).
type callsCSVFormat struct {
	loc     *time.Location
	aliases config.Aliases
	caller  *keyedHash
}

func (callsCSVFormat) kind() string          { return "calls-csv" }
func (callsCSVFormat) table() string         { return "raw_calls" }
func (callsCSVFormat) schema() *arrow.Schema { return callsSchema }

func (f callsCSVFormat) parse(r io.Reader, s *sink) error {
	rows, err := newCSVRows(r, callsColumns, []string{"call_id", "entered_at", "outcome"}, f.aliases)
	if err != nil {
		return err
	}
	b := s.b
	return rows.eachRecord(s, func() error {
		line, _ := rows.r.FieldPos(0)
		c, err := f.read(rows)
		if err != nil {
			return err
		}
		b.Field(0).(*array.Int32Builder).Append(int32(line))
		b.Field(1).(*array.StringBuilder).Append(c.id)
		appendString(b.Field(2), rows.get("queue"))
		b.Field(3).(*array.TimestampBuilder).Append(arrow.Timestamp(c.entered.UnixMicro()))
		appendTime(b.Field(4), c.answered)
		appendTime(b.Field(5), c.ended)
		b.Field(6).(*array.StringBuilder).Append(c.outcome)
		appendFloat(b.Field(7), c.wait)
		appendFloat(b.Field(8), c.talk)
		appendString(b.Field(9), rows.get("agent"))
		appendString(b.Field(10), f.hash(rows.get("caller")))
		return nil
	})
}

type callRow struct {
	id, outcome              string
	entered, answered, ended *time.Time
	wait, talk               *float64
}

// read validates one record; nothing is appended unless all of it is good.
func (f callsCSVFormat) read(rows *csvRows) (callRow, error) {
	c := callRow{id: rows.get("call_id"), outcome: rows.get("outcome")}
	if c.id == "" {
		return c, fmt.Errorf("empty call_id")
	}
	if !outcomes[c.outcome] {
		return c, fmt.Errorf("outcome %q: want answered, abandoned, timeout, exitkey or exitempty", c.outcome)
	}
	var err error
	for _, t := range []struct {
		col string
		dst **time.Time
	}{{"entered_at", &c.entered}, {"answered_at", &c.answered}, {"ended_at", &c.ended}} {
		if *t.dst, err = optTime(rows.get(t.col), f.loc); err != nil {
			return c, fmt.Errorf("%s: %w", t.col, err)
		}
	}
	if c.entered == nil {
		return c, fmt.Errorf("empty entered_at")
	}
	if c.wait, err = optFloat(rows.get("wait_s")); err != nil {
		return c, fmt.Errorf("wait_s: %w", err)
	}
	if c.talk, err = optFloat(rows.get("talk_s")); err != nil {
		return c, fmt.Errorf("talk_s: %w", err)
	}
	return c, nil
}

func (f callsCSVFormat) hash(num string) string {
	if num == "" {
		return ""
	}
	return string(f.caller.sum([]byte(num)))
}

func optTime(s string, loc *time.Location) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := ParseTime(s, loc)
	return &t, err
}

func optFloat(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 {
		return nil, fmt.Errorf("%q is not a number of seconds", s)
	}
	return &v, nil
}

func appendString(b array.Builder, s string) {
	if s == "" {
		b.AppendNull()
		return
	}
	b.(*array.StringBuilder).Append(s)
}

func appendTime(b array.Builder, t *time.Time) {
	if t == nil {
		b.AppendNull()
		return
	}
	b.(*array.TimestampBuilder).Append(arrow.Timestamp(t.UnixMicro()))
}

func appendFloat(b array.Builder, v *float64) {
	if v == nil {
		b.AppendNull()
		return
	}
	b.(*array.Float64Builder).Append(*v)
}
