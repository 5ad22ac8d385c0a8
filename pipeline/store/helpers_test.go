package store_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"slakpi"
	"slakpi/pipeline/store"
)

// holdEnv names the database a re-executed test binary holds open: the
// lock DuckDB takes is per process, so only another process can meet it.
const holdEnv = "SLAKPI_TEST_HOLD"

func TestMain(m *testing.M) {
	if p := os.Getenv(holdEnv); p != "" {
		os.Exit(hold(p))
	}
	os.Exit(m.Run())
}

// hold opens the database at path, writes holderRows settings, says
// "ready" and keeps the database open until stdin closes.
func hold(path string) int {
	ctx := context.Background()
	s, err := store.Open(ctx, path, slakpi.SQL, store.Options{})
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer s.Close()
	for i := range holderRows {
		if _, err := s.DB.ExecContext(ctx, `INSERT INTO settings VALUES (?, 'x')`, fmt.Sprintf("held-%d", i)); err != nil {
			fmt.Println(err)
			return 1
		}
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

const holderRows = 3

// holder is another process holding a database open.
type holder struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	once  sync.Once
}

// startHolder starts a process that holds path open and returns once it
// has the lock.
func startHolder(t *testing.T, path string) *holder {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &holder{cmd: cmd, stdin: stdin}
	t.Cleanup(func() { h.release(t) })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "ready\n" {
		t.Fatalf("holder said %q (%v), want ready", line, err)
	}
	return h
}

// release lets the holder close the database and waits until it has exited.
func (h *holder) release(t *testing.T) {
	h.once.Do(func() {
		h.stdin.Close()
		if err := h.cmd.Wait(); err != nil {
			t.Errorf("holder: %v", err)
		}
	})
}

// open opens the database at path with the embedded SQL.
func open(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dbPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "t.duckdb")
}

// diff says how got differs from want, in (-want +got) form; "" when equal.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return fmt.Sprintf("(-want +got):\n-%+v\n+%+v", want, got)
}
