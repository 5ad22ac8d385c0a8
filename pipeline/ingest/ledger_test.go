package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
)

const fewFields = "1 fields, want at least 5 (epoch|callid|queue|agent|event)"

func TestReingestAddsNothing(t *testing.T) {
	e := newEnv(t)
	lines := rings(10)
	first := e.file("queue_log", lines...)
	id := e.mustLoad(ingest.QueueLog, first)[0].FileID
	copied := e.file("queue_log.1", lines...) // the same bytes under another name

	for _, tc := range []struct{ name, path string }{
		{"same path", first},
		{"copy at another path", copied},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := e.in(t)
			res, stderr, err := e.load(ingest.QueueLog, tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if d := res[0].Duplicate; d == nil || d.ID != id || d.Path != first {
				t.Errorf("Duplicate = %+v, want file %d at %s", d, id, first)
			}
			if !strings.Contains(stderr, "already loaded") {
				t.Errorf("stderr %q does not say already loaded", stderr)
			}
			got := []int64{
				e.count(`SELECT count(*) FROM raw_queue_log`),
				e.count(`SELECT count(*) FROM ingest_files WHERE status = 'loaded'`),
				e.count(`SELECT count(*) FROM ingest_files`),
			}
			if d := diff([]int64{10, 1, 1}, got); d != "" {
				t.Errorf("raw rows, loaded files, ledger rows %s", d)
			}
		})
	}
}

// badEvery returns n lines of which every k-th (lines k, 2k, …) is garbage.
func badEvery(n, k int) []string {
	lines := rings(n)
	for i := k - 1; i < n; i += k {
		lines[i] = "garbage"
	}
	return lines
}

func TestFivePercentBadRefusesTheFile(t *testing.T) {
	e := newEnv(t)
	p := e.file("queue_log", badEvery(1000, 20)...) // bad lines 20, 40, …, 1000: 50 of 1000
	res, stderr, err := e.load(ingest.QueueLog, p)
	if len(res) != 0 {
		t.Errorf("results = %+v, want none", res)
	}
	var batch *ingest.BatchError
	var ref *ingest.RefusedError
	if !errors.As(err, &batch) || !errors.As(err, &ref) {
		t.Fatalf("error %v (%T): want a *RefusedError inside a *BatchError", err, err)
	}
	for _, want := range []string{p + ":20: " + fewFields, "refused whole", "50 of 1000 rows rejected (5.0 %, limit 1.0 %)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if ref.Path != p || ref.Rows != 950 || len(ref.Rejects) != 50 {
		t.Errorf("RefusedError path %s rows %d rejects %d, want %s 950 50", ref.Path, ref.Rows, len(ref.Rejects), p)
	}
	// stderr lists the first 20 (lines 20 … 400), then says how many more.
	for _, want := range []string{p + ":400: " + fewFields, "and 30 more rejected rows"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, p+":420:") {
		t.Errorf("stderr lists more than 20 rows:\n%s", stderr)
	}

	if n := e.count(`SELECT count(*) FROM raw_queue_log`); n != 0 {
		t.Errorf("raw_queue_log has %d rows, want 0", n)
	}
	ledger := e.texts(`SELECT status || ' ' || rows_accepted || ' ' || rows_rejected FROM ingest_files WHERE path = ?`, p)
	if d := diff([]string{"refused 0 50"}, ledger); d != "" {
		t.Errorf("ledger status, accepted, rejected %s", d)
	}
	q := e.texts(`SELECT DISTINCT reason FROM quarantine q JOIN ingest_files f USING (file_id) WHERE f.path = ?`, p)
	if d := diff([]string{fewFields}, q); d != "" {
		t.Errorf("quarantine reasons %s", d)
	}
	if n := e.count(`SELECT count(*) FROM quarantine WHERE path = ? AND line % 20 = 0`, p); n != 50 {
		t.Errorf("quarantine holds %d of the 50 bad lines", n)
	}

	t.Run("a good file after it loads", func(t *testing.T) {
		e := e.in(t)
		good := e.mustLoad(ingest.QueueLog, e.file("queue_log.1", rings(5)...))
		if good[0].Rows != 5 {
			t.Errorf("rows = %d, want 5", good[0].Rows)
		}
		if n := e.count(`SELECT count(DISTINCT file_id) FROM ingest_files`); n != 2 {
			t.Errorf("%d distinct ledger ids, want 2 (refused and loaded)", n)
		}
	})
}

func TestTwoBadLinesInThousand(t *testing.T) {
	e := newEnv(t)
	lines := rings(1000)
	lines[136] = "garbage"                         // line 137
	lines[861] = "soon|r.x|lonn|NONE|RINGNOANSWER" // line 862
	p := e.file("queue_log", lines...)
	res, stderr, err := e.load(ingest.QueueLog, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if res[0].Rows != 998 {
		t.Errorf("rows = %d, want 998", res[0].Rows)
	}
	for _, want := range []string{
		p + ":137: " + fewFields + "\n",
		p + `:862: timestamp "soon": want epoch seconds` + "\n",
		"queue_log: 998 rows loaded, 2 rejected",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	got := []int64{
		e.count(`SELECT count(*) FROM raw_queue_log WHERE line NOT IN (137, 862)`),
		e.count(`SELECT count(*) FROM raw_queue_log WHERE line IN (137, 862)`),
		e.count(`SELECT count(*) FROM quarantine WHERE line IN (137, 862)`),
		e.count(`SELECT rows_accepted FROM ingest_files`),
		e.count(`SELECT rows_rejected FROM ingest_files`),
	}
	if d := diff([]int64{998, 0, 2, 998, 2}, got); d != "" {
		t.Errorf("good rows, bad rows loaded, quarantined, ledger accepted, rejected %s", d)
	}
}

func TestRejectLimitBoundary(t *testing.T) {
	for _, tc := range []struct {
		name    string
		every   int // every k-th of 1000 lines is bad
		refused bool
	}{
		{"2 in 1000", 500, false},
		{"10 in 1000 is exactly 1 %", 100, false},
		{"20 in 1000", 50, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			_, _, err := e.load(ingest.QueueLog, e.file("queue_log", badEvery(1000, tc.every)...))
			var ref *ingest.RefusedError
			if got := errors.As(err, &ref); got != tc.refused {
				t.Errorf("refused = %v (%v), want %v", got, err, tc.refused)
			}
		})
	}
}

func TestEmptyFileLoadsNothing(t *testing.T) {
	for _, tc := range []struct{ name, content string }{
		{"no bytes", ""},
		{"blank lines only", "\n\r\n\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			res := e.mustLoad(ingest.QueueLog, e.writeFile("queue_log", []byte(tc.content)))
			if res[0].Rows != 0 || len(res[0].Rejects) != 0 {
				t.Errorf("rows %d, rejects %v, want none", res[0].Rows, res[0].Rejects)
			}
			ledger := e.texts(`SELECT status || ' ' || rows_accepted FROM ingest_files`)
			if d := diff([]string{"loaded 0"}, ledger); d != "" {
				t.Errorf("ledger %s", d)
			}
		})
	}
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	for _, tc := range []struct {
		terminal bool
		wantCR   bool
	}{{false, false}, {true, true}} {
		t.Run(map[bool]string{false: "pipe", true: "terminal"}[tc.terminal], func(t *testing.T) {
			e := newEnv(t)
			lines := rings(200)
			lines[99] = "garbage" // line 100: 1 in 200 is within the limit
			p := e.file("queue_log", lines...)
			_, stderr, err := e.loadTo(tc.terminal, ingest.QueueLog, p)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(stderr, "\r"); got != tc.wantCR {
				t.Errorf("stderr %q has \\r: %v, want %v", stderr, got, tc.wantCR)
			}
			if tc.terminal {
				return
			}
			got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(got) != 2 || got[0] != p+":100: "+fewFields ||
				!strings.HasPrefix(got[1], "queue_log: 199 rows loaded, 1 rejected, in ") {
				t.Errorf("stderr = %q, want the reject and the summary line only", got)
			}
		})
	}
}
