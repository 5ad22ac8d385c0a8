package ingest_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// norwegianHeader is a contact-centre export's header in Norwegian; four of
// its titles need aliases beyond the defaults.
const norwegianHeader = "Samtale-ID;Kø;Innkommende;Besvart;Avsluttet;Utfall;Ventetid (s);Samtaletid (s);Agent;Fra nummer"

func withNorwegianAliases(e *env) {
	a := e.cfg.Aliases[ingest.CallsCSV]
	a["call_id"] = append(a["call_id"], "Samtale-ID")
	a["wait_s"] = append(a["wait_s"], "Ventetid (s)")
	a["talk_s"] = append(a["talk_s"], "Samtaletid (s)")
	a["caller"] = append(a["caller"], "Fra nummer")
}

// callRows is raw_calls as text, one row a string, times in UTC.
const callRows = `SELECT concat_ws(' ', call_id, queue,
		strftime(entered_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'),
		coalesce(strftime(answered_at AT TIME ZONE 'UTC', '%H:%M:%S'), 'NULL'),
		coalesce(strftime(ended_at AT TIME ZONE 'UTC', '%H:%M:%S'), 'NULL'),
		outcome, coalesce(wait_s::VARCHAR, 'NULL'), coalesce(talk_s::VARCHAR, 'NULL'), coalesce(agent, 'NULL'))
	FROM raw_calls ORDER BY line`

func TestCallsCSVNorwegianExport(t *testing.T) {
	e := newEnv(t)
	withNorwegianAliases(e)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	p := e.file("samtaler.csv",
		norwegianHeader,
		"1;lonn;2026-01-14 10:05:00;2026-01-14 10:05:30;2026-01-14 10:07:30;answered;30;120;PJSIP/lonn-01;+4773000001",
		"2;reise;2026-01-14 11:00:00;;2026-01-14 11:00:45;abandoned;45;;;+4773000002",
		"3;hr;2026-01-14 12:00:00;;;besvart;;;;+4773000003",
		"4;hr;14/01/2026 12:00;;;answered;;;;+4773000004",
		`5;h"r;2026-01-14 12:00:00;;;timeout;;;;+4773000005`,
		"6;hr;2026-01-14 12:10:00;;2026-01-14 12:15:00;timeout;300;;;",
	)
	res, stderr, err := e.load(ingest.CallsCSV, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// Oslo is UTC+1 in January: 10:05 local is 09:05Z.
	want := []string{
		"1 lonn 2026-01-14T09:05:00Z 09:05:30 09:07:30 answered 30.0 120.0 PJSIP/lonn-01",
		"2 reise 2026-01-14T10:00:00Z NULL 10:00:45 abandoned 45.0 NULL NULL",
		"6 hr 2026-01-14T11:10:00Z NULL 11:15:00 timeout 300.0 NULL NULL",
	}
	if d := diff(want, e.texts(callRows)); d != "" {
		t.Errorf("raw_calls %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: `outcome "besvart": want answered, abandoned, timeout, exitkey or exitempty`},
		{Line: 5, Reason: `entered_at: time "14/01/2026 12:00": want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]`},
		{Line: 6, Reason: `bare " in non-quoted-field`},
	}
	var got []store.Reject
	for _, r := range res[0].Rejects {
		got = append(got, store.Reject{Line: r.Line, Reason: r.Reason})
	}
	if d := diff(wantRejects, got); d != "" {
		t.Errorf("rejects %s", d)
	}
	for _, r := range wantRejects {
		if line := fmt.Sprintf("%s:%d: %s\n", p, r.Line, r.Reason); !strings.Contains(stderr, line) {
			t.Errorf("stderr does not say %q:\n%s", line, stderr)
		}
	}
	if n := e.count(`SELECT count(*) FROM quarantine WHERE line IN (4, 5, 6)`); n != 3 {
		t.Errorf("quarantine holds %d of lines 4, 5, 6", n)
	}
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, h := range e.texts(`SELECT caller_hash FROM raw_calls WHERE caller_hash IS NOT NULL`) {
		if !hex32.MatchString(h) {
			t.Errorf("caller_hash %q: want 32 hex digits", h)
		}
	}
}

func TestCallsCSVHeaders(t *testing.T) {
	row := "1;lonn;2026-01-14 10:05:00;answered"
	for _, tc := range []struct {
		name, header string
		wantErr      []string // all in the error; none when it loads
	}{
		{"canonical", "call_id;queue;entered_at;outcome", nil},
		{"aliases, any case, with a BOM", "\ufeffCALLID;Kø;Innkommende;Utfall", nil},
		{"no outcome", "call_id;queue;entered_at;status", []string{"line 1", `no column "outcome"`}},
		{"no entered_at", "call_id;queue;start_time;outcome", []string{"line 1", `no column "entered_at"`}},
		{"two titles for one column", "call_id;queue;entered_at;outcome;result", []string{"line 1", `"outcome" and "result" both map to outcome`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			p := e.file("calls.csv", tc.header, row)
			res, _, err := e.load(ingest.CallsCSV, p)
			if tc.wantErr == nil {
				if err != nil || res[0].Rows != 1 {
					t.Errorf("err %v, results %+v: want one row", err, res)
				}
				return
			}
			if err == nil {
				t.Fatal("loaded; want an error")
			}
			for _, w := range append(tc.wantErr, p) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if n := e.count(`SELECT count(*) FROM raw_calls`); n != 0 {
				t.Errorf("%d rows loaded, want 0", n)
			}
		})
	}
}

func TestCallsCSVDelimiters(t *testing.T) {
	for _, d := range []string{",", ";", "\t"} {
		t.Run(fmt.Sprintf("%q", d), func(t *testing.T) {
			e := newEnv(t)
			p := e.file("calls.csv",
				strings.Join([]string{"call_id", "queue", "entered_at", "outcome", "wait_s"}, d),
				strings.Join([]string{"1", "lonn", "2026-01-14T10:05:00+01:00", "abandoned", "4.5"}, d))
			e.mustLoad(ingest.CallsCSV, p)
			want := []string{"1 lonn 2026-01-14T09:05:00Z NULL NULL abandoned 4.5 NULL NULL"}
			if diff := diff(want, e.texts(callRows)); diff != "" {
				t.Errorf("raw_calls %s", diff)
			}
		})
	}
}

func TestCallsCSVEmpty(t *testing.T) {
	for _, tc := range []struct{ name, content string }{
		{"header only", "call_id,queue,entered_at,outcome\n"},
		{"no bytes", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			res, stderr, err := e.load(ingest.CallsCSV, e.writeFile("calls.csv", []byte(tc.content)))
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if res[0].Rows != 0 || len(res[0].Rejects) != 0 {
				t.Errorf("rows %d, rejects %v, want none", res[0].Rows, res[0].Rejects)
			}
		})
	}
}

func TestCallsCSVNotUTF8(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1
	// A Latin-1 export: "lønn" as 6C F8 6E 6E.
	p := e.file("calls.csv", "call_id;queue;entered_at;outcome", "1;l\xf8nn;2026-01-14 10:05:00;answered", "2;hr;2026-01-14 10:06:00;answered")
	res, stderr, err := e.load(ingest.CallsCSV, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got []store.Reject
	for _, r := range res[0].Rejects {
		got = append(got, store.Reject{Line: r.Line, Reason: r.Reason})
	}
	if d := diff([]store.Reject{{Line: 2, Reason: "not UTF-8 text"}}, got); d != "" {
		t.Errorf("rejects %s", d)
	}
}

// A file that cannot be read as a whole is recorded as failed, with the
// reason kept, and loads nothing.
func TestUnreadableFileIsRecorded(t *testing.T) {
	e := newEnv(t)
	p := e.file("calls.csv", "call_id,queue", "c1,lonn")
	_, _, err := e.load(ingest.CallsCSV, p)
	if err == nil || !strings.Contains(err.Error(), "entered_at") {
		t.Fatalf("err = %v, want one naming the missing column entered_at", err)
	}
	var status, reason string
	if err := e.store.DB.QueryRow(`SELECT f.status, q.reason FROM ingest_files f JOIN quarantine q USING (file_id)`).Scan(&status, &reason); err != nil {
		t.Fatal(err)
	}
	if status != "failed" || !strings.Contains(reason, "entered_at") {
		t.Errorf("ledger %q, quarantine %q; want failed and the reason", status, reason)
	}
}
