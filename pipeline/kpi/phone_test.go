package kpi_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

// env is a real database in a temporary folder with the default config.
type env struct {
	t      *testing.T
	dir    string
	store  *store.Store
	cfg    *config.Config
	engine *kpi.Engine
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "t.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := kpi.NewEngine(s.DB, slakpi.SQL, cfg, cal)
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, dir: dir, store: s, cfg: cfg, engine: eng}
}

// load writes lines to a file and ingests it as format.
func (e *env) load(name, format string, lines ...string) error {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		e.t.Fatal(err)
	}
	l := &ingest.Loader{Store: e.store, Config: e.cfg, Stderr: io.Discard}
	_, err := l.Load(context.Background(), format, []string{p})
	return err
}

func (e *env) kpis(q string) map[string]reports.KPI {
	e.t.Helper()
	ctx := context.Background()
	if err := e.engine.Rebuild(ctx); err != nil {
		e.t.Fatal(err)
	}
	qq, _ := kpi.ParseQuarter(q)
	ks, err := e.engine.Quarter(ctx, qq)
	if err != nil {
		e.t.Fatal(err)
	}
	m := map[string]reports.KPI{}
	for _, k := range ks {
		m[k.ID] = k
	}
	return m
}

var oslo, _ = time.LoadLocation("Europe/Oslo")

// ql builds one queue_log line at an Oslo local time.
func ql(local, rest string) string {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", local, oslo)
	if err != nil {
		panic(err)
	}
	return strconv.FormatInt(t.Unix(), 10) + "|" + rest
}

func f(v float64) *float64 { return &v }

// handLog is a day of calls on Wednesday 14 January 2026, each outcome once
// or twice, with the KPI figures worked out by hand in TestPhoneKPIsByHand.
func handLog() []string {
	d := "2026-01-14 "
	return []string{
		ql(d+"09:30:00", "NONE|NONE|NONE|QUEUESTART|"),
		ql(d+"09:30:01", "NONE|lonn|PJSIP/lonn-01|AGENTLOGIN|PJSIP/lonn-01"),
		ql(d+"09:30:02", "NONE|lonn|PJSIP/lonn-01|PAUSE|lunsj"),
		// K: enters 09:59:59, before opening: out of scope.
		ql(d+"09:59:59", "k.1|lonn|NONE|ENTERQUEUE||+4773000001|1"),
		ql(d+"10:00:09", "k.1|lonn|PJSIP/lonn-01|CONNECT|10|k.2|2"),
		ql(d+"10:01:09", "k.1|lonn|PJSIP/lonn-01|COMPLETECALLER|10|60|1"),
		// A: answered after 30 s, talk 120 s, one ring not answered first.
		ql(d+"10:05:00", "a.1|lonn|NONE|DID|73595000"),
		ql(d+"10:05:00", "a.1|lonn|NONE|ENTERQUEUE||+4773000002|1"),
		ql(d+"10:05:15", "a.1|lonn|PJSIP/lonn-02|RINGNOANSWER|15000"),
		ql(d+"10:05:30", "a.1|lonn|PJSIP/lonn-01|CONNECT|30|a.2|5"),
		ql(d+"10:07:30", "a.1|lonn|PJSIP/lonn-01|COMPLETECALLER|30|120|1"),
		// B: times out of lonn after 60 s, answered in lonn-overflow after 20 s more: wait 80, talk 60.
		ql(d+"10:10:00", "b.1|lonn|NONE|ENTERQUEUE||+4773000003|1"),
		ql(d+"10:11:00", "b.1|lonn|NONE|EXITWITHTIMEOUT|1|1|60"),
		ql(d+"10:11:00", "b.1|lonn-overflow|NONE|ENTERQUEUE||+4773000003|1"),
		ql(d+"10:11:20", "b.1|lonn-overflow|PJSIP/hr-01|CONNECT|20|b.2|4"),
		ql(d+"10:12:20", "b.1|lonn-overflow|PJSIP/hr-01|COMPLETEAGENT|20|60|1"),
		// C: abandoned after 45 s.
		ql(d+"11:00:00", "c.1|reise|NONE|ENTERQUEUE||+4773000004|1"),
		ql(d+"11:00:45", "c.1|reise|NONE|ABANDON|1|1|45"),
		// D, E: short abandons at 4 s and at exactly 5 s (≤ S = 5).
		ql(d+"11:30:00", "d.1|reise|NONE|ENTERQUEUE||+4773000005|1"),
		ql(d+"11:30:04", "d.1|reise|NONE|ABANDON|1|1|4"),
		ql(d+"11:40:00", "e.1|reise|NONE|ENTERQUEUE||+4773000006|1"),
		ql(d+"11:40:05", "e.1|reise|NONE|ABANDON|1|1|5"),
		// F: times out after 300 s and leaves the queues: flowout.
		ql(d+"12:00:00", "f.1|hr|NONE|ENTERQUEUE||+4773000007|1"),
		ql(d+"12:05:00", "f.1|hr|NONE|EXITWITHTIMEOUT|1|1|300"),
		// G: presses a key, old layout without the wait field: 40 s by timestamps.
		ql(d+"12:10:00", "g.1|hr|NONE|ENTERQUEUE||+4773000008"),
		ql(d+"12:10:40", "g.1|hr|NONE|EXITWITHKEY|5|1"),
		// H: enters and nothing more: incomplete.
		ql(d+"12:20:00", "h.1|hr|NONE|ENTERQUEUE||+4773000009|1"),
		// L: answered after 10 s, transferred after 50 s of talk.
		ql(d+"13:00:00", "l.1|lonn|NONE|ENTERQUEUE||+4773000010|1"),
		ql(d+"13:00:10", "l.1|lonn|PJSIP/lonn-01|CONNECT|10|l.2|3"),
		ql(d+"13:01:00", "l.1|lonn|PJSIP/lonn-01|TRANSFER|200|from-queue|10|50|1"),
		// M: CONNECT without its holdtime: 25 s by timestamps; completion without talk.
		ql(d+"13:10:00", "m.1|lonn|NONE|ENTERQUEUE||+4773000011|1"),
		ql(d+"13:10:25", "m.1|lonn|PJSIP/lonn-01|CONNECT||m.2"),
		ql(d+"13:11:25", "m.1|lonn|PJSIP/lonn-01|COMPLETECALLER|25"),
		// I: enters 13:59:59 (in scope), answered after closing, after 90 s.
		ql(d+"13:59:59", "i.1|lonn|NONE|ENTERQUEUE||+4773000012|1"),
		ql(d+"14:01:29", "i.1|lonn|PJSIP/lonn-01|CONNECT|90|i.2|7"),
		ql(d+"14:01:59", "i.1|lonn|PJSIP/lonn-01|COMPLETECALLER|90|30|1"),
		// J: enters at 14:00:00: out of scope.
		ql(d+"14:00:00", "j.1|lonn|NONE|ENTERQUEUE||+4773000013|1"),
		ql(d+"14:00:10", "j.1|lonn|PJSIP/lonn-01|CONNECT|10|j.2|3"),
		// Saturday 17 January and New Year's Day: closed, out of scope.
		ql("2026-01-17 11:00:00", "s.1|lonn|NONE|ENTERQUEUE||+4773000014|1"),
		ql("2026-01-17 11:03:00", "s.1|lonn|NONE|ABANDON|1|1|180"),
		ql("2026-01-01 11:00:00", "n.1|lonn|NONE|ENTERQUEUE||+4773000015|1"),
		ql("2026-01-01 11:03:00", "n.1|lonn|NONE|ABANDON|1|1|180"),
		// Q2: Tuesday 14 April 2026, answered after 500 s: another quarter.
		ql("2026-04-14 11:00:00", "q.1|lonn|NONE|ENTERQUEUE||+4773000016|1"),
		ql("2026-04-14 11:08:20", "q.1|lonn|PJSIP/lonn-01|CONNECT|500|q.2|9"),
	}
}

func TestPhoneKPIsByHand(t *testing.T) {
	e := newEnv(t)
	if err := e.load("queue_log", ingest.QueueLog, handLog()...); err != nil {
		t.Fatal(err)
	}
	got := e.kpis("2026Q1")
	// In scope: A B C D E F G H I L M (11 calls).
	// answered A B I L M, waits 30 80 90 10 25; abandoned C (45);
	// short D E; flowout F (300) G (40); incomplete H. offered = 5+1+2 = 8.
	want := []struct {
		id string
		v  *float64
		n  int64
	}{
		{"phone.asa_s", f(235.0 / 5), 5},                       // (30+80+90+10+25)/5 = 47
		{"phone.avg_wait_all_s", f(620.0 / 8), 8},              // (235+45+300+40)/8 = 77.5
		{"phone.service_level", f(3.0 / 8), 8},                 // A, L, M within 60 s
		{"phone.abandon_rate", f(1.0 / 8), 8},                  // C
		{"phone.p50_wait_s", f(30), 5},                         // 10 25 [30] 80 90
		{"phone.p90_wait_s", f(86), 5},                         // pos 0.9·4 = 3.6: 80 + 0.6·10
		{"phone.max_wait_s", f(300), 8},                        // F
		{"phone.avg_talk_s", f((120.0 + 60 + 30 + 50) / 4), 4}, // M has no talk field: 65
		{"phone.offered", f(8), 8},
		{"phone.answered", f(5), 5},
		{"phone.abandoned", f(1), 1},
		{"phone.short_abandoned", f(2), 2},
		{"phone.flowout", f(2), 2},
		{"phone.incomplete", f(1), 1},
	}
	for _, w := range want {
		k, ok := got[w.id]
		if !ok {
			t.Errorf("%s missing", w.id)
			continue
		}
		if k.Value == nil || *k.Value != *w.v || k.N != w.n {
			t.Errorf("%s = %v (n %d), want %v (n %d)", w.id, deref(k.Value), k.N, *w.v, w.n)
		}
	}
	asa := got["phone.asa_s"]
	if asa.Target == nil || *asa.Target != 60 || asa.Met == nil || !*asa.Met {
		t.Errorf("phone.asa_s target/met = %v/%v, want 60/true", deref(asa.Target), asa.Met)
	}
	// Q2 holds only call Q: answered after 500 s, target missed.
	q2 := e.kpis("2026Q2")["phone.asa_s"]
	if q2.Value == nil || *q2.Value != 500 || q2.Met == nil || *q2.Met {
		t.Errorf("2026Q2 phone.asa_s = %v met %v, want 500 not met", deref(q2.Value), q2.Met)
	}
	// A quarter without calls: counts 0, means null, met null.
	q3 := e.kpis("2026Q3")
	if v := q3["phone.offered"].Value; v == nil || *v != 0 {
		t.Errorf("empty quarter offered = %v, want 0", deref(v))
	}
	if k := q3["phone.asa_s"]; k.Value != nil || k.Met != nil || k.N != 0 {
		t.Errorf("empty quarter asa = %v met %v n %d, want null, null, 0", deref(k.Value), k.Met, k.N)
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
