package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// copyTestdata copies a file from testdata into the env's folder, so each
// test has its own path in the ledger.
func (e *env) copyTestdata(name string) string {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		e.t.Fatal(err)
	}
	return e.writeFile(name, b)
}

// rejectsOf is a result's rejects without their raw text.
func rejectsOf(r *ingest.Result) []store.Reject {
	var out []store.Reject
	for _, rj := range r.Rejects {
		out = append(out, store.Reject{Line: rj.Line, Reason: rj.Reason})
	}
	return out
}

func TestTopdeskSample(t *testing.T) {
	sample := filepath.Join("..", "..", "..", "shared", "data", "topdesk", "incident-sample.json")
	if _, err := os.Stat(sample); err != nil {
		t.Skipf("no TOPdesk sample: %v", err)
	}
	e := newEnv(t)
	e.mustLoad(ingest.TopdeskJSON, sample)
	got := e.texts(caseQuery("line", "number", "call_date", "creation_date", "caller_unit", "status",
		"entry_type", "on_hold_s", "reopened", "modified_at"))
	want := []string{"1 | TEST-1 | 2021-02-11 06:32:36.303 | 2020-02-10 06:32:36.303 | NULL | Logged | " +
		"Automation | 0.0 | NULL | 2021-02-11 06:32:36.000"}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_cases %s", d)
	}
}

func TestTopdeskArray(t *testing.T) {
	e := newEnv(t)
	e.mustLoad(ingest.TopdeskJSON, e.copyTestdata("topdesk-array.json"))
	// Each object's line is where its { is. Incident 2's 11:00+0100 is
	// 10:00Z; incident 3's local 12:00 is Oslo winter time, 11:00Z.
	// onHoldDuration is minutes: 90 → 5400 s, 0.5 → 30 s.
	got := e.texts(caseQuery("line", "number", "call_date", "creation_date", "caller_unit", "operator_group",
		"operator", "status", "category", "subcategory", "entry_type", "response_date", "completed_date",
		"closed_date", "on_hold_s", "modified_at"))
	want := []string{
		"2 | I 2601 001 | 2026-01-14 09:05:00.000 | 2026-01-14 09:06:10.000 | Institutt for fysikk | Lønn | " +
			"Kari Nordmann | Completed | Lønn | NULL | E-mail | 2026-01-14 10:00:00.000 | 2026-01-15 12:30:00.000 | " +
			"NULL | 5400.0 | 2026-01-15 12:30:00.000",
		"20 | I 2601 002 | 2026-01-14 10:00:00.000 | NULL | Institutt for kjemi | NULL | NULL | Logged | NULL | " +
			"NULL | NULL | NULL | NULL | NULL | NULL | NULL",
		"28 | I 2601 003 | NULL | 2026-01-14 11:00:00.000 | Fakultet for naturvitenskap | NULL | NULL | On hold | " +
			"NULL | NULL | NULL | NULL | NULL | NULL | 30.0 | NULL",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_cases %s", d)
	}
}

func TestTopdeskJSONLines(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 0.5 // keep the file, to see the bad object
	p := e.copyTestdata("topdesk-lines.jsonl")
	res, stderr, err := e.load(ingest.TopdeskJSON, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	got := e.texts(caseQuery("line", "number", "call_date", "creation_date", "operator_group", "status"))
	want := []string{
		"1 | I 2602 001 | 2026-02-02 08:00:00.000 | NULL | NULL | Logged",
		"4 | I 2602 003 | NULL | 2026-02-03 09:15:00.000 | Reise | NULL",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_cases %s", d)
	}
	wantRejects := []store.Reject{{Line: 2, Reason: `callDate: time "2026-02-30T08:00:00.000+0000": ` +
		`want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]`}}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	if !strings.Contains(stderr, p+":2: callDate") {
		t.Errorf("stderr does not name %s:2:\n%s", p, stderr)
	}
	raw := e.texts(`SELECT raw FROM quarantine WHERE line = 2`)
	if len(raw) != 1 || !strings.HasPrefix(raw[0], `{"number": "I 2602 002"`) {
		t.Errorf("quarantine raw = %q, want the object", raw)
	}
}

func TestTopdeskBadInput(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	good := `{"number": "I 1", "callDate": "2026-01-14T09:05:00.000+0000"}`
	for _, tc := range []struct {
		name, body string
		wantErr    string // "" when the file loads
		wantReject string
	}{
		{"no number", good + "\n" + `{"callDate": "2026-01-14T09:05:00.000+0000"}`, "", "empty number"},
		{"no date", good + "\n" + `{"number": "I 2", "processingStatus": {"name": "Logged"}}`, "",
			"neither a call date nor a creation date"},
		{"number not text", "[\n" + good + ",\n" + `{"number": 2}` + "\n]", "", "not an incident: json: cannot unmarshal"},
		{"negative hold", `{"number": "I 2", "callDate": "2026-01-14T09:05:00Z", "onHoldDuration": -5}`, "",
			"onHoldDuration: -5 is negative"},
		{"broken array", "[\n" + good + ",\n" + `{"number": "I 2",` + "\n" + `"callDate" 5}` + "\n]", "line 4: invalid character", ""},
		{"truncated", "[\n" + good + ",\n" + `{"number": "I 2",`, "JSON ends early", ""},
		{"after the array", "[" + good + "]\n[]", "line 2: more after the array's closing ]", ""},
		{"not JSON", "number;call_date\nI 1;2026-01-14 10:05\n", "line 1: found 'n'", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := e.in(t)
			p := e.writeFile(strings.ReplaceAll(tc.name, " ", "-")+".json", []byte(tc.body))
			res, stderr, err := e.load(ingest.TopdeskJSON, p)
			if tc.wantErr != "" {
				var batch *ingest.BatchError
				if !errors.As(err, &batch) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %v does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if r := res[0].Rejects; len(r) != 1 || !strings.HasPrefix(r[0].Reason, tc.wantReject) {
				t.Errorf("rejects %+v, want one saying %q", r, tc.wantReject)
			}
		})
	}
	// The broken files added nothing: each good row above is I 1 alone.
	if n := e.count(`SELECT count(*) FROM raw_cases WHERE number <> 'I 1'`); n != 0 {
		t.Errorf("raw_cases holds %d rows from refused objects", n)
	}
}
