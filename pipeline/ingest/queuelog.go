package ingest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// queueLogSchema is raw_queue_log after file_id.
var queueLogSchema = arrow.NewSchema([]arrow.Field{
	{Name: "line", Type: arrow.PrimitiveTypes.Int32},
	{Name: "ts", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}},
	{Name: "callid", Type: arrow.BinaryTypes.String},
	{Name: "queue", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "agent", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "event", Type: arrow.BinaryTypes.String},
	{Name: "data", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "wait_s", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "talk_s", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "caller_hash", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

// eventFields says, per event, which data field (1-based) holds the wait
// and the talk time in Asterisk's queue_log; 0 means the event has none.
// Old (1.4) layouts simply lack the trailing fields, and the SQL then falls
// back to timestamp differences.
var eventFields = map[string][2]int{
	"CONNECT":          {1, 0},
	"COMPLETECALLER":   {1, 2},
	"COMPLETEAGENT":    {1, 2},
	"ABANDON":          {3, 0},
	"EXITWITHTIMEOUT":  {3, 0},
	"EXITEMPTY":        {3, 0},
	"EXITWITHKEY":      {4, 0},
	"TRANSFER":         {3, 4},
	"BLINDTRANSFER":    {3, 4},
	"ATTENDEDTRANSFER": {3, 4},
}

// queueLogParser turns queue_log lines into rows of raw_queue_log.
type queueLogParser struct {
	loc    *time.Location
	caller *keyedHash
	fields [][]byte
	data   []byte

	line, ts, wait, talk                               arrowInt
	tsb                                                *array.TimestampBuilder
	callid, queue, agent, event, dataCol, callerHashes *array.StringBuilder
}

type arrowInt = *array.Int32Builder

func newQueueLogParser(loc *time.Location, hashKey []byte) *queueLogParser {
	return &queueLogParser{loc: loc, caller: newKeyedHash(hashKey)}
}

func (p *queueLogParser) bind(b *array.RecordBuilder) {
	p.line = b.Field(0).(*array.Int32Builder)
	p.tsb = b.Field(1).(*array.TimestampBuilder)
	p.callid = b.Field(2).(*array.StringBuilder)
	p.queue = b.Field(3).(*array.StringBuilder)
	p.agent = b.Field(4).(*array.StringBuilder)
	p.event = b.Field(5).(*array.StringBuilder)
	p.dataCol = b.Field(6).(*array.StringBuilder)
	p.wait = b.Field(7).(*array.Int32Builder)
	p.talk = b.Field(8).(*array.Int32Builder)
	p.callerHashes = b.Field(9).(*array.StringBuilder)
}

// parseLine appends one line's row, or returns why the line is refused.
func (p *queueLogParser) parseLine(n int64, line []byte) error {
	if !utf8.Valid(line) {
		return fmt.Errorf("not UTF-8 text")
	}
	p.fields = splitPipes(p.fields[:0], line)
	f := p.fields
	if len(f) < 5 {
		return fmt.Errorf("%d fields, want at least 5 (epoch|callid|queue|agent|event)", len(f))
	}
	ts, err := p.parseTS(f[0])
	if err != nil {
		return err
	}
	if len(f[1]) == 0 || len(f[4]) == 0 {
		return fmt.Errorf("empty callid or event")
	}
	data := f[5:]
	pos := eventFields[string(f[4])]
	wait, hasWait, err := intField(data, pos[0])
	if err != nil {
		return fmt.Errorf("%s wait field: %w", f[4], err)
	}
	talk, hasTalk, err := intField(data, pos[1])
	if err != nil {
		return fmt.Errorf("%s talk field: %w", f[4], err)
	}

	p.line.Append(int32(n))
	p.tsb.Append(arrow.Timestamp(ts))
	p.callid.BinaryBuilder.Append(f[1])
	appendOrNull(p.queue, f[2])
	appendOrNull(p.agent, f[3])
	p.event.BinaryBuilder.Append(f[4])
	p.appendInt(p.wait, wait, hasWait)
	p.appendInt(p.talk, talk, hasTalk)
	if string(f[4]) == "ENTERQUEUE" && len(data) >= 2 && len(data[1]) > 0 {
		// The caller's number is personal data: keep a keyed hash only.
		p.callerHashes.BinaryBuilder.Append(p.caller.sum(data[1]))
		data[1] = nil
	} else {
		p.callerHashes.AppendNull()
	}
	if len(data) == 0 {
		p.dataCol.AppendNull()
	} else {
		p.data = bytes.Join(data, []byte("|"))
		p.dataCol.BinaryBuilder.Append(p.data)
	}
	return nil
}

func (p *queueLogParser) appendInt(b *array.Int32Builder, v int64, ok bool) {
	if ok {
		b.Append(int32(v))
	} else {
		b.AppendNull()
	}
}

// maxEpoch is 9999-12-31T23:59:59Z, the last second a timestamp column holds.
const maxEpoch = 253402300799

// parseTS reads the epoch field (whole or fractional seconds); a date-time
// text is accepted too, for logs exported from realtime queue tables.
func (p *queueLogParser) parseTS(b []byte) (int64, error) {
	if sec, ok := atoi(b); ok && sec <= maxEpoch {
		return sec * 1e6, nil
	}
	// NaN fails both comparisons; Inf and huge values would overflow.
	if f, err := strconv.ParseFloat(string(b), 64); err == nil && f >= 0 && f <= maxEpoch {
		return int64(f * 1e6), nil
	}
	t, err := ParseTime(string(b), p.loc)
	if err != nil {
		return 0, fmt.Errorf("timestamp %q: want epoch seconds", b)
	}
	return t.UnixMicro(), nil
}

// withoutCaller blanks an ENTERQUEUE line's caller number (data2) for
// quarantine: the number is never stored, not even from a refused line.
func withoutCaller(line []byte) []byte {
	f := bytes.SplitN(line, []byte("|"), 8)
	if len(f) < 7 || string(f[4]) != "ENTERQUEUE" {
		return line
	}
	f[6] = nil
	return bytes.Join(f, []byte("|"))
}

// keyedHash pseudonymises personal numbers: HMAC-SHA-256 with the
// database's key, first 128 bits in hex. Not safe for concurrent use.
type keyedHash struct {
	mac      hash.Hash
	raw, hex []byte
}

func newKeyedHash(key []byte) *keyedHash {
	return &keyedHash{mac: hmac.New(sha256.New, key), hex: make([]byte, 32)}
}

// sum returns the hash of v; the slice is reused by the next call.
func (k *keyedHash) sum(v []byte) []byte {
	k.mac.Reset()
	k.mac.Write(v)
	k.raw = k.mac.Sum(k.raw[:0])
	hex.Encode(k.hex, k.raw[:16])
	return k.hex
}

func appendOrNull(b *array.StringBuilder, v []byte) {
	if len(v) == 0 {
		b.AppendNull()
		return
	}
	b.BinaryBuilder.Append(v)
}

// intField reads data field i (1-based): absent or empty is "no value".
func intField(data [][]byte, i int) (int64, bool, error) {
	if i == 0 || i > len(data) || len(data[i-1]) == 0 {
		return 0, false, nil
	}
	v, ok := atoi(data[i-1])
	if !ok {
		return 0, false, fmt.Errorf("%q is not a whole number of seconds", data[i-1])
	}
	return v, true, nil
}

// atoi parses a non-negative decimal integer without allocating.
func atoi(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

func splitPipes(dst [][]byte, line []byte) [][]byte {
	for {
		i := bytes.IndexByte(line, '|')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}
