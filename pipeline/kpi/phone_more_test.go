package kpi_test

import (
	"testing"

	"slakpi/pipeline/ingest"
)

// value reads one KPI's value, -1 for null, so tables can compare numbers.
func value(m map[string]kpiRow, id string) float64 {
	if v := m[id].Value; v != nil {
		return *v
	}
	return -1
}

type kpiRow = struct {
	Value *float64
	N     int64
}

func values(e *env, q string) map[string]kpiRow {
	out := map[string]kpiRow{}
	for id, k := range e.kpis(q) {
		out[id] = kpiRow{k.Value, k.N}
	}
	return out
}

// A call split by log rotation is incomplete with the first file alone and
// answered once the second is in.
func TestRotationSplitsCall(t *testing.T) {
	e := newEnv(t)
	d := "2026-01-14 "
	if err := e.load("queue_log.1", ingest.QueueLog,
		ql(d+"10:05:00", "x.1|lonn|NONE|ENTERQUEUE||+4773000002|1"),
	); err != nil {
		t.Fatal(err)
	}
	got := values(e, "2026Q1")
	if value(got, "phone.incomplete") != 1 || value(got, "phone.answered") != 0 {
		t.Fatalf("first file alone: incomplete %v answered %v, want 1 and 0",
			value(got, "phone.incomplete"), value(got, "phone.answered"))
	}
	if err := e.load("queue_log", ingest.QueueLog,
		ql(d+"10:05:30", "x.1|lonn|PJSIP/lonn-01|CONNECT|30|x.2|5"),
		ql(d+"10:07:30", "x.1|lonn|PJSIP/lonn-01|COMPLETECALLER|30|120|1"),
	); err != nil {
		t.Fatal(err)
	}
	got = values(e, "2026Q1")
	for id, want := range map[string]float64{"phone.incomplete": 0, "phone.answered": 1, "phone.asa_s": 30, "phone.avg_talk_s": 120} {
		if value(got, id) != want {
			t.Errorf("both files: %s = %v, want %v", id, value(got, id), want)
		}
	}
}

// calls-csv rows become calls with the same outcome rules as queue_log.
func TestCallsCSVKPIs(t *testing.T) {
	e := newEnv(t)
	err := e.load("calls.csv", ingest.CallsCSV,
		"call_id,queue,entered_at,answered_at,ended_at,outcome,wait_s,talk_s,agent",
		"c1,lonn,2026-01-14 10:05:00,2026-01-14 10:05:20,2026-01-14 10:08:20,answered,20,180,a1",
		"c2,lonn,2026-01-14 10:10:00,2026-01-14 10:10:15,2026-01-14 10:12:15,answered,,120,a1",
		"c3,lonn,2026-01-14 10:20:00,,2026-01-14 10:20:03,abandoned,3,,",
		"c4,lonn,2026-01-14 10:30:00,,2026-01-14 10:30:40,abandoned,40,,",
		"c5,lonn,2026-01-14 10:40:00,,2026-01-14 10:41:40,timeout,100,,",
		"c6,lonn,2026-01-14 14:10:00,2026-01-14 14:10:05,2026-01-14 14:11:05,answered,5,60,a1",
	)
	if err != nil {
		t.Fatal(err)
	}
	got := values(e, "2026Q1")
	// In scope c1–c5 (c6 enters after 14:00). Answered c1 (20 s) and c2
	// (15 s from its timestamps): ASA 17.5. c3 waited 3 s: short. c4
	// abandoned, c5 flowout. Offered 2+1+1 = 4.
	for id, want := range map[string]float64{
		"phone.asa_s": 17.5, "phone.answered": 2, "phone.short_abandoned": 1,
		"phone.abandoned": 1, "phone.flowout": 1, "phone.offered": 4, "phone.avg_talk_s": 150,
	} {
		if value(got, id) != want {
			t.Errorf("%s = %v, want %v", id, value(got, id), want)
		}
	}
}

// With phone.queues set, only those queues' visits count.
func TestQueuesInScope(t *testing.T) {
	e := newEnv(t)
	e.cfg.Phone.Queues = []string{"reise"}
	if err := e.load("queue_log", ingest.QueueLog, handLog()...); err != nil {
		t.Fatal(err)
	}
	got := values(e, "2026Q1")
	// reise holds C (abandoned after 45 s) and the short abandons D and E.
	for id, want := range map[string]float64{
		"phone.offered": 1, "phone.abandoned": 1, "phone.short_abandoned": 2, "phone.answered": 0, "phone.asa_s": -1,
	} {
		if value(got, id) != want {
			t.Errorf("%s = %v, want %v", id, value(got, id), want)
		}
	}
}
