package ingest

import (
	"context"
	"strings"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"slakpi/pipeline/store"
)

// batchRows is how many rows go into one Arrow record batch: DuckDB's row
// group size, so each batch fills one group.
const batchRows = 122880

// sink collects a parser's rows into Arrow record batches sent to DuckDB,
// and its refused rows with their reasons.
type sink struct {
	ctx     context.Context
	b       *array.RecordBuilder
	out     chan arrow.RecordBatch
	pending int
	rows    int64
	rejects []store.Reject
	lines   atomic.Int64 // lines read, for progress
	// private, when set, removes personal data from a refused row before
	// it goes to quarantine.
	private func(raw []byte) []byte
}

func newSink(ctx context.Context, schema *arrow.Schema) *sink {
	return &sink{
		ctx: ctx,
		b:   array.NewRecordBuilder(memory.DefaultAllocator, schema),
		out: make(chan arrow.RecordBatch, 2),
	}
}

// row counts one appended row and ships a full batch.
func (s *sink) row() error {
	s.rows++
	s.pending++
	if s.pending >= batchRows {
		return s.flush()
	}
	return nil
}

func (s *sink) reject(line int64, reason string, raw []byte) {
	const maxRaw = 500
	if s.private != nil {
		raw = s.private(raw)
	}
	if len(raw) > maxRaw {
		raw = raw[:maxRaw]
	}
	// The quarantine column is text: a line that is not UTF-8, or one cut
	// inside a character, would make the whole file fail to record.
	text := strings.ToValidUTF8(string(raw), "\uFFFD")
	s.rejects = append(s.rejects, store.Reject{Line: line, Reason: reason, Raw: text})
}

func (s *sink) flush() error {
	if s.pending == 0 {
		return nil
	}
	rec := s.b.NewRecordBatch()
	s.pending = 0
	select {
	case s.out <- rec:
		return nil
	case <-s.ctx.Done():
		rec.Release()
		return s.ctx.Err()
	}
}

// close ships the last batch and ends the stream.
func (s *sink) close() error {
	err := s.flush()
	close(s.out)
	s.b.Release()
	return err
}

// reader is the stream DuckDB pulls the batches from. It is a plain
// channel reader: DuckDB calls it from C threads, where iter.Pull's
// coroutines may not run.
func (s *sink) reader() array.RecordReader {
	return &chanReader{schema: s.b.Schema(), in: s.out, refs: 1}
}

type chanReader struct {
	schema *arrow.Schema
	in     <-chan arrow.RecordBatch
	cur    arrow.RecordBatch
	refs   int64
}

func (r *chanReader) Retain()                        { atomic.AddInt64(&r.refs, 1) }
func (r *chanReader) Schema() *arrow.Schema          { return r.schema }
func (r *chanReader) Err() error                     { return nil }
func (r *chanReader) Record() arrow.RecordBatch      { return r.cur }
func (r *chanReader) RecordBatch() arrow.RecordBatch { return r.cur }

func (r *chanReader) Release() {
	if atomic.AddInt64(&r.refs, -1) == 0 && r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}

func (r *chanReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	rec, ok := <-r.in
	r.cur = rec
	return ok
}

// drain releases what DuckDB did not read, so the parser never blocks.
func (s *sink) drain() {
	for rec := range s.out {
		rec.Release()
	}
}
