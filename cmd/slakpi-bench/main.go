// Command slakpi-bench measures phone ingestion against its floor: it
// generates a queue_log of about -calls calls in one quarter, then, each in
// a fresh child process so peak memory is the process's own,
//
//   - slakpi: ingests the file into a new DuckDB file and computes the
//     quarter's KPIs, as `slakpi ingest phone` and `slakpi kpi` do;
//   - floor:  DuckDB alone, in memory: read_csv of the same file and the
//     same KPI SQL (views, derived tables, KPI files) over it.
//
// It prints lines per second, peak memory and the ratio slakpi ÷ floor.
//
//	go run -tags duckdb_arrow ./cmd/slakpi-bench -calls 1000000 -runs 3
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"slakpi"
	"slakpi/fixtures"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
)

var quarter = kpi.Quarter{Year: 2026, Q: 1}

// result is what a child reports.
type result struct {
	Load    float64  `json:"load_s"`    // reading the file into DuckDB
	Compute float64  `json:"compute_s"` // derived tables and the quarter's KPIs
	ASA     *float64 `json:"asa"`
	Offered float64  `json:"offered"`
}

func main() {
	calls := flag.Int("calls", 1_000_000, "calls to generate")
	runs := flag.Int("runs", 3, "runs of each side; the median is reported")
	dir := flag.String("dir", "", "work folder (default: a temporary one)")
	child := flag.String("child", "", "internal: run one side (slakpi|floor) on -file")
	file := flag.String("file", "", "internal: the queue_log")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *file); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := bench(*calls, *runs, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "slakpi-bench:", err)
		os.Exit(1)
	}
}

func bench(calls, runs int, dir string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "slakpi-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	path := filepath.Join(dir, "queue_log")
	st, err := generate(path, calls)
	if err != nil {
		return err
	}
	info, _ := os.Stat(path)
	fmt.Printf("queue_log: %d calls, %d lines, %.0f MB, quarter %s\n", st.Calls, st.Lines, float64(info.Size())/1e6, quarter)
	sides := map[string][]measure{}
	for i := 0; i < runs; i++ {
		for _, side := range []string{"floor", "slakpi"} {
			m, err := runSide(side, path, dir)
			if err != nil {
				return fmt.Errorf("%s: %w", side, err)
			}
			sides[side] = append(sides[side], m)
		}
	}
	f, s := median(sides["floor"]), median(sides["slakpi"])
	if !sameFigures(f.res, s.res) {
		return fmt.Errorf("the two sides disagree: floor %+v, slakpi %+v", f.res, s.res)
	}
	for _, side := range []struct {
		name string
		m    measure
	}{{"floor (DuckDB read_csv + KPI SQL, in memory)", f}, {"slakpi (ingest to file + KPIs)", s}} {
		fmt.Printf("%-46s %5.2f s wall (load %5.2f s = %7.0f lines/s, KPIs %5.2f s), peak %4.0f MiB\n",
			side.name, side.m.wall, side.m.res.Load, float64(st.Lines)/side.m.res.Load, side.m.res.Compute, side.m.peakMiB)
	}
	fmt.Printf("ratio slakpi/floor: time %.2f×, peak memory %.2f× (median of %d runs; ASA %.2f s over %.0f offered calls)\n",
		s.wall/f.wall, s.peakMiB/f.peakMiB, runs, deref(s.res.ASA), s.res.Offered)
	return nil
}

// generate writes the queue_log of quarter with about calls calls, the
// generator's scale found by two trial runs.
func generate(path string, calls int) (fixtures.PhoneStats, error) {
	cfg, _ := config.Default()
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		return fixtures.PhoneStats{}, err
	}
	opt := fixtures.PhoneOptions{From: quarter.Start(cfg.Location), To: quarter.End(cfg.Location).AddDate(0, 0, -1),
		Loc: cfg.Location, Open: cal.IsWorkingDay, Seed: 1, Scale: 1}
	trial, err := fixtures.WriteQueueLog(io.Discard, opt)
	if err != nil {
		return trial, err
	}
	opt.Scale = float64(calls) / float64(trial.Calls)
	if trial, err = fixtures.WriteQueueLog(io.Discard, opt); err != nil {
		return trial, err
	}
	opt.Scale *= float64(calls) / float64(trial.Calls)
	f, err := os.Create(path)
	if err != nil {
		return trial, err
	}
	st, err := fixtures.WriteQueueLog(f, opt)
	if err != nil {
		f.Close()
		return st, err
	}
	return st, f.Close()
}

type measure struct {
	wall, peakMiB float64
	res           result
}

func runSide(side, path, dir string) (measure, error) {
	os.Remove(filepath.Join(dir, "bench.duckdb"))
	os.Remove(filepath.Join(dir, "bench.duckdb.wal"))
	cmd := exec.Command(os.Args[0], "-child", side, "-file", path)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return measure{}, err
	}
	m := measure{wall: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return m, json.Unmarshal(out.Bytes(), &m.res)
}

func median(ms []measure) measure {
	sort.Slice(ms, func(i, j int) bool { return ms[i].wall < ms[j].wall })
	m := ms[len(ms)/2]
	peaks := make([]float64, len(ms))
	for i := range ms {
		peaks[i] = ms[i].peakMiB
	}
	sort.Float64s(peaks)
	m.peakMiB = peaks[len(peaks)/2]
	return m
}

func sameFigures(a, b result) bool {
	return a.Offered == b.Offered && (a.ASA == nil) == (b.ASA == nil) && (a.ASA == nil || *a.ASA-*b.ASA < 1e-9 && *b.ASA-*a.ASA < 1e-9)
}

func deref(v *float64) float64 {
	if v == nil {
		return 0
	}
	return *v
}

func runChild(side, path string) error {
	ctx := context.Background()
	start := time.Now()
	cfg, err := config.Default()
	if err != nil {
		return err
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		return err
	}
	dbPath := "bench.duckdb"
	if side == "floor" {
		dbPath = "" // in memory
	}
	s, err := store.Open(ctx, dbPath, slakpi.SQL, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	switch side {
	case "slakpi":
		l := &ingest.Loader{Store: s, Config: cfg, Stderr: io.Discard}
		_, err = l.Load(ctx, ingest.QueueLog, []string{path})
	case "floor":
		_, err = s.DB.ExecContext(ctx, floorLoad, path)
	default:
		err = fmt.Errorf("unknown side %q", side)
	}
	if err != nil {
		return err
	}
	loaded := time.Now()
	eng, err := kpi.NewEngine(s.DB, slakpi.SQL, cfg, cal)
	if err != nil {
		return err
	}
	if err := eng.Rebuild(ctx); err != nil {
		return err
	}
	ks, err := eng.Quarter(ctx, quarter)
	if err != nil {
		return err
	}
	res := result{Load: loaded.Sub(start).Seconds(), Compute: time.Since(loaded).Seconds()}
	for _, k := range ks {
		switch k.ID {
		case "phone.asa_s":
			res.ASA = k.Value
		case "phone.offered":
			res.Offered = *k.Value
		}
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

// floorLoad is DuckDB reading the queue_log by itself (NOTES.md's recipe)
// into the shape of raw_queue_log, wait and talk fields picked per event in
// SQL. Row order stands in for the line number.
const floorLoad = `
INSERT INTO raw_queue_log
SELECT 1, row_number() OVER ()::INTEGER, to_timestamp(ts), callid, nullif(queue, ''), nullif(agent, ''), event,
       concat_ws('|', d1, d2, d3, d4, d5),
       TRY_CAST(CASE WHEN event IN ('CONNECT', 'COMPLETECALLER', 'COMPLETEAGENT') THEN d1
                     WHEN event IN ('ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN d3
                     WHEN event = 'EXITWITHKEY' THEN d4 END AS INTEGER),
       TRY_CAST(CASE WHEN event IN ('COMPLETECALLER', 'COMPLETEAGENT') THEN d2
                     WHEN event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN d4 END AS INTEGER),
       NULL
FROM read_csv(?, delim = '|', header = false, auto_detect = false, strict_mode = false, null_padding = true,
              quote = '', escape = '',
              columns = {'ts': 'BIGINT', 'callid': 'VARCHAR', 'queue': 'VARCHAR', 'agent': 'VARCHAR', 'event': 'VARCHAR',
                         'd1': 'VARCHAR', 'd2': 'VARCHAR', 'd3': 'VARCHAR', 'd4': 'VARCHAR', 'd5': 'VARCHAR'})`
