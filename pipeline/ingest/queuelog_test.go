package ingest_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

const at = "2026-01-14 10:00:00"

func TestQueueLogRejects(t *testing.T) {
	good1 := ql(at, "c.1|lonn|NONE|RINGNOANSWER|1000")
	good3 := ql(at, "c.3|lonn|NONE|RINGNOANSWER|1000")
	for _, tc := range []struct {
		name   string
		file   string         // whole file
		want   []store.Reject // Line and Reason
		loaded []string       // lines in raw_queue_log
	}{
		{"four fields", lines(good1, ql(at, "c.2|lonn|NONE"), good3),
			line2("4 fields, want at least 5 (epoch|callid|queue|agent|event)"), []string{"1", "3"}},
		{"epoch a word", lines(good1, "soon|c.2|lonn|NONE|ENTERQUEUE", good3),
			line2(`timestamp "soon": want epoch seconds`), []string{"1", "3"}},
		{"epoch NaN", lines(good1, "NaN|c.2|lonn|NONE|ENTERQUEUE", good3),
			line2(`timestamp "NaN": want epoch seconds`), []string{"1", "3"}},
		{"epoch Inf", lines(good1, "Inf|c.2|lonn|NONE|ENTERQUEUE", good3),
			line2(`timestamp "Inf": want epoch seconds`), []string{"1", "3"}},
		{"epoch negative", lines(good1, "-5|c.2|lonn|NONE|ENTERQUEUE", good3),
			line2(`timestamp "-5": want epoch seconds`), []string{"1", "3"}},
		{"epoch past year 9999", lines(good1, "99999999999999999|c.2|lonn|NONE|ENTERQUEUE", good3),
			line2(`timestamp "99999999999999999": want epoch seconds`), []string{"1", "3"}},
		{"empty callid", lines(good1, ql(at, "|lonn|NONE|ENTERQUEUE||+4773000001|1"), good3),
			line2("empty callid or event"), []string{"1", "3"}},
		{"empty event", lines(good1, ql(at, "c.2|lonn|NONE||x"), good3),
			line2("empty callid or event"), []string{"1", "3"}},
		{"ABANDON wait a word", lines(good1, ql(at, "c.2|lonn|NONE|ABANDON|1|1|abc"), good3),
			line2(`ABANDON wait field: "abc" is not a whole number of seconds`), []string{"1", "3"}},
		{"COMPLETECALLER talk negative", lines(good1, ql(at, "c.2|lonn|A|COMPLETECALLER|10|-5|1"), good3),
			line2(`COMPLETECALLER talk field: "-5" is not a whole number of seconds`), []string{"1", "3"}},
		{"not UTF-8", lines(good1, ql(at, "c.2|l\xf8nn|NONE|ENTERQUEUE"), good3),
			line2("not UTF-8 text"), []string{"1", "3"}},
		{"long line cut inside a character", lines(good1, ql(at, "c.2|"+strings.Repeat("ø", 300)), good3),
			line2("3 fields, want at least 5 (epoch|callid|queue|agent|event)"), []string{"1", "3"}},
		{"line over 1 MiB", lines(good1, ql(at, "c.2|lonn|NONE|DID|"+strings.Repeat("x", 1<<20)), good3),
			line2("line longer than 1 MiB"), []string{"1", "3"}},
		{"long last line without newline", lines(good1, good3) + ql(at, "c.2|lonn|NONE|DID|"+strings.Repeat("x", 1<<20)),
			[]store.Reject{{Line: 3, Reason: "line longer than 1 MiB"}}, []string{"1", "2"}},
		{"blank line", lines(good1, "", good3), nil, []string{"1", "3"}},
		{"CRLF endings", good1 + "\r\n" + ql(at, "c.2|lonn|NONE|RINGNOANSWER|1000") + "\r\n" + good3 + "\r\n",
			nil, []string{"1", "2", "3"}},
		{"last line without newline", lines(good1) + good3, nil, []string{"1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.Ingest.RejectLimit = 1 // keep every file, to see each reason
			res := e.mustLoad(ingest.QueueLog, e.writeFile("queue_log", []byte(tc.file)))
			var got []store.Reject
			for _, r := range res[0].Rejects {
				got = append(got, store.Reject{Line: r.Line, Reason: r.Reason})
			}
			if d := diff(tc.want, got); d != "" {
				t.Errorf("rejects %s", d)
			}
			if d := diff(tc.loaded, e.texts(`SELECT line::VARCHAR FROM raw_queue_log ORDER BY line`)); d != "" {
				t.Errorf("loaded lines %s", d)
			}
			if n := e.count(`SELECT count(*) FROM raw_queue_log WHERE concat(callid, queue, agent, event, data) LIKE '%' || chr(13) || '%'`); n != 0 {
				t.Errorf("%d rows keep a carriage return", n)
			}
		})
	}
}

// line2 is the one reject of a file whose line 2 is bad.
func line2(reason string) []store.Reject {
	return []store.Reject{{Line: 2, Reason: reason}}
}

// lines joins ls, each ended by "\n".
func lines(ls ...string) string {
	return strings.Join(ls, "\n") + "\n"
}

func TestQueueLogWaitAndTalkFields(t *testing.T) {
	for _, tc := range []struct {
		rest       string
		wait, talk string // as stored; NULL where the layout lacks the field
	}{
		{"ENTERQUEUE||+4773000008", "NULL", "NULL"}, // 1.4: no position
		{"CONNECT|20|c.2|4", "20", "NULL"},
		{"CONNECT||c.2", "NULL", "NULL"},
		{"COMPLETECALLER|30|120|1", "30", "120"},
		{"COMPLETECALLER|25", "25", "NULL"},
		{"COMPLETEAGENT|20|60|1", "20", "60"},
		{"ABANDON|1|1|45", "45", "NULL"},
		{"ABANDON|1|1", "NULL", "NULL"},
		{"EXITWITHTIMEOUT|1", "NULL", "NULL"}, // 1.4: position only
		{"EXITWITHTIMEOUT|1|1|60", "60", "NULL"},
		{"EXITEMPTY|1|1|12", "12", "NULL"},
		{"EXITWITHKEY|5|1", "NULL", "NULL"}, // 1.4: key and position
		{"EXITWITHKEY|5|1|1|40", "40", "NULL"},
		{"TRANSFER|200|from-queue|10|50|1", "10", "50"},
		{"TRANSFER|200|from-queue", "NULL", "NULL"},
		{"BLINDTRANSFER|200|from-queue|10|50|1", "10", "50"},
		{"ATTENDEDTRANSFER|BRIDGE|b-1|10|50|1", "10", "50"},
		{"RINGNOANSWER|15000", "NULL", "NULL"},
	} {
		t.Run(tc.rest, func(t *testing.T) {
			e := newEnv(t)
			e.mustLoad(ingest.QueueLog, e.file("queue_log", ql(at, "c.1|lonn|PJSIP/lonn-01|"+tc.rest)))
			got := e.texts(`SELECT coalesce(wait_s::VARCHAR, 'NULL') || ' ' || coalesce(talk_s::VARCHAR, 'NULL') FROM raw_queue_log`)
			if d := diff([]string{tc.wait + " " + tc.talk}, got); d != "" {
				t.Errorf("wait talk %s", d)
			}
		})
	}
}

func TestCallerNumbersAreNeverStored(t *testing.T) {
	e := newEnv(t)
	a := e.file("queue_log.1",
		ql(at, "c.1|lonn|NONE|ENTERQUEUE||+4773000001|1"),
		ql(at, "c.2|lonn|NONE|ENTERQUEUE||+4773000002|2"))
	b := e.file("queue_log.2", ql("2026-01-15 10:00:00", "c.3|lonn|NONE|ENTERQUEUE||+4773000001|1"))
	e.mustLoad(ingest.QueueLog, a, b)

	for _, col := range e.texts(`SELECT column_name FROM information_schema.columns
		WHERE table_name = 'raw_queue_log' AND data_type = 'VARCHAR'`) {
		if n := e.count(fmt.Sprintf(`SELECT count(*) FROM raw_queue_log WHERE %s LIKE '%%7300000%%'`, col)); n != 0 {
			t.Errorf("raw_queue_log.%s holds a caller number in %d rows", col, n)
		}
	}
	hashes := e.texts(`SELECT caller_hash FROM raw_queue_log ORDER BY file_id, line`)
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, h := range hashes {
		if !hex32.MatchString(h) {
			t.Errorf("caller_hash %q: want 32 hex digits", h)
		}
	}
	if len(hashes) != 3 || hashes[0] != hashes[2] || hashes[0] == hashes[1] {
		t.Errorf("hashes %q: want the first and last equal (same number), the middle different", hashes)
	}
}

func TestCallerHashKeyFromEnvironment(t *testing.T) {
	e := newEnv(t)
	hashes := map[string]string{}
	for i, key := range []string{"key-one", "key-two"} {
		t.Setenv(e.cfg.Ingest.HashKeyEnv, key)
		// Each file has other bytes, or the second would be a duplicate.
		p := e.file(fmt.Sprintf("queue_log.%d", i), ql(at, fmt.Sprintf("c.%d|lonn|NONE|ENTERQUEUE||+4773000001|1", i)))
		e.mustLoad(ingest.QueueLog, p)
		hashes[key] = e.texts(`SELECT caller_hash FROM raw_queue_log WHERE callid = ?`, fmt.Sprintf("c.%d", i))[0]
	}
	// HMAC-SHA-256 of the number under the key, first 16 bytes in hex.
	want := map[string]string{}
	for _, key := range []string{"key-one", "key-two"} {
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte("+4773000001"))
		want[key] = hex.EncodeToString(m.Sum(nil)[:16])
	}
	if d := diff(want, hashes); d != "" {
		t.Errorf("hash per key %s", d)
	}
	if hashes["key-one"] == hashes["key-two"] {
		t.Error("two keys gave the same hash")
	}
}

func TestHousekeepingLinesAreKept(t *testing.T) {
	e := newEnv(t)
	events := []string{"QUEUESTART", "CONFIGRELOAD", "AGENTLOGIN", "ADDMEMBER", "PAUSE", "UNPAUSE", "PAUSEALL", "REMOVEMEMBER", "AGENTLOGOFF", "DID"}
	var ls []string
	for _, ev := range events {
		ls = append(ls, ql(at, "NONE|lonn|PJSIP/lonn-01|"+ev+"|"))
	}
	ls = append(ls, ql(at, "NONE|NONE|NONE|QUEUESTART")) // old logs end without a pipe
	res := e.mustLoad(ingest.QueueLog, e.file("queue_log", ls...))
	if res[0].Rows != 11 || len(res[0].Rejects) != 0 {
		t.Errorf("rows %d, rejects %v: want 11, none", res[0].Rows, res[0].Rejects)
	}
	want := append(events, "QUEUESTART")
	if d := diff(want, e.texts(`SELECT event FROM raw_queue_log ORDER BY line`)); d != "" {
		t.Errorf("events %s", d)
	}
}

func TestRejectedRowsHoldNoCallerNumber(t *testing.T) {
	for _, tc := range []struct {
		format, table string
		lines         []string
		rejects       int
	}{
		{ingest.QueueLog, "raw_queue_log", []string{
			ql(at, "c.1|lonn|NONE|ENTERQUEUE||+4773000001|1"),
			"soon|c.2|lonn|NONE|ENTERQUEUE||+4773000001|1",
			ql(at, "c.3|l\xf8nn|NONE|ENTERQUEUE||+4773000001|1"),
		}, 2},
		{ingest.CallsCSV, "raw_calls", []string{
			"call_id;entered_at;outcome;caller",
			"1;2026-01-14 10:05:00;answered;+4773000001",
			"2;2026-01-14 10:05:00;besvart;+4773000001",
			"3;2026-01-14 10:05:00;answered;+4773000001;l\xf8nn",
		}, 2},
	} {
		t.Run(tc.format, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.Ingest.RejectLimit = 1
			res := e.mustLoad(tc.format, e.file("in", tc.lines...))
			if len(res[0].Rejects) != tc.rejects {
				t.Errorf("%d rejects, want %d", len(res[0].Rejects), tc.rejects)
			}
			for _, table := range []string{tc.table, "quarantine"} {
				for _, col := range e.texts(`SELECT column_name FROM information_schema.columns
					WHERE table_name = ? AND data_type = 'VARCHAR'`, table) {
					if n := e.count(fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s LIKE '%%73000001%%'`, table, col)); n != 0 {
						t.Errorf("%s.%s holds the caller number in %d rows", table, col, n)
					}
				}
			}
		})
	}
}
