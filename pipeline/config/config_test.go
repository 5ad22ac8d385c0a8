package config_test

import (
	"fmt"
	"strings"
	"testing"

	"slakpi/pipeline/config"
)

// view is the part of a Config the tests compare, targets as text so a
// present-but-null target shows as "null".
type view struct {
	Timezone, Location                           string
	RejectLimit                                  float64
	HashKeyEnv                                   string
	PhoneHours, WorkHours, SummerHours           string
	SummerFrom, SummerTo                         string
	ClosedDays                                   []string
	ShortAbandonS, ServiceLevelS                 int
	Targets                                      map[string]string
	CallIDAliases, WaitAliases, ReducedDayPhones []string
}

func viewOf(c *config.Config) view {
	v := view{
		Timezone: c.Timezone, Location: c.Location.String(),
		RejectLimit: c.Ingest.RejectLimit, HashKeyEnv: c.Ingest.HashKeyEnv,
		PhoneHours: c.Calendar.PhoneHours, WorkHours: c.Calendar.WorkHours, SummerHours: c.Calendar.SummerHours,
		SummerFrom: c.Calendar.SummerFrom, SummerTo: c.Calendar.SummerTo, ClosedDays: c.Calendar.ClosedDays,
		ShortAbandonS: c.Phone.ShortAbandonS, ServiceLevelS: c.Phone.ServiceLevelS,
		Targets:       map[string]string{},
		CallIDAliases: c.Aliases["calls-csv"]["call_id"], WaitAliases: c.Aliases["calls-csv"]["wait_s"],
	}
	for id, t := range c.Targets {
		v.Targets[id] = "null"
		if t != nil {
			v.Targets[id] = fmt.Sprint(*t)
		}
	}
	for _, r := range c.Calendar.ReducedDays {
		v.ReducedDayPhones = append(v.ReducedDayPhones, r.Date+" "+r.Phone)
	}
	return v
}

// spec is SPEC.md's defaults (§1, §3, §4.1).
func spec() view {
	return view{
		Timezone: "Europe/Oslo", Location: "Europe/Oslo",
		RejectLimit: 0.01, HashKeyEnv: "SLAKPI_HASH_KEY",
		PhoneHours: "10:00-14:00", WorkHours: "08:00-15:45", SummerHours: "08:00-15:00",
		SummerFrom: "05-15", SummerTo: "09-14", ClosedDays: []string{},
		ShortAbandonS: 5, ServiceLevelS: 60,
		Targets:       map[string]string{"phone.asa_s": "60"},
		CallIDAliases: []string{"callid", "call id", "samtale_id"},
		WaitAliases:   []string{"wait", "ventetid", "wait_time"},
	}
}

func TestDefaultsAreTheSpec(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func() (*config.Config, error)
	}{
		{"Default", config.Default},
		{"Load without a file", func() (*config.Config, error) { return config.Load("") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.load()
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(spec(), viewOf(c)); d != "" {
				t.Errorf("defaults %s", d)
			}
		})
	}
}

func TestOverride(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		change     func(v *view) // from the spec's defaults
	}{
		{"empty file", "", func(*view) {}},
		{"comments only", "# nothing here\n", func(*view) {}},
		{"one scalar", "phone: {service_level_s: 30}\n", func(v *view) { v.ServiceLevelS = 30 }},
		{"one calendar key", "calendar:\n  phone_hours: \"09:00-15:00\"\n", func(v *view) { v.PhoneHours = "09:00-15:00" }},
		{"a list", "calendar: {closed_days: [\"2026-12-24\"], reduced_days: [{date: \"2026-12-23\", phone: \"10:00-12:00\"}]}\n",
			func(v *view) {
				v.ClosedDays = []string{"2026-12-24"}
				v.ReducedDayPhones = []string{"2026-12-23 10:00-12:00"}
			}},
		{"target null removes it", "targets: {phone.asa_s: null}\n", func(v *view) { delete(v.Targets, "phone.asa_s") }},
		{"target added keeps the others", "targets: {phone.abandon_rate: 0.05}\n",
			func(v *view) { v.Targets["phone.abandon_rate"] = "0.05" }},
		{"target changed", "targets: {phone.asa_s: 45}\n", func(v *view) { v.Targets["phone.asa_s"] = "45" }},
		{"alias list replaced, other columns kept", "aliases: {calls-csv: {wait_s: [\"Ventetid (s)\"]}}\n",
			func(v *view) { v.WaitAliases = []string{"Ventetid (s)"} }},
		{"timezone", "timezone: UTC\n", func(v *view) { v.Timezone, v.Location = "UTC", "UTC" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Load(writeConfig(t, tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			want := spec()
			tc.change(&want)
			if d := diff(want, viewOf(c)); d != "" {
				t.Errorf("config %s", d)
			}
			if tc.name == "target null removes it" && c.Target("phone.asa_s") != nil {
				t.Errorf("Target(phone.asa_s) = %v, want nil", *c.Target("phone.asa_s"))
			}
		})
	}
}

func TestBadConfig(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string // all in the error
	}{
		{"unknown key", "phone: {short_abandon: 3}\n", []string{"short_abandon"}},
		{"unknown section", "telefon: {}\n", []string{"telefon"}},
		{"timezone", "timezone: Mars/Olympus\n", []string{"timezone", "Mars/Olympus"}},
		{"hours backwards", "calendar: {phone_hours: \"14:00-10:00\"}\n", []string{"calendar.phone_hours", "14:00-10:00"}},
		{"hours not a time", "calendar: {work_hours: \"8-16\"}\n", []string{"calendar.work_hours", "8-16"}},
		{"summer date", "calendar: {summer_from: \"15.05\"}\n", []string{"calendar.summer_from", "15.05"}},
		{"reject limit over 1", "ingest: {reject_limit: 2}\n", []string{"ingest.reject_limit", "2"}},
		{"closed day", "calendar: {closed_days: [\"2026-13-01\"]}\n", []string{"calendar.closed_days", "2026-13-01"}},
		{"reduced day hours", "calendar: {reduced_days: [{date: \"2026-12-23\", phone: \"12-10\"}]}\n",
			[]string{"calendar.reduced_days", "2026-12-23"}},
		{"service level 0", "phone: {service_level_s: 0}\n", []string{"service_level_s"}},
		{"target id", "targets: {asa: 60}\n", []string{"targets", "asa"}},
		{"not YAML", "phone: [\n", []string{"[1:", "not found"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.yaml)
			_, err := config.Load(p)
			if err == nil {
				t.Fatal("loaded; want an error")
			}
			for _, w := range append(tc.want, p) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	if _, err := config.Load("/nonexistent/slakpi.yaml"); err == nil || !strings.Contains(err.Error(), "/nonexistent/slakpi.yaml") {
		t.Errorf("error %v: want one naming the file", err)
	}
}

func TestCaseMapsMerge(t *testing.T) {
	c, err := config.Load(writeConfig(t, "cases:\n  status_map: {Escalated: I arbeid}\n  resolution_targets_h: {Lønn: 24}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// The default's nine English names stay beside the added one.
	got := []string{c.Cases.StatusMap["Escalated"], c.Cases.StatusMap["On hold"], fmt.Sprint(len(c.Cases.StatusMap))}
	if d := diff([]string{"I arbeid", "På vent", "10"}, got); d != "" {
		t.Errorf("status_map Escalated, On hold, size %s", d)
	}
	if d := diff(map[string]float64{"Lønn": 24}, c.Cases.ResolutionTargetsH); d != "" {
		t.Errorf("resolution_targets_h %s", d)
	}
	if d := diff([]string{"På vent"}, c.Cases.PauseStatuses); d != "" {
		t.Errorf("pause_statuses %s", d)
	}
}
