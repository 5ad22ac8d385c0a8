package schedules

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, body string, modTime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, modTime, modTime); err != nil {
		t.Fatal(err)
	}
}

func TestReady(t *testing.T) {
	f := Folders{Root: t.TempDir(), Settle: 2 * time.Minute}
	now := osloTime(t, "2026-12-10 02:00")
	old, fresh := now.Add(-time.Hour), now.Add(-30*time.Second)
	in := f.Inbox("phone")
	for name, mod := range map[string]time.Time{
		"b-settled.csv":      old,   // unmodified long enough
		"a-copying.csv":      fresh, // still being written
		"c-marked.csv":       fresh, // fresh, but its sender says it is done
		"c-marked.csv.done":  fresh,
		".hidden.csv":        old,
		"d-upload.csv.part":  old,
		"~$open.xlsx":        old,
		"e.csv.why.txt":      old,
		"orphan-marker.done": old,
	} {
		writeFile(t, filepath.Join(in, name), "x", mod)
	}
	if err := os.Mkdir(filepath.Join(in, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := f.Ready(context.Background(), "phone", now)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(in, "b-settled.csv"), filepath.Join(in, "c-marked.csv")}
	if d := diff(want, got); d != "" {
		t.Error(d)
	}
	if got, err := f.Ready(context.Background(), "cases", now); got != nil || err != nil {
		t.Errorf("an inbox not made yet: %v, %v; want nothing", got, err)
	}
	if _, err := f.Ready(context.Background(), "../phone", now); err == nil {
		t.Error("a source climbing out of the inbox was accepted")
	}
}

func TestArchiveAndReject(t *testing.T) {
	ctx := context.Background()
	f := Folders{Root: t.TempDir()}
	if err := f.Prepare(ctx, "phone", "cases"); err != nil {
		t.Fatal(err)
	}
	day := osloTime(t, "2026-12-10 02:00")
	src := filepath.Join(f.Inbox("phone"), "queue_log")
	for i := range 2 { // the same name twice: the second is numbered
		writeFile(t, src, "log", day)
		writeFile(t, src+".done", "", day)
		dst, err := f.Archive(ctx, "phone", src, day)
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(f.Root, "archive", "phone", "2026-12-10", []string{"queue_log", "queue_log-2"}[i])
		if dst != want {
			t.Errorf("archived to %s, want %s", dst, want)
		}
		if exists(src) || exists(src+".done") {
			t.Error("file or marker left in the inbox")
		}
	}

	bad := filepath.Join(f.Inbox("cases"), "export.json")
	writeFile(t, bad, "{", day)
	dst, err := f.Reject(ctx, "cases", bad, "export.json:1: unexpected end of JSON input\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(f.Root, "rejected", "cases", "export.json"); dst != want {
		t.Errorf("rejected to %s, want %s", dst, want)
	}
	why, err := os.ReadFile(dst + ".why.txt")
	if err != nil || string(why) != "export.json:1: unexpected end of JSON input\n" {
		t.Errorf("why = %q, %v", why, err)
	}
}

func TestOutboxAndManifest(t *testing.T) {
	ctx := context.Background()
	f := Folders{Root: t.TempDir()}
	tests := map[string]string{"194.66.10": "194_66_10", "../../etc": "______etc", "HR-ØK": "HR-ØK"}
	for unit, want := range tests {
		dir, err := f.Outbox(ctx, unit)
		if err != nil {
			t.Fatal(err)
		}
		if dir != filepath.Join(f.Root, "outbox", want) {
			t.Errorf("Outbox(%q) = %s, want outbox/%s", unit, dir, want)
		}
	}
	if _, err := f.Outbox(ctx, ""); err == nil {
		t.Error("an empty unit code was accepted")
	}

	dir, _ := f.Outbox(ctx, "194.66.10")
	book := filepath.Join(dir, "statusmote-194_66_10-2026Q4.xlsx")
	writeFile(t, book, "workbook bytes", time.Now())
	at := osloTime(t, "2027-01-04 06:00")
	path, err := WriteManifest(ctx, dir, Manifest{Unit: "194.66.10", Job: JobQuarterlyReport, Period: "2026Q4", GeneratedAt: at}, book)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("workbook bytes"))
	want := []ManifestFile{{Name: filepath.Base(book), Size: 14, SHA256: hex.EncodeToString(sum[:])}}
	if d := diff(want, m.Files); d != "" || m.Unit != "194.66.10" || !m.GeneratedAt.Equal(at) {
		t.Errorf("manifest %s %v: files %s", m.Unit, m.GeneratedAt, d)
	}
	if !strings.Contains(string(b), `"generated_at": "2027-01-04T06:00:00+01:00"`) {
		t.Errorf("manifest:\n%s", b)
	}
	if _, err := WriteManifest(ctx, dir, Manifest{}, filepath.Join(f.Root, "elsewhere.xlsx")); err == nil {
		t.Error("a file outside the folder was listed")
	}
}
