// Package checks runs the payroll-run rules of sql/checks/ (SPEC §5): one
// SQL file a rule, each returning its failing rows, stored per run as
// findings with fingerprints that acceptances follow from run to run.
package checks

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Rule is one file of sql/checks/ with its header:
//
//	-- id: main_salary_change
//	-- title.nb: Stor endring i fastlønn …
//	-- title.en: Large change in main salary …
//	-- severity: error
//	-- area: hovedlønn
//	-- threshold: warn_pct = 10
//	-- key: employment_id
//
// The query takes $run_id and each threshold by name, and returns the
// columns employee_id, employment_id, unit, detail and the key columns; a
// severity column, where present, overrides the header's per row. The key
// leaves the period out on purpose: the same problem next month has the
// same fingerprint, so an acceptance carries over while it recurs.
type Rule struct {
	ID         string
	Title      map[string]string // by language
	Severity   string            // error | warn
	Area       string
	Thresholds []Threshold
	Key        []string
	File       string
	Query      string
}

// Threshold is a named parameter of a rule with its default.
type Threshold struct {
	Name    string
	Default float64
}

var (
	severities = []string{"error", "warn"}
	areas      = []string{"hovedlønn", "tillegg", "reiser", "utlegg", "rapportering", "stamdata"}
)

// LoadRules reads and checks every sql/checks/*.sql, in name order, so a
// bad file fails before any rule runs.
func LoadRules(sqlFS fs.FS) ([]Rule, error) {
	names, err := fs.Glob(sqlFS, "checks/*.sql")
	if err != nil {
		return nil, err
	}
	var rules []Rule
	for _, n := range names {
		b, err := fs.ReadFile(sqlFS, n)
		if err != nil {
			return nil, err
		}
		r, err := parseRule(n, string(b))
		if err != nil {
			return nil, fmt.Errorf("check rules: %w", err)
		}
		rules = append(rules, r)
	}
	return rules, nil
}

func parseRule(file, body string) (Rule, error) {
	r := Rule{File: file, Query: body, Title: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "--") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "--")), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch key = strings.TrimSpace(key); {
		case key == "id":
			r.ID = val
		case strings.HasPrefix(key, "title."):
			r.Title[strings.TrimPrefix(key, "title.")] = val
		case key == "severity":
			r.Severity = val
		case key == "area":
			r.Area = val
		case key == "key":
			for _, k := range strings.Split(val, ",") {
				r.Key = append(r.Key, strings.TrimSpace(k))
			}
		case key == "threshold":
			name, def, ok := strings.Cut(val, "=")
			v, err := strconv.ParseFloat(strings.TrimSpace(def), 64)
			if !ok || err != nil {
				return r, fmt.Errorf("%s: threshold %q: want name = number", file, val)
			}
			r.Thresholds = append(r.Thresholds, Threshold{Name: strings.TrimSpace(name), Default: v})
		}
	}
	switch {
	case r.ID == "" || r.ID != strings.TrimSuffix(path.Base(file), ".sql"):
		return r, fmt.Errorf("%s: '-- id:' must name the file (%q)", file, r.ID)
	case r.Title["nb"] == "" || r.Title["en"] == "":
		return r, fmt.Errorf("%s: needs '-- title.nb:' and '-- title.en:'", file)
	case !slices.Contains(severities, r.Severity):
		return r, fmt.Errorf("%s: severity %q: want error or warn", file, r.Severity)
	case !slices.Contains(areas, r.Area):
		return r, fmt.Errorf("%s: area %q: want one of %s", file, r.Area, strings.Join(areas, ", "))
	case len(r.Key) == 0:
		return r, fmt.Errorf("%s: no '-- key:' columns for the fingerprint", file)
	}
	return r, nil
}
