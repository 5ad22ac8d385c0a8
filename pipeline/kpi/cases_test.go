package kpi_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
)

// handCases are seven cases timed by hand in business hours: Mon–Fri
// 08:00–15:45 (7.75 h), summer 08:00–15:00 (7 h) from 15 May.
var handCases = []string{
	"number,call_date,creation_date,caller_unit,operator_group,operator,status,category,subcategory,entry_type,response_date,completed_date,closed_date,on_hold_s,reopened,modified_at",
	// 1 DST: Fri 27 Mar 14:00 CET → first response Mon 30 Mar 09:00 CEST
	//   (1.75 + 1 = 2.75 h) → Fullført Mon 15:00 (1.75 + 7 = 8.75 h).
	"C1,2026-03-27 14:00,,IE-IDI,Lønn,Kari,Fullført,Lønn,,E-post,,,,,,",
	// 2 Easter with a hold: Wed 1 Apr 10:00, response 11:00 (1 h); På vent
	//   Wed 12:00 → Tue 7 Apr 10:00; Fullført Tue 12:00. Total 5.75 + 4 =
	//   9.75 h, paused 3.75 + 2 = 5.75 h: 4 h.
	"C2,2026-04-01 10:00,,IE,Lønn,Kari,Fullført,Lønn,,E-post,2026-04-01 11:00,,,,,",
	// 3 reopened: Mon 2 Feb 09:00; Fullført 13:00 (first response: 4 h);
	//   reopened Tue 09:00; Fullført Tue 11:00. Total 6.75 + 3 = 9.75 h,
	//   paused in Fullført 2.75 + 1 = 3.75 h: 6 h.
	"C3,2026-02-02 09:00,,NV-IKJ,Reise og utlegg,Ola,Fullført,Reiseregning,,Skjema,,,,,,",
	// 4 summer hours, no history: Thu 18 Jun 14:00, response Fri 09:00
	//   (1 + 1 = 2 h), completed Mon 22 Jun 10:00 (1 + 7 + 2 = 10 h).
	"C4,2026-06-18 14:00,,IE-IDI,Lønn,Kari,Lukket,Lønn,,E-post,2026-06-19 09:00,2026-06-22 10:00,2026-07-06 10:00,0,0,",
	// 5 created Saturday 14 Mar 11:00: response Mon 16 Mar 08:30 (0.5 h),
	//   Fullført Mon 15:45 (7.75 h).
	"C5,2026-03-14 11:00,,HF,HR-tjenester,Per,Fullført,Ferie,,Selvbetjeningsportal,,,,,,",
	// 6 open at quarter end: Mon 30 Mar 10:00, response Tue 31 Mar 08:00
	//   (5.75 h), still I arbeid.
	"C6,2026-03-30 10:00,,IE-IDI,Lønn,Kari,I arbeid,Lønn,,Telefon,2026-03-31 08:00,,,,,",
	// 7 started Tue 31 Mar 10:00, resolved Wed 1 Apr 09:00 (5.75 + 1 =
	//   6.75 h) in Q2; status in TOPdesk's English.
	"C7,2026-03-31 10:00,,NV-IKJ,Lønn,Ola,Completed,Lønn,,E-post,,,,,,",
}

var handHistory = []string{
	"number,changed_at,field,old_value,new_value",
	"C1,2026-03-30 09:00,status,I arbeid,Venter på bruker",
	"C1,2026-03-30 15:00,status,Venter på bruker,Fullført",
	"C2,2026-04-01 12:00,status,I arbeid,På vent",
	"C2,2026-04-07 10:00,status,På vent,I arbeid",
	"C2,2026-04-07 12:00,status,I arbeid,Fullført",
	"C3,2026-02-02 10:00,status,Registrert,I arbeid",
	"C3,2026-02-02 13:00,status,I arbeid,Fullført",
	"C3,2026-02-03 09:00,status,Fullført,Oppdatert av bruker",
	"C3,2026-02-03 11:00,status,Oppdatert av bruker,Fullført",
	"C5,2026-03-16 08:30,status,Registrert,Venter på bruker",
	"C5,2026-03-16 15:45,status,Venter på bruker,Fullført",
	"C7,2026-04-01 09:00,status,In progress,Completed",
}

var handUnits = []string{
	"code,name,parent,contact_email",
	"IE,Fakultet for informasjonsteknologi og elektroteknikk,,ie@example.org",
	"IE-IDI,Institutt for datateknologi og informatikk,IE,idi@example.org",
	"NV,Fakultet for naturvitenskap,,nv@example.org",
	"NV-IKJ,Institutt for kjemi,NV,ikj@example.org",
	"HF,Det humanistiske fakultet,,hf@example.org",
}

func loadHandCases(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	for _, f := range []struct {
		name, format string
		lines        []string
	}{{"cases.csv", ingest.CasesCSV, handCases}, {"history.csv", ingest.CaseHistoryCSV, handHistory}, {"units.csv", ingest.Units, handUnits}} {
		if err := e.load(f.name, f.format, f.lines...); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.engine.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

// Each case's business hours to first response and to resolution.
func TestCaseCycles(t *testing.T) {
	e := loadHandCases(t)
	want := map[string][2]float64{ // response h, resolution h (-1: none)
		"C1": {2.75, 8.75}, "C2": {1, 4}, "C3": {4, 6}, "C4": {2, 10},
		"C5": {0.5, 7.75}, "C6": {5.75, -1}, "C7": {6.75, 6.75},
	}
	rows, err := e.store.DB.Query(`SELECT number, coalesce(response_bh, -1), coalesce(resolution_bh, -1),
		opened_quarter, coalesce(resolved_quarter, ''), reopens FROM fct_cases ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var n, oq, rq string
		var resp, res float64
		var reopens int
		if err := rows.Scan(&n, &resp, &res, &oq, &rq, &reopens); err != nil {
			t.Fatal(err)
		}
		seen++
		w := want[n]
		if math.Abs(resp-w[0]) > 1e-9 || math.Abs(res-w[1]) > 1e-9 {
			t.Errorf("%s: response %v h, resolution %v h; want %v, %v", n, resp, res, w[0], w[1])
		}
		if n == "C3" && reopens != 1 {
			t.Errorf("C3 reopens = %d, want 1", reopens)
		}
		if n == "C7" && (oq != "2026Q1" || rq != "2026Q2") {
			t.Errorf("C7 opened %s resolved %s, want 2026Q1 and 2026Q2", oq, rq)
		}
	}
	if seen != len(want) {
		t.Errorf("%d cases, want %d", seen, len(want))
	}
}

// KPIs for the centre and per unit, a faculty including its departments.
func TestCaseKPIs(t *testing.T) {
	e := loadHandCases(t)
	ctx := context.Background()
	tests := []struct {
		quarter, unit string
		want          map[string]float64 // -1: null
	}{
		// Q1 opened C1 C3 C5 C6 C7; resolved C1 (8.75) C3 (6) C5 (7.75);
		// responses in Q1: C1 2.75, C3 4, C5 0.5, C6 5.75 (C7's is in Q2).
		// p90 of 6, 7.75, 8.75: position 1.8 → 7.75 + 0.8 = 8.55;
		// p90 of 0.5, 2.75, 4, 5.75: position 2.7 → 4 + 0.7·1.75 = 5.225.
		{"2026Q1", "", map[string]float64{
			"cases.opened": 5, "cases.resolved": 3, "cases.backlog_end": 2, "cases.reopened": 1,
			"cases.resolution_bh_p50": 7.75, "cases.resolution_bh_p90": 8.55,
			"cases.first_response_bh_p50": 3.375, "cases.first_response_bh_p90": 5.225,
			"cases.resolved_within_target": -1,
		}},
		// IE holds IE-IDI: C1 and C6 in Q1.
		{"2026Q1", "IE", map[string]float64{"cases.opened": 2, "cases.resolved": 1, "cases.backlog_end": 1, "cases.resolution_bh_p50": 8.75}},
		{"2026Q1", "NV-IKJ", map[string]float64{"cases.opened": 2, "cases.resolved": 1, "cases.backlog_end": 1, "cases.reopened": 1}},
		// Q2: IE's C2 (4 h) and IE-IDI's C4 (10 h); IE-IDI's C6 is still open.
		{"2026Q2", "IE", map[string]float64{"cases.opened": 2, "cases.resolved": 2, "cases.resolution_bh_p50": 7, "cases.backlog_end": 1}},
		{"2026Q2", "HF", map[string]float64{"cases.opened": 0, "cases.resolved": 0, "cases.resolution_bh_p50": -1}},
	}
	for _, tt := range tests {
		t.Run(tt.quarter+"/"+tt.unit, func(t *testing.T) {
			q, _ := kpi.ParseQuarter(tt.quarter)
			ks, err := e.engine.Compute(ctx, q, tt.unit)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, k := range ks {
				got[k.ID] = -1
				if k.Value != nil {
					got[k.ID] = *k.Value
				}
				if tt.unit != "" && k.ID[:6] == "phone." {
					t.Errorf("unit %s got centre-wide KPI %s", tt.unit, k.ID)
				}
			}
			for id, w := range tt.want {
				if v, ok := got[id]; !ok || math.Abs(v-w) > 1e-9 {
					t.Errorf("%s = %v, want %v", id, v, w)
				}
			}
		})
	}
}

// A per-category target makes resolved_within_target a share.
func TestResolvedWithinTarget(t *testing.T) {
	e := newEnv(t)
	e.cfg.Cases.ResolutionTargetsH = map[string]float64{"Lønn": 8}
	for _, f := range []struct {
		name, format string
		lines        []string
	}{{"cases.csv", ingest.CasesCSV, handCases}, {"history.csv", ingest.CaseHistoryCSV, handHistory}} {
		if err := e.load(f.name, f.format, f.lines...); err != nil {
			t.Fatal(err)
		}
	}
	got := e.kpis("2026Q1")["cases.resolved_within_target"]
	// Q1's resolved Lønn cases: C1 only (8.75 h > 8 h): 0 of 1.
	if got.Value == nil || *got.Value != 0 || got.N != 1 {
		t.Errorf("resolved_within_target = %v (n %d), want 0 (n 1)", deref(got.Value), got.N)
	}
}

// The per-unit case table: each unit's cases.* KPIs, faculties including
// their departments (the figures of TestCaseKPIs).
func TestCasesByUnit(t *testing.T) {
	e := loadHandCases(t)
	q, _ := kpi.ParseQuarter("2026Q1")
	rows, err := e.engine.CasesBy(context.Background(), "unit", q)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.Key] = fmt.Sprintf("%s %d %d %d %v", r.Name, r.Opened, r.Resolved, r.Backlog, deref(r.ResolutionP50))
	}
	want := map[string]string{
		"IE":     "Fakultet for informasjonsteknologi og elektroteknikk 2 1 1 8.75",
		"IE-IDI": "Institutt for datateknologi og informatikk 2 1 1 8.75",
		"NV":     "Fakultet for naturvitenskap 2 1 1 6",
		"NV-IKJ": "Institutt for kjemi 2 1 1 6",
		"HF":     "Det humanistiske fakultet 1 1 0 7.75",
	}
	if len(got) != len(want) {
		t.Errorf("%d unit rows, want %d", len(got), len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
}
