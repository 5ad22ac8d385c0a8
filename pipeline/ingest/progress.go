package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows a running count of bytes and lines on a terminal. A nil
// *progress (cron, pipes, tests) shows nothing.
type progress struct {
	w     io.Writer
	every time.Duration
	stop  chan struct{}
	wg    sync.WaitGroup
}

func newProgress(w io.Writer, isTerminal bool) *progress {
	if !isTerminal {
		return nil
	}
	return &progress{w: w, every: 500 * time.Millisecond}
}

// watch reports f's read position and lines until done is called.
func (p *progress) watch(path string, f *os.File, lines *atomic.Int64) {
	if p == nil {
		return
	}
	p.stop = make(chan struct{})
	start := time.Now()
	name := filepath.Base(path)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(p.every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				fmt.Fprint(p.w, "\r\033[K")
				return
			case <-t.C:
				pos, _ := f.Seek(0, io.SeekCurrent)
				n := lines.Load()
				secs := time.Since(start).Seconds()
				fmt.Fprintf(p.w, "\r\033[K%s: %.1f MB, %d lines, %.0f lines/s", name, float64(pos)/1e6, n, float64(n)/secs)
			}
		}
	}()
}

func (p *progress) done() {
	if p == nil || p.stop == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.stop = nil
}
