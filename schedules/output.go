package schedules

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
)

// WriteRuns prints runs for `schedule --list`: as JSON, one run per line,
// [{"job": "payroll-check", "at": "2026-12-09T07:00:00+01:00"}, …] (SPEC
// §8); or as text, one line per run with the date it serves.
func WriteRuns(w io.Writer, runs []Run, asJSON bool) error {
	if asJSON {
		return writeRunsJSON(w, runs)
	}
	for _, r := range runs {
		if _, err := fmt.Fprintf(w, "%s  %-16s  %s\n", r.At.Format("Mon 2006-01-02 15:04 MST"), r.Job, serves(r)); err != nil {
			return err
		}
	}
	return nil
}

func writeRunsJSON(w io.Writer, runs []Run) error {
	if len(runs) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, r := range runs {
		job, _ := json.Marshal(r.Job) // a string marshals
		fmt.Fprintf(&b, "  {\"job\": %s, \"at\": \"%s\"}", job, r.At.Format(time.RFC3339))
		if i < len(runs)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// serves says in words which date a run serves.
func serves(r Run) string {
	if r.For.IsZero() {
		return ""
	}
	switch r.Job {
	case JobPayrollCheck:
		return "pay date " + r.For.Format(time.DateOnly)
	case JobQuarterlyReport:
		return fmt.Sprintf("%dQ%d", r.For.Year(), (int(r.For.Month())+2)/3)
	}
	return r.For.Format("2006-01")
}

// NewLogger makes the daemon's structured logger writing to w, in format
// "text" (key=value) or "json" (one object a line).
func NewLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}
