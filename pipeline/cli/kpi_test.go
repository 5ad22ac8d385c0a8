package cli_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var oslo = mustLoadLocation("Europe/Oslo")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// ql builds one queue_log line at an Oslo local time.
func ql(local, rest string) string {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", local, oslo)
	if err != nil {
		panic(err)
	}
	return strconv.FormatInt(t.Unix(), 10) + "|" + rest
}

// handLog is the day of calls of pipeline/kpi's TestPhoneKPIsByHand
// (Wednesday 14 January 2026), whose figures are worked out by hand there:
// in 2026Q1 five answered calls waited 30, 80, 90, 10 and 25 s, so the ASA
// is 235/5 = 47 s; eight calls were offered.
func handLog() []string {
	d := "2026-01-14 "
	return []string{
		ql(d+"09:30:00", "NONE|NONE|NONE|QUEUESTART|"),
		ql(d+"09:30:01", "NONE|lonn|PJSIP/lonn-01|AGENTLOGIN|PJSIP/lonn-01"),
		ql(d+"09:30:02", "NONE|lonn|PJSIP/lonn-01|PAUSE|lunsj"),
		ql(d+"09:59:59", "k.1|lonn|NONE|ENTERQUEUE||+4773000001|1"),
		ql(d+"10:00:09", "k.1|lonn|PJSIP/lonn-01|CONNECT|10|k.2|2"),
		ql(d+"10:01:09", "k.1|lonn|PJSIP/lonn-01|COMPLETECALLER|10|60|1"),
		ql(d+"10:05:00", "a.1|lonn|NONE|DID|73595000"),
		ql(d+"10:05:00", "a.1|lonn|NONE|ENTERQUEUE||+4773000002|1"),
		ql(d+"10:05:15", "a.1|lonn|PJSIP/lonn-02|RINGNOANSWER|15000"),
		ql(d+"10:05:30", "a.1|lonn|PJSIP/lonn-01|CONNECT|30|a.2|5"),
		ql(d+"10:07:30", "a.1|lonn|PJSIP/lonn-01|COMPLETECALLER|30|120|1"),
		ql(d+"10:10:00", "b.1|lonn|NONE|ENTERQUEUE||+4773000003|1"),
		ql(d+"10:11:00", "b.1|lonn|NONE|EXITWITHTIMEOUT|1|1|60"),
		ql(d+"10:11:00", "b.1|lonn-overflow|NONE|ENTERQUEUE||+4773000003|1"),
		ql(d+"10:11:20", "b.1|lonn-overflow|PJSIP/hr-01|CONNECT|20|b.2|4"),
		ql(d+"10:12:20", "b.1|lonn-overflow|PJSIP/hr-01|COMPLETEAGENT|20|60|1"),
		ql(d+"11:00:00", "c.1|reise|NONE|ENTERQUEUE||+4773000004|1"),
		ql(d+"11:00:45", "c.1|reise|NONE|ABANDON|1|1|45"),
		ql(d+"11:30:00", "d.1|reise|NONE|ENTERQUEUE||+4773000005|1"),
		ql(d+"11:30:04", "d.1|reise|NONE|ABANDON|1|1|4"),
		ql(d+"11:40:00", "e.1|reise|NONE|ENTERQUEUE||+4773000006|1"),
		ql(d+"11:40:05", "e.1|reise|NONE|ABANDON|1|1|5"),
		ql(d+"12:00:00", "f.1|hr|NONE|ENTERQUEUE||+4773000007|1"),
		ql(d+"12:05:00", "f.1|hr|NONE|EXITWITHTIMEOUT|1|1|300"),
		ql(d+"12:10:00", "g.1|hr|NONE|ENTERQUEUE||+4773000008"),
		ql(d+"12:10:40", "g.1|hr|NONE|EXITWITHKEY|5|1"),
		ql(d+"12:20:00", "h.1|hr|NONE|ENTERQUEUE||+4773000009|1"),
		ql(d+"13:00:00", "l.1|lonn|NONE|ENTERQUEUE||+4773000010|1"),
		ql(d+"13:00:10", "l.1|lonn|PJSIP/lonn-01|CONNECT|10|l.2|3"),
		ql(d+"13:01:00", "l.1|lonn|PJSIP/lonn-01|TRANSFER|200|from-queue|10|50|1"),
		ql(d+"13:10:00", "m.1|lonn|NONE|ENTERQUEUE||+4773000011|1"),
		ql(d+"13:10:25", "m.1|lonn|PJSIP/lonn-01|CONNECT||m.2"),
		ql(d+"13:11:25", "m.1|lonn|PJSIP/lonn-01|COMPLETECALLER|25"),
		ql(d+"13:59:59", "i.1|lonn|NONE|ENTERQUEUE||+4773000012|1"),
		ql(d+"14:01:29", "i.1|lonn|PJSIP/lonn-01|CONNECT|90|i.2|7"),
		ql(d+"14:01:59", "i.1|lonn|PJSIP/lonn-01|COMPLETECALLER|90|30|1"),
		ql(d+"14:00:00", "j.1|lonn|NONE|ENTERQUEUE||+4773000013|1"),
		ql(d+"14:00:10", "j.1|lonn|PJSIP/lonn-01|CONNECT|10|j.2|3"),
		ql("2026-01-17 11:00:00", "s.1|lonn|NONE|ENTERQUEUE||+4773000014|1"),
		ql("2026-01-17 11:03:00", "s.1|lonn|NONE|ABANDON|1|1|180"),
		ql("2026-01-01 11:00:00", "n.1|lonn|NONE|ENTERQUEUE||+4773000015|1"),
		ql("2026-01-01 11:03:00", "n.1|lonn|NONE|ABANDON|1|1|180"),
		ql("2026-04-14 11:00:00", "q.1|lonn|NONE|ENTERQUEUE||+4773000016|1"),
		ql("2026-04-14 11:08:20", "q.1|lonn|PJSIP/lonn-01|CONNECT|500|q.2|9"),
	}
}

// handDB ingests the hand-built log into a new database and returns its path.
func handDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "hand.duckdb")
	log := writeFile(t, dir, "queue_log", handLog()...)
	mustRun(t, "ingest", "phone", "--db", db, log)
	return db
}

// kpiOutput is `kpi --json` decoded.
type kpiOutput struct {
	Quarter string          `json:"quarter"`
	Unit    json.RawMessage `json:"unit"`
	KPIs    []struct {
		ID         string   `json:"id"`
		Value      *float64 `json:"value"`
		Unit       string   `json:"unit"`
		Target     *float64 `json:"target"`
		Comparison *string  `json:"comparison"`
		Met        *bool    `json:"met"`
		N          int64    `json:"n"`
	} `json:"kpis"`
}

func decodeKPIs(t *testing.T, out string) kpiOutput {
	t.Helper()
	var k kpiOutput
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&k); err != nil {
		t.Fatalf("kpi --json: %v\n%s", err, out)
	}
	return k
}

// value finds one KPI's value, failing when it is missing or null.
func (k kpiOutput) value(t *testing.T, id string) float64 {
	t.Helper()
	for _, x := range k.KPIs {
		if x.ID == id {
			if x.Value == nil {
				t.Fatalf("%s %s is null", k.Quarter, id)
			}
			return *x.Value
		}
	}
	t.Fatalf("%s: no KPI %s", k.Quarter, id)
	return 0
}

// objectKeys lists the keys of a JSON object in the order they appear.
func objectKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("want a JSON object, got %v (%v)", tok, err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestKPIJSONShape(t *testing.T) {
	db := handDB(t)
	r := mustRun(t, "kpi", "--quarter", "2026Q1", "--json", "--db", db)

	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &top); err != nil {
		t.Fatalf("kpi --json: %v\n%s", err, r.stdout)
	}
	if got, want := objectKeys(t, []byte(r.stdout)), []string{"quarter", "unit", "kpis"}; !slices.Equal(got, want) {
		t.Errorf("top-level keys = %v, want %v", got, want)
	}
	if got := string(top["unit"]); got != "null" {
		t.Errorf("unit = %s, want null", got)
	}
	var kpis []json.RawMessage
	if err := json.Unmarshal(top["kpis"], &kpis); err != nil || len(kpis) == 0 {
		t.Fatalf("kpis = %s (%v), want a non-empty array", top["kpis"], err)
	}
	wantKeys := []string{"id", "value", "unit", "target", "comparison", "met", "n"}
	for i, k := range kpis {
		if got := objectKeys(t, k); !slices.Equal(got, wantKeys) {
			t.Errorf("kpis[%d] keys = %v, want %v", i, got, wantKeys)
		}
	}

	out := decodeKPIs(t, r.stdout)
	if out.Quarter != "2026Q1" {
		t.Errorf("quarter = %q, want 2026Q1", out.Quarter)
	}
	asa := out.KPIs[0]
	if asa.ID != "phone.asa_s" {
		t.Fatalf("first KPI = %s, want phone.asa_s", asa.ID)
	}
	switch {
	case asa.Value == nil || *asa.Value != 47:
		t.Errorf("phone.asa_s value = %v, want 47", deref(asa.Value))
	case asa.Unit != "s":
		t.Errorf("phone.asa_s unit = %q, want s", asa.Unit)
	case asa.Target == nil || *asa.Target != 60:
		t.Errorf("phone.asa_s target = %v, want 60", deref(asa.Target))
	case asa.Comparison == nil || *asa.Comparison != "<=":
		t.Errorf("phone.asa_s comparison = %v, want <=", asa.Comparison)
	case asa.Met == nil || !*asa.Met:
		t.Errorf("phone.asa_s met = %v, want true", asa.Met)
	case asa.N != 5:
		t.Errorf("phone.asa_s n = %d, want 5", asa.N)
	}
	if got := out.value(t, "phone.offered"); got != 8 {
		t.Errorf("phone.offered = %v, want 8", got)
	}
}

func TestKPITable(t *testing.T) {
	db := handDB(t)
	tests := []struct {
		quarter string
		line    []string // what the phone.asa_s line must show
	}{
		{"2026Q1", []string{"47.0 s", "<= 60.0 s", "yes", " 5"}},
		{"2026Q2", []string{"500.0 s", "NO", " 1"}},
		{"2026Q3", []string{"–", " 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.quarter, func(t *testing.T) {
			r := mustRun(t, "--db", db, "kpi", "--quarter", tt.quarter)
			if !strings.Contains(r.stdout, tt.quarter) {
				t.Errorf("table does not name %s:\n%s", tt.quarter, r.stdout)
			}
			line := lineWith(r.stdout, "phone.asa_s")
			for _, want := range tt.line {
				if !strings.Contains(line, want) {
					t.Errorf("phone.asa_s line %q lacks %q", line, want)
				}
			}
		})
	}
}

// lineWith returns the first line of text that contains s.
func lineWith(text, s string) string {
	for line := range strings.Lines(text) {
		if strings.Contains(line, s) {
			return strings.TrimRight(line, "\n")
		}
	}
	return ""
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
