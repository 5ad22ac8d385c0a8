package ingest

import (
	"bufio"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
)

// queueLogFormat reads Asterisk queue_log files.
type queueLogFormat struct{ p *queueLogParser }

func (queueLogFormat) kind() string          { return "queue_log" }
func (queueLogFormat) table() string         { return "raw_queue_log" }
func (queueLogFormat) schema() *arrow.Schema { return queueLogSchema }
func (f queueLogFormat) parse(r io.Reader, s *sink) error {
	f.p.bind(s.b)
	s.private = withoutCaller
	return eachLine(r, s, f.p.parseLine)
}

// eachLine calls fn for every non-blank line (numbered from 1), sending
// refused lines to quarantine with fn's reason.
func eachLine(r io.Reader, s *sink, fn func(n int64, line []byte) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var n int64
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line over 1 MiB is no log line; refuse it and skip the rest.
			n++
			s.reject(n, "line longer than 1 MiB", line)
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			continue
		}
		if len(line) > 0 {
			n++
			if n&0xffff == 0 {
				s.lines.Store(n)
			}
			line = trimEOL(line)
			if len(line) > 0 {
				if perr := fn(n, line); perr != nil {
					s.reject(n, perr.Error(), line)
				} else if rerr := s.row(); rerr != nil {
					return rerr
				}
			}
		}
		if err == io.EOF {
			s.lines.Store(n)
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func trimEOL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
