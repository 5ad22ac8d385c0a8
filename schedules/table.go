// Package schedules runs slakpi's jobs on their schedule (SPEC §8): the job
// table (jobs.yaml, embedded as slakpi.Schedules), the dates it names,
// computed from the calendars in Europe/Oslo, a daemon that runs one job at
// a time under the database lock and catches up runs missed while it was
// down, and the inbox, archive, rejected and outbox folders the jobs use.
package schedules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/robfig/cron/v3"
)

// The jobs of SPEC §8; a table names each once and no others.
const (
	JobIngest          = "ingest"
	JobPayrollCheck    = "payroll-check"
	JobQuarterlyReport = "quarterly-report"
	JobFollowupReport  = "followup-report"
)

// jobNames lists the jobs in the order of the default table; read only.
var jobNames = []string{JobIngest, JobPayrollCheck, JobQuarterlyReport, JobFollowupReport}

// The calendar rules a job may name instead of a cron line.
const (
	// RuleBeforePayDate runs Days working days before each main run's pay date.
	RuleBeforePayDate = "working-days-before-pay-date"
	// RuleAfterQuarter runs on the first working day after each quarter.
	RuleAfterQuarter = "first-working-day-after-quarter"
	// RuleFirstOfMonth runs on the first working day of each month.
	RuleFirstOfMonth = "first-working-day-of-month"
)

const (
	tableFile            = "jobs.yaml"
	maxDaysBeforePayDate = 20
	cronFields           = cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor
)

var rules = []string{RuleBeforePayDate, RuleAfterQuarter, RuleFirstOfMonth}

// Table is the job table.
type Table struct {
	Jobs []JobSpec `yaml:"jobs"`
}

// JobSpec is one job's schedule: a cron line (five fields, Europe/Oslo), or
// a calendar rule with its time of day.
type JobSpec struct {
	Name     string `yaml:"name"`
	Cron     string `yaml:"cron,omitempty"`
	Rule     string `yaml:"rule,omitempty"`
	Days     int    `yaml:"days,omitempty"` // for working-days-before-pay-date
	At       string `yaml:"at,omitempty"`   // "HH:MM", local time, for a rule
	Disabled bool   `yaml:"disabled,omitempty"`
}

// LoadTable reads jobs.yaml from fsys (slakpi.Schedules in production) and
// lays override on top: YAML of the same shape ({jobs: [...]}), or the list
// of jobs alone (what a config file's `jobs:` key holds, read as a
// yaml.RawMessage). A job named in override replaces the default's spec
// whole. Both must name only the four jobs of SPEC §8, each once. An empty
// override changes nothing.
func LoadTable(fsys fs.FS, override []byte) (*Table, error) {
	b, err := fs.ReadFile(fsys, tableFile)
	if err != nil {
		return nil, fmt.Errorf("job table: %w", err)
	}
	t, err := parseTable(b, tableFile)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(override)) > 0 {
		over, err := parseTable(override, "override")
		if err != nil {
			return nil, err
		}
		for _, o := range over.Jobs {
			i := slices.IndexFunc(t.Jobs, func(j JobSpec) bool { return j.Name == o.Name })
			if i < 0 {
				t.Jobs = append(t.Jobs, o)
			} else {
				t.Jobs[i] = o
			}
		}
	}
	for _, name := range jobNames {
		if !slices.ContainsFunc(t.Jobs, func(j JobSpec) bool { return j.Name == name }) {
			return nil, fmt.Errorf("job table: job %q is missing", name)
		}
	}
	return t, nil
}

func parseTable(b []byte, name string) (*Table, error) {
	var t Table
	var into any = &t
	var shape any
	if yaml.Unmarshal(b, &shape) == nil {
		if _, list := shape.([]any); list {
			into = &t.Jobs
		}
	}
	err := yaml.NewDecoder(bytes.NewReader(b), yaml.Strict()).Decode(into)
	if err != nil && !errors.Is(err, io.EOF) {
		msg := strings.Join(strings.Fields(yaml.FormatError(err, false, false)), " ")
		return nil, fmt.Errorf("job table %s: %s", name, msg)
	}
	seen := map[string]bool{}
	for _, j := range t.Jobs {
		if seen[j.Name] {
			return nil, fmt.Errorf("job table %s: job %q listed twice", name, j.Name)
		}
		seen[j.Name] = true
		if err := j.validate(); err != nil {
			return nil, fmt.Errorf("job table %s: job %q: %w", name, j.Name, err)
		}
	}
	return &t, nil
}

func (j JobSpec) validate() error {
	if !slices.Contains(jobNames, j.Name) {
		return fmt.Errorf("unknown job: want one of %s", strings.Join(jobNames, ", "))
	}
	switch {
	case j.Cron != "" && j.Rule != "":
		return errors.New("give either cron or rule, not both")
	case j.Cron != "":
		if j.At != "" || j.Days != 0 {
			return errors.New("at and days belong to a calendar rule, not a cron line")
		}
		spec, err := parseCron(j.Cron, time.UTC)
		if err == nil && newCronTable(spec).Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
			err = fmt.Errorf("cron %q never fires", j.Cron)
		}
		return err
	case j.Rule == "":
		return errors.New("give a cron line or a rule")
	case !slices.Contains(rules, j.Rule):
		return fmt.Errorf("unknown rule %q: want one of %s", j.Rule, strings.Join(rules, ", "))
	case j.Rule != RuleBeforePayDate && j.Days != 0:
		return fmt.Errorf("days belongs to %s only", RuleBeforePayDate)
	case j.Days < 0 || j.Days > maxDaysBeforePayDate:
		return fmt.Errorf("days %d: want 0 to %d", j.Days, maxDaysBeforePayDate)
	case j.At == "":
		return errors.New(`a calendar rule needs at: "HH:MM"`)
	}
	_, err := timeOfDay(j.At)
	return err
}

// parseCron reads a five-field cron line (or a descriptor like @daily)
// applied in loc, unless the line names its own CRON_TZ.
func parseCron(line string, loc *time.Location) (*cron.SpecSchedule, error) {
	s, err := cron.NewParser(cronFields).Parse(line)
	if err != nil {
		return nil, fmt.Errorf("cron %q: %w", line, err)
	}
	spec, ok := s.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("cron %q: @every is not tied to the clock; give a cron line", line)
	}
	if spec.Location == time.Local {
		spec.Location = loc
	}
	return spec, nil
}

// timeOfDay reads "HH:MM" as an offset from midnight.
func timeOfDay(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("at %q: want HH:MM", s)
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}
