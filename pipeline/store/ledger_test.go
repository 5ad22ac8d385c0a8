package store_test

import (
	"context"
	"testing"
	"time"

	"slakpi/pipeline/store"
)

func TestLoadedBefore(t *testing.T) {
	ctx := context.Background()
	s := open(t, dbPath(t))
	for _, f := range []store.FileRecord{
		{Path: "a", SHA256: "aaa", Kind: "queue_log", Status: "loaded", RowsAccepted: 10},
		{Path: "b", SHA256: "bbb", Kind: "queue_log", Status: "refused", RowsRejected: 5},
	} {
		id, err := store.NewFileID(ctx, s.DB)
		if err != nil {
			t.Fatal(err)
		}
		f.ID, f.LoadedAt = id, time.Now()
		if err := store.RecordFile(ctx, s.DB, f, []store.Reject{{Line: 1, Reason: "r", Raw: "x"}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, sha, kind string
		want            string // path of the earlier load; "" for none
	}{
		{"same content and kind", "aaa", "queue_log", "a"},
		{"same content, other kind", "aaa", "calls-csv", ""},
		{"refused content may load again", "bbb", "queue_log", ""},
		{"new content", "ccc", "queue_log", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := store.LoadedBefore(ctx, s.DB, tc.sha, tc.kind)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if r != nil {
				got = r.Path
			}
			if got != tc.want {
				t.Errorf("(-want +got):\n-%q\n+%q", tc.want, got)
			}
		})
	}
	files, err := s.Files(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path+" "+f.Status)
	}
	if d := diff([]string{"a loaded", "b refused"}, got); d != "" {
		t.Errorf("Files %s", d)
	}
}
