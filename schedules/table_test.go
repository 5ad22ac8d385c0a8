package schedules

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"

	"slakpi"
)

func TestLoadTableDefault(t *testing.T) {
	tab, err := LoadTable(slakpi.Schedules, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []JobSpec{
		{Name: JobIngest, Cron: "0 2 * * *"},
		{Name: JobPayrollCheck, Rule: RuleBeforePayDate, Days: 2, At: "07:00"},
		{Name: JobQuarterlyReport, Rule: RuleAfterQuarter, At: "06:00"},
		{Name: JobFollowupReport, Rule: RuleFirstOfMonth, At: "06:30"},
	}
	if d := diff(want, tab.Jobs); d != "" {
		t.Error(d)
	}
}

func TestLoadTableOverride(t *testing.T) {
	over := []byte(`jobs:
  - name: ingest
    cron: "30 1 * * 1-5"
  - name: followup-report
    rule: first-working-day-of-month
    at: "08:00"
    disabled: true
`)
	tab, err := LoadTable(slakpi.Schedules, over)
	if err != nil {
		t.Fatal(err)
	}
	if j := tab.Jobs[0]; j.Cron != "30 1 * * 1-5" {
		t.Errorf("ingest = %+v, want the override's cron line", j)
	}
	if j := tab.Jobs[3]; j.At != "08:00" || !j.Disabled {
		t.Errorf("followup-report = %+v, want the override's whole spec", j)
	}
	if j := tab.Jobs[1]; j.Days != 2 {
		t.Errorf("payroll-check = %+v, want the default", j)
	}
	cal, pay := testCalendars(t, "")
	s, err := New(tab, cal, pay)
	if err != nil {
		t.Fatal(err)
	}
	if s.Has(JobFollowupReport) || len(s.Jobs()) != 3 {
		t.Errorf("jobs = %v, want followup-report disabled", s.Jobs())
	}
}

func TestLoadTableOverrideFromConfig(t *testing.T) {
	// A configuration file holding the override under schedule.jobs.
	var cfg struct {
		Schedule struct {
			Jobs yaml.RawMessage `yaml:"jobs"`
		} `yaml:"schedule"`
	}
	doc := "schedule:\n  jobs:\n    - name: ingest\n      cron: \"15 3 * * *\"\n"
	if err := yaml.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatal(err)
	}
	tab, err := LoadTable(slakpi.Schedules, cfg.Schedule.Jobs)
	if err != nil {
		t.Fatal(err)
	}
	if j := tab.Jobs[0]; j.Cron != "15 3 * * *" || len(tab.Jobs) != 4 {
		t.Errorf("jobs = %+v, want ingest at 03:15 and the other three", tab.Jobs)
	}
}

func TestLoadTableErrors(t *testing.T) {
	tests := []struct{ name, table, want string }{
		{"unknown job", `{name: nightly, cron: "0 2 * * *"}`, `job "nightly": unknown job`},
		{"unknown rule", `{name: payroll-check, rule: before-pay-day, at: "07:00"}`, `unknown rule "before-pay-day"`},
		{"cron and rule", `{name: ingest, cron: "0 2 * * *", rule: first-working-day-of-month}`, "either cron or rule"},
		{"neither", `{name: ingest}`, "give a cron line or a rule"},
		{"bad cron", `{name: ingest, cron: "0 25 * * *"}`, `cron "0 25 * * *"`},
		{"seconds", `{name: ingest, cron: "0 0 2 * * *"}`, `cron "0 0 2 * * *"`},
		{"every", `{name: ingest, cron: "@every 1h"}`, "@every"},
		{"never", `{name: ingest, cron: "0 2 30 2 *"}`, "never fires"},
		{"at on cron", `{name: ingest, cron: "0 2 * * *", at: "02:00"}`, "belong to a calendar rule"},
		{"no at", `{name: quarterly-report, rule: first-working-day-after-quarter}`, "needs at"},
		{"bad at", `{name: quarterly-report, rule: first-working-day-after-quarter, at: "6"}`, `at "6": want HH:MM`},
		{"days elsewhere", `{name: quarterly-report, rule: first-working-day-after-quarter, at: "06:00", days: 1}`, "days belongs to"},
		{"too many days", `{name: payroll-check, rule: working-days-before-pay-date, at: "07:00", days: 40}`, "days 40"},
		{"unknown key", `{name: ingest, cron: "0 2 * * *", when: nightly}`, "when"},
		{"twice", `{name: ingest, cron: "0 2 * * *"}, {name: ingest, cron: "0 3 * * *"}`, "listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTable(slakpi.Schedules, []byte("jobs: ["+tt.table+"]"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestLoadTableMissingJob(t *testing.T) {
	fsys := fstest.MapFS{"jobs.yaml": {Data: []byte("jobs:\n  - {name: ingest, cron: \"0 2 * * *\"}\n")}}
	_, err := LoadTable(fsys, nil)
	if err == nil || !strings.Contains(err.Error(), `job "payroll-check" is missing`) {
		t.Errorf("err = %v, want payroll-check missing", err)
	}
}
