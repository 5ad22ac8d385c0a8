package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"slakpi"
	"slakpi/pipeline/cli"
	"slakpi/pipeline/store"
)

// holdDBEnv makes the test binary a helper process that holds a database
// open until its stdin closes, standing in for a second slakpi command.
const holdDBEnv = "SLAKPI_TEST_HOLD_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(holdDBEnv); path != "" {
		os.Exit(holdDB(path))
	}
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// holdDB opens the database at path, says "ready" on stdout and keeps it
// open until stdin reaches its end.
func holdDB(path string) int {
	s, err := store.Open(context.Background(), path, slakpi.SQL, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

// startHolder starts a second process holding the database at path and
// returns once it has the file open; the returned func lets it go.
func startHolder(t *testing.T, path string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), holdDBEnv+"="+path)
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
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("holder process: %v", err)
		}
	}
	t.Cleanup(release)
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("holder process said %q (%v), want ready", line, err)
	}
	return release
}

// result is what one slakpi invocation gave back.
type result struct {
	code           int
	stdout, stderr string
}

// firstLine is the first line of stderr: the error message itself.
func (r result) firstLine() string {
	line, _, _ := strings.Cut(r.stderr, "\n")
	return line
}

// run runs the command line in-process, as a user would from a shell.
func run(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(t.Context(), args, strings.NewReader(""), &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// mustRun runs slakpi and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("slakpi %s: exit %d\nstderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// writeFile writes lines to dir/name and returns its path.
func writeFile(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
