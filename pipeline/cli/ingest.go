package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"slakpi/pipeline/ingest"
)

// source is one `ingest` subcommand: the formats it reads and how a file's
// format is chosen when --format is not given.
type source struct {
	flag    string // the option naming the format: format, or kind
	formats []string
	guess   func(path string) string
}

var sources = map[string]source{
	"phone": {flag: "format", formats: []string{ingest.QueueLog, ingest.CallsCSV},
		guess: func(p string) string {
			if strings.EqualFold(filepath.Ext(p), ".csv") {
				return ingest.CallsCSV
			}
			return ingest.QueueLog
		}},
	"cases": {flag: "format", formats: []string{ingest.TopdeskJSON, ingest.CasesCSV, ingest.CasesXLSX, ingest.CaseHistoryCSV},
		guess: func(p string) string {
			switch strings.ToLower(filepath.Ext(p)) {
			case ".xlsx":
				return ingest.CasesXLSX
			case ".csv":
				return ingest.CasesCSV
			}
			return ingest.TopdeskJSON
		}},
	"units": {flag: "format", formats: []string{ingest.Units}, guess: func(string) string { return ingest.Units }},
	"followup": {flag: "kind", formats: []string{ingest.Absences, ingest.NavRefunds, ingest.Contracts, ingest.FormsInFlow},
		guess: func(p string) string {
			name := strings.ToLower(filepath.Base(p))
			switch {
			case strings.Contains(name, "absence") || strings.Contains(name, "fravær") || strings.Contains(name, "fravaer"):
				return ingest.Absences
			case strings.Contains(name, "refu"):
				return ingest.NavRefunds
			case strings.Contains(name, "contract") || strings.Contains(name, "kontrakt"):
				return ingest.Contracts
			case strings.Contains(name, "form") || strings.Contains(name, "skjema"):
				return ingest.FormsInFlow
			}
			return ""
		}},
	"payroll": {flag: "kind", formats: []string{ingest.PayLines, ingest.Employees, ingest.TravelClaims},
		guess: func(p string) string {
			name := strings.ToLower(filepath.Base(p))
			switch {
			case strings.Contains(name, "employee") || strings.Contains(name, "ansatt"):
				return ingest.Employees
			case strings.Contains(name, "travel") || strings.Contains(name, "reise"):
				return ingest.TravelClaims
			}
			return ingest.PayLines
		}},
}

func (a *app) ingest(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: ingest what? phone, cases, units, payroll or followup", errUsage)
	}
	src, ok := sources[args[0]]
	if !ok {
		return fmt.Errorf("%w: ingest %q: want phone, cases, units, payroll or followup", errUsage, args[0])
	}
	name := "ingest " + args[0]
	fs := a.flags(name)
	format := fs.String(src.flag, "", strings.Join(src.formats, "|")+" (default: by file name)")
	if err := parseAll(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: %s: no files given", errUsage, name)
	}
	if *format != "" && !slices.Contains(src.formats, *format) {
		return fmt.Errorf("%s: unknown %s %q: want %s", name, src.flag, *format, strings.Join(src.formats, ", "))
	}
	s, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	l := &ingest.Loader{Store: s, Config: a.cfg, Stderr: a.stderr, Terminal: a.stderrIsTerminal()}
	failed := 0
	groups := groupByFormat(fs.Args(), *format, src.guess)
	for _, g := range groups {
		if g.format == "" {
			return fmt.Errorf("%w: %s: cannot tell what %s holds from its name: give --%s %s",
				errUsage, name, g.paths[0], src.flag, strings.Join(src.formats, "|"))
		}
	}
	for _, group := range groups {
		if _, err := l.Load(ctx, group.format, group.paths); err != nil {
			var batch *ingest.BatchError
			if !errors.As(err, &batch) {
				return err
			}
			failed += len(batch.Errs)
		}
	}
	if failed > 0 {
		// Each file's trouble is on stderr already; end with the count.
		return fmt.Errorf("%s: %d of %d files not loaded", name, failed, fs.NArg())
	}
	return nil
}

type formatGroup struct {
	format string
	paths  []string
}

// groupByFormat keeps the files' order within each format.
func groupByFormat(paths []string, format string, guess func(string) string) []formatGroup {
	var groups []formatGroup
	for _, p := range paths {
		f := format
		if f == "" {
			f = guess(p) // "" when the name says nothing: Load names the file
		}
		i := slices.IndexFunc(groups, func(g formatGroup) bool { return g.format == f })
		if i < 0 {
			groups, i = append(groups, formatGroup{format: f}), len(groups)
		}
		groups[i].paths = append(groups[i].paths, p)
	}
	return groups
}
