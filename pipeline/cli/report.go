package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"slakpi"
	"slakpi/pipeline/avvik"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

func (a *app) report(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: report what? quarterly", errUsage)
	}
	switch args[0] {
	case "quarterly":
		return a.reportQuarterly(ctx, args[1:])
	case "units":
		return a.reportUnits(ctx, args[1:])
	case "followup":
		return a.reportFollowup(ctx, args[1:])
	}
	return fmt.Errorf("%w: report %q: want quarterly, units or followup", errUsage, args[0])
}

func (a *app) reportQuarterly(ctx context.Context, args []string) error {
	fs := a.flags("report quarterly")
	quarter := fs.String("quarter", "", "quarter, YYYYQn")
	out := fs.String("out", "", "folder to write the workbook into")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	q, err := quarterAndOut("report quarterly", *quarter, *out)
	if err != nil {
		return err
	}
	return a.computed(ctx, true, func(s *store.Store, eng *kpi.Engine) error {
		path, err := a.writeQuarterly(ctx, s, eng, q, *out)
		if err == nil {
			fmt.Fprintln(a.stdout, path)
		}
		return err
	})
}

// quarterAndOut checks a report's --quarter and --out.
func quarterAndOut(cmd, quarter, out string) (kpi.Quarter, error) {
	q, err := kpi.ParseQuarter(quarter)
	if err != nil {
		return q, fmt.Errorf("%w: %s: %v", errUsage, cmd, err)
	}
	if out == "" {
		return q, fmt.Errorf("%w: %s: --out DIR is required", errUsage, cmd)
	}
	return q, nil
}

// trendQuarters is how far back the trend chart reaches (SPEC §6).
const trendQuarters = 8

// writeQuarterly gathers quarter q's figures and writes the management
// workbook into dir, returning its path. The engine must be rebuilt.
func (a *app) writeQuarterly(ctx context.Context, s *store.Store, eng *kpi.Engine, q kpi.Quarter, dir string) (string, error) {
	in, err := a.quarterly(ctx, s, eng, q)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, reports.QuarterlyFileName(q.String()))
	if err := reports.WriteQuarterly(path, in); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}

func (a *app) quarterly(ctx context.Context, s *store.Store, eng *kpi.Engine, q kpi.Quarter) (*reports.Quarterly, error) {
	in := &reports.Quarterly{Quarter: q.String(), PreviousQuarter: q.Prev().String(), Lang: a.g.lang,
		Version: slakpi.Version, GeneratedAt: time.Now()}
	var err error
	if in.KPIs, err = eng.Quarter(ctx, q); err != nil {
		return nil, err
	}
	if in.Previous, err = eng.Quarter(ctx, q.Prev()); err != nil {
		return nil, err
	}
	if in.YearAgo, err = eng.Quarter(ctx, q.Add(-4)); err != nil {
		return nil, err
	}
	var trend []kpi.Quarter
	for i := trendQuarters - 1; i >= 0; i-- {
		trend = append(trend, q.Add(-i))
		in.TrendQuarters = append(in.TrendQuarters, q.Add(-i).String())
	}
	if in.Trends, err = eng.Trends(ctx, trend); err != nil {
		return nil, err
	}
	if in.Deviations, err = avvik.List(ctx, s.DB); err != nil {
		return nil, err
	}
	if in.Months, err = eng.PhonePeriods(ctx, "month", q, q); err != nil {
		return nil, err
	}
	if in.Weeks, err = eng.PhonePeriods(ctx, "week", q, q); err != nil {
		return nil, err
	}
	if in.Trend, err = eng.PhonePeriods(ctx, "month", q.Add(1-trendQuarters), q); err != nil {
		return nil, err
	}
	if in.Heat, err = eng.PhoneHeat(ctx, q); err != nil {
		return nil, err
	}
	if in.Queues, err = eng.PhoneQueues(ctx, q); err != nil {
		return nil, err
	}
	if in.CasesByCategory, err = eng.CasesBy(ctx, "category", q); err != nil {
		return nil, err
	}
	if in.CasesByGroup, err = eng.CasesBy(ctx, "operator_group", q); err != nil {
		return nil, err
	}
	if in.CasesByUnit, err = eng.CasesBy(ctx, "unit", q); err != nil {
		return nil, err
	}
	if in.HiresTravelAll, in.HiresTravel, err = eng.HiresTravel(ctx, q); err != nil {
		return nil, err
	}
	if in.Files, err = a.filesBehind(ctx, s, q); err != nil {
		return nil, err
	}
	in.Calendar, in.Config = a.calendarInfo(q), a.settingsShown()
	return in, nil
}

// filesBehind lists the loaded files with rows in quarter q.
func (a *app) filesBehind(ctx context.Context, s *store.Store, q kpi.Quarter) ([]reports.InputFile, error) {
	loc := a.cfg.Location
	recs, err := s.FilesWithin(ctx, q.Start(loc), q.End(loc))
	if err != nil {
		return nil, err
	}
	out := make([]reports.InputFile, len(recs))
	for i, r := range recs {
		out[i] = reports.InputFile{Name: filepath.Base(r.Path), Kind: r.Kind, SHA256: r.SHA256,
			Rows: r.RowsAccepted, Rejected: r.RowsRejected, LoadedAt: r.LoadedAt}
	}
	return out, nil
}

func (a *app) calendarInfo(q kpi.Quarter) reports.CalendarInfo {
	loc := a.cfg.Location
	info := reports.CalendarInfo{Timezone: a.cfg.Timezone, PhoneHours: a.cfg.Calendar.PhoneHours}
	for _, d := range a.cal.ClosedDays(q.Start(loc), q.End(loc).AddDate(0, 0, -1)) {
		info.ClosedDays = append(info.ClosedDays, reports.NamedDay{Date: d.Date, Name: d.Name})
	}
	return info
}

// settingsShown are the thresholds in force, for the "Om rapporten" sheet.
func (a *app) settingsShown() [][2]string {
	c := a.cfg
	queues := "alle"
	if len(c.Phone.Queues) > 0 {
		queues = fmt.Sprint(c.Phone.Queues)
	}
	return [][2]string{
		{"timezone", c.Timezone},
		{"calendar.phone_hours", c.Calendar.PhoneHours},
		{"calendar.work_hours", c.Calendar.WorkHours},
		{"calendar.summer_hours", c.Calendar.SummerHours + " (" + c.Calendar.SummerFrom + " – " + c.Calendar.SummerTo + ")"},
		{"calendar.closed_days", fmt.Sprint(c.Calendar.ClosedDays)},
		{"cases.pause_statuses", fmt.Sprint(c.Cases.PauseStatuses)},
		{"payroll.main_salary_codes", fmt.Sprint(c.Payroll.MainSalaryCodes)},
		{"payroll.pay_day", fmt.Sprint(c.Payroll.PayDay)},
		{"payroll.cutoff_working_days", fmt.Sprint(c.Payroll.CutoffWorkingDays)},
		{"followup.horizon_days", fmt.Sprint(c.Followup.HorizonDays)},
		{"followup.plan_weeks / dialogue_weeks", fmt.Sprintf("%d / %d", c.Followup.PlanWeeks, c.Followup.DialogueWeeks)},
		{"followup.employer_period_days", fmt.Sprint(c.Followup.EmployerPeriodDays)},
		{"phone.short_abandon_s", fmt.Sprint(c.Phone.ShortAbandonS)},
		{"phone.service_level_s", fmt.Sprint(c.Phone.ServiceLevelS)},
		{"phone.queues", queues},
		{"targets.phone.asa_s", fmtTarget(c.Target("phone.asa_s"))},
		{"ingest.reject_limit", fmt.Sprint(c.Ingest.RejectLimit)},
		{"payroll.travel_paid_within_days", fmt.Sprint(c.Payroll.TravelPaidWithinDays)},
		{"avvik.quarters_per_level", fmt.Sprint(c.Avvik.QuartersPerLevel)},
		{"avvik.big_gap_pct", fmt.Sprint(c.Avvik.BigGapPct)},
	}
}

func fmtTarget(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}
