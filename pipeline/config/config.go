// Package config holds slakpi's one configuration struct, its embedded
// defaults (equal to SPEC.md) and the validation that every other package
// relies on.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	// The zone database goes into the binary, so Europe/Oslo is known even
	// on a machine without tzdata.
	_ "time/tzdata"
)

//go:embed defaults.yaml
var defaultsYAML []byte

// Config is the whole configuration, loaded and validated by Load.
type Config struct {
	Timezone string                        `yaml:"timezone"`
	Ingest   Ingest                        `yaml:"ingest"`
	Calendar Calendar                      `yaml:"calendar"`
	Phone    Phone                         `yaml:"phone"`
	Cases    Cases                         `yaml:"cases"`
	Payroll  Payroll                       `yaml:"payroll"`
	Followup Followup                      `yaml:"followup"`
	Avvik    Avvik                         `yaml:"avvik"`
	Schedule Schedule                      `yaml:"schedule"`
	Checks   map[string]map[string]float64 `yaml:"checks"`
	Targets  map[string]*float64           `yaml:"targets"`
	Aliases  map[string]Aliases            `yaml:"aliases"`

	// Location is Timezone loaded; set by Load.
	Location *time.Location `yaml:"-"`
}

// Ingest holds the limits of loading files.
type Ingest struct {
	RejectLimit float64 `yaml:"reject_limit"`
	HashKeyEnv  string  `yaml:"hash_key_env"`
}

// Calendar holds opening and working hours; holidays are computed.
type Calendar struct {
	ClosedDays  []string     `yaml:"closed_days"`
	ReducedDays []ReducedDay `yaml:"reduced_days"`
	PhoneHours  string       `yaml:"phone_hours"`
	WorkHours   string       `yaml:"work_hours"`
	SummerHours string       `yaml:"summer_hours"`
	SummerFrom  string       `yaml:"summer_from"`
	SummerTo    string       `yaml:"summer_to"`
}

// ReducedDay gives one date shorter phone and/or working hours ("HH:MM-HH:MM").
type ReducedDay struct {
	Date  string `yaml:"date"`
	Phone string `yaml:"phone"`
	Work  string `yaml:"work"`
}

// Phone holds the thresholds of the phone KPIs (SPEC §4.1).
type Phone struct {
	ShortAbandonS int      `yaml:"short_abandon_s"`
	ServiceLevelS int      `yaml:"service_level_s"`
	Queues        []string `yaml:"queues"`
}

// Cases holds the rules of the case KPIs (SPEC §4.2).
type Cases struct {
	PauseStatuses      []string           `yaml:"pause_statuses"`
	StatusMap          map[string]string  `yaml:"status_map"`
	ResolutionTargetsH map[string]float64 `yaml:"resolution_targets_h"`
}

// Payroll holds the pay calendar and the facts the payroll checks and the
// new-hire and travel KPIs rest on (SPEC §4.3, §5).
type Payroll struct {
	MainSalaryCodes      []string           `yaml:"main_salary_codes"`
	HourlyCodes          []string           `yaml:"hourly_codes"`
	HolidayPayCodes      []string           `yaml:"holiday_pay_codes"`
	PayDay               int                `yaml:"pay_day"`
	PayDateExceptions    map[string]string  `yaml:"pay_date_exceptions"`
	CutoffWorkingDays    int                `yaml:"cutoff_working_days"`
	TravelPaidWithinDays int                `yaml:"travel_paid_within_days"`
	StateRates           map[int]StateRates `yaml:"state_rates"`
}

// Schedule holds the daemon's folders and limits (SPEC §8).
type Schedule struct {
	Root     string           `yaml:"root"`
	Settle   time.Duration    `yaml:"settle"`
	BusyWait time.Duration    `yaml:"busy_wait"`
	Grace    time.Duration    `yaml:"grace"`
	Jobs     []map[string]any `yaml:"jobs"` // read by schedules.LoadTable
}

// Avvik holds the escalation rule of the deviation register (SPEC §4.4).
type Avvik struct {
	QuartersPerLevel int     `yaml:"quarters_per_level"`
	BigGapPct        float64 `yaml:"big_gap_pct"`
}

// Followup holds the limits of the follow-up lists (SPEC §4.5).
type Followup struct {
	HorizonDays        int `yaml:"horizon_days"`
	PlanWeeks          int `yaml:"plan_weeks"`
	DialogueWeeks      int `yaml:"dialogue_weeks"`
	EmployerPeriodDays int `yaml:"employer_period_days"`
	RefundUnpaidDays   int `yaml:"refund_unpaid_days"`
	UnsignedDays       int `yaml:"unsigned_days"`
}

// StateRates are one year's state travel rates in NOK; nil where not known.
type StateRates struct {
	PerDiemOvernight *float64 `yaml:"per_diem_overnight"`
	PerDiem6To12h    *float64 `yaml:"per_diem_6_12h"`
	PerDiemOver12h   *float64 `yaml:"per_diem_over_12h"`
	Km               *float64 `yaml:"km"`
}

// Aliases maps a canonical column name to other header titles accepted for it.
type Aliases map[string][]string

// Default returns the embedded defaults.
func Default() (*Config, error) {
	return parse(nil, "")
}

// Load reads the defaults and, when path is not empty, the file at path on top.
func Load(path string) (*Config, error) {
	if path == "" {
		return Default()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return parse(b, path)
}

func parse(override []byte, name string) (*Config, error) {
	var c Config
	if err := decode(defaultsYAML, &c); err != nil {
		return nil, fmt.Errorf("config: embedded defaults: %w", err)
	}
	if override != nil {
		// Maps merge key by key; a target set to null removes it. The
		// decoder replaces a map it meets whole, so merge by hand.
		targets, aliases := c.Targets, c.Aliases
		statusMap, resolution := c.Cases.StatusMap, c.Cases.ResolutionTargetsH
		payExceptions, rates, checks := c.Payroll.PayDateExceptions, c.Payroll.StateRates, c.Checks
		if err := decode(override, &c); err != nil {
			return nil, fmt.Errorf("config %s: %w", name, err)
		}
		c.Targets = mergeTargets(targets, c.Targets)
		c.Aliases = mergeAliases(aliases, c.Aliases)
		c.Cases.StatusMap = merged(statusMap, c.Cases.StatusMap)
		c.Cases.ResolutionTargetsH = merged(resolution, c.Cases.ResolutionTargetsH)
		c.Payroll.PayDateExceptions = merged(payExceptions, c.Payroll.PayDateExceptions)
		c.Payroll.StateRates = merged(rates, c.Payroll.StateRates)
		c.Checks = merged(checks, c.Checks)
	}
	if err := c.validate(); err != nil {
		if name == "" {
			name = "(defaults)"
		}
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	return &c, nil
}

func decode(b []byte, c *Config) error {
	before := *c
	dec := yaml.NewDecoder(bytes.NewReader(b), yaml.Strict())
	err := dec.Decode(c)
	if errors.Is(err, io.EOF) {
		*c = before // an empty file changes nothing (the decoder zeroes c)
		return nil
	}
	if err != nil {
		// One line: the position and the message, no source excerpt.
		return errors.New(strings.Join(strings.Fields(yaml.FormatError(err, false, false)), " "))
	}
	return nil
}

func (c *Config) validate() error {
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return fmt.Errorf("timezone %q: %w", c.Timezone, err)
	}
	c.Location = loc
	if c.Ingest.RejectLimit < 0 || c.Ingest.RejectLimit > 1 {
		return fmt.Errorf("ingest.reject_limit %v: want a fraction from 0 to 1", c.Ingest.RejectLimit)
	}
	if c.Phone.ShortAbandonS < 0 || c.Phone.ServiceLevelS <= 0 {
		return fmt.Errorf("phone: short_abandon_s must be ≥ 0 and service_level_s > 0")
	}
	for key, spec := range map[string]string{
		"calendar.phone_hours":  c.Calendar.PhoneHours,
		"calendar.work_hours":   c.Calendar.WorkHours,
		"calendar.summer_hours": c.Calendar.SummerHours,
	} {
		if _, _, err := ParseHours(spec); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	for key, md := range map[string]string{"calendar.summer_from": c.Calendar.SummerFrom, "calendar.summer_to": c.Calendar.SummerTo} {
		if _, err := time.Parse("01-02", md); err != nil {
			return fmt.Errorf("%s %q: want MM-DD", key, md)
		}
	}
	for _, d := range c.Calendar.ClosedDays {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("calendar.closed_days %q: want YYYY-MM-DD", d)
		}
	}
	for _, r := range c.Calendar.ReducedDays {
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
			return fmt.Errorf("calendar.reduced_days %q: want YYYY-MM-DD", r.Date)
		}
		for _, h := range []string{r.Phone, r.Work} {
			if h == "" {
				continue
			}
			if _, _, err := ParseHours(h); err != nil {
				return fmt.Errorf("calendar.reduced_days %s: %w", r.Date, err)
			}
		}
	}
	if err := c.Payroll.validate(); err != nil {
		return err
	}
	if c.Schedule.Root == "" || c.Schedule.Settle < 0 || c.Schedule.BusyWait < 0 || c.Schedule.Grace < 0 {
		return fmt.Errorf("schedule: root is required; settle, busy_wait and grace must not be negative")
	}
	if c.Avvik.QuartersPerLevel < 1 || c.Avvik.BigGapPct <= 0 {
		return fmt.Errorf("avvik: quarters_per_level must be ≥ 1 and big_gap_pct > 0")
	}
	f := c.Followup
	if f.HorizonDays < 0 || f.PlanWeeks <= 0 || f.DialogueWeeks < f.PlanWeeks || f.EmployerPeriodDays <= 0 ||
		f.RefundUnpaidDays <= 0 || f.UnsignedDays <= 0 {
		return fmt.Errorf("followup: day and week limits must be positive, dialogue_weeks ≥ plan_weeks")
	}
	for cat, h := range c.Cases.ResolutionTargetsH {
		if h <= 0 {
			return fmt.Errorf("cases.resolution_targets_h %q: %v hours, want more than 0", cat, h)
		}
	}
	for id, v := range c.Targets {
		if !strings.Contains(id, ".") {
			return fmt.Errorf("targets: %q is not a KPI id (like phone.asa_s)", id)
		}
		_ = v
	}
	return nil
}

// mergeTargets lays over's targets on base's; a nil target removes the id.
func mergeTargets(base, over map[string]*float64) map[string]*float64 {
	out := map[string]*float64{}
	for _, m := range []map[string]*float64{base, over} {
		for id, v := range m {
			if v == nil {
				delete(out, id)
			} else {
				out[id] = v
			}
		}
	}
	return out
}

// merged lays over's entries on base's, in a new map.
func merged[K comparable, V any](base, over map[K]V) map[K]V {
	out := make(map[K]V, len(base)+len(over))
	maps.Copy(out, base)
	maps.Copy(out, over)
	return out
}

// mergeAliases lays over's alias lists on base's, per format and column.
func mergeAliases(base, over map[string]Aliases) map[string]Aliases {
	out := map[string]Aliases{}
	for _, m := range []map[string]Aliases{base, over} {
		for kind, cols := range m {
			if out[kind] == nil {
				out[kind] = Aliases{}
			}
			for col, names := range cols {
				out[kind][col] = names
			}
		}
	}
	return out
}

// ParseHours reads "HH:MM-HH:MM" into offsets from midnight, from < to.
func ParseHours(s string) (from, to time.Duration, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("hours %q: want HH:MM-HH:MM", s)
	}
	if from, err = clock(a); err == nil {
		to, err = clock(b)
	}
	if err != nil || from >= to {
		return 0, 0, fmt.Errorf("hours %q: want HH:MM-HH:MM with from before to", s)
	}
	return from, to, nil
}

func clock(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// Target returns the configured target of a KPI, or nil.
func (c *Config) Target(id string) *float64 {
	return c.Targets[id]
}

func (p *Payroll) validate() error {
	if p.PayDay < 1 || p.PayDay > 28 {
		return fmt.Errorf("payroll.pay_day %d: want a day from 1 to 28", p.PayDay)
	}
	if p.CutoffWorkingDays < 0 || p.TravelPaidWithinDays <= 0 {
		return fmt.Errorf("payroll: cutoff_working_days must be ≥ 0 and travel_paid_within_days > 0")
	}
	for month, day := range p.PayDateExceptions {
		if _, err := time.Parse("2006-01", month); err != nil {
			return fmt.Errorf("payroll.pay_date_exceptions %q: want YYYY-MM", month)
		}
		if d, err := time.Parse(time.DateOnly, day); err != nil || d.Format("2006-01") != month {
			return fmt.Errorf("payroll.pay_date_exceptions %s: %q is not a date in that month", month, day)
		}
	}
	for year, r := range p.StateRates {
		for _, v := range []*float64{r.PerDiemOvernight, r.PerDiem6To12h, r.PerDiemOver12h, r.Km} {
			if v != nil && *v <= 0 {
				return fmt.Errorf("payroll.state_rates %d: rates must be more than 0", year)
			}
		}
	}
	return nil
}
