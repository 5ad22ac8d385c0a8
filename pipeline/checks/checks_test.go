package checks_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/checks"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
)

// env is a real database in a temporary folder.
type env struct {
	t     *testing.T
	dir   string
	store *store.Store
	cfg   *config.Config
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(context.Background(), filepath.Join(dir, "t.duckdb"), slakpi.SQL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, dir: dir, store: s, cfg: cfg}
}

func (e *env) load(name, format string, lines ...string) {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		e.t.Fatal(err)
	}
	l := &ingest.Loader{Store: e.store, Config: e.cfg, Stderr: io.Discard}
	if _, err := l.Load(context.Background(), format, []string{p}); err != nil {
		e.t.Fatal(err)
	}
}

// check rebuilds the derived tables and checks one run.
func (e *env) check(run string) *checks.Result {
	e.t.Helper()
	ctx := context.Background()
	cal, err := calendar.FromConfig(e.cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	eng, err := kpi.NewEngine(e.store.DB, slakpi.SQL, e.cfg, cal)
	if err != nil {
		e.t.Fatal(err)
	}
	defer eng.Close()
	if err := eng.Rebuild(ctx); err != nil {
		e.t.Fatal(err)
	}
	r, err := checks.NewRunner(e.store.DB, slakpi.SQL, e.cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	res, err := r.Check(ctx, run)
	if err != nil {
		e.t.Fatal(err)
	}
	for id, err := range res.Failed {
		e.t.Errorf("rule %s could not run: %v", id, err)
	}
	return res
}

// got lists findings as "rule employee severity", sorted.
func got(res *checks.Result) []string {
	var out []string
	for _, f := range res.Findings {
		who := f.EmployeeID
		if who == "" {
			who = "-"
		}
		out = append(out, f.Rule+" "+who+" "+f.Severity)
	}
	sort.Strings(out)
	return out
}

const empHeader = "employee_id,employment_id,unit,start_date,end_date,position_pct,status,bank_account_hash,registered_at"

var employees = []string{
	empHeader,
	"E1,E1-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00",
	"E2,E2-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00",
	"E3,E3-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00",
	"E4,E4-1,IE-IDI,2020-01-01,,100,active,,2020-01-01 09:00",
	"E5,E5-1,IE-IDI,2020-01-01,2026-01-31,100,active,,2020-01-01 09:00", // ended the day before February
	"E6,E6-1,IE-IDI,2020-01-01,2026-02-01,100,active,,2020-01-01 09:00", // ends on February's first day
	"E7,E7-1,IE-IDI,2026-03-01,,100,active,,2026-02-01 09:00",           // starts the day after February
	"E8,E8-1,IE-IDI,2026-02-28,,100,active,,2026-02-01 09:00",           // starts on February's last day
	"E9,E9-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E10,E10-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E11,E11-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E12,E12-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E13,E13-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E14,E14-1,NV-IKJ,2020-01-01,,100,active,,2020-01-01 09:00",
	"E15,E15-1,HF,2020-01-01,,0,active,,2020-01-01 09:00",
	"E16,E16-1,HF,2020-01-01,,0,active,,2020-01-01 09:00",
}

const payHeader = "run_id,run_type,pay_date,period,employee_id,employment_id,unit,cost_centre,wage_type,amelding_code,amount,hours,rate"

// pl is one pay line of a main run in period p.
func pl(run, payDate, period, emp, wage, code, amount string) string {
	return run + ",main," + payDate + "," + period + "," + emp + "," + emp + "-1,IE-IDI,KS-1001," + wage + "," + code + "," + amount + ",,"
}

func janRun() []string {
	j := func(emp, amount string) string {
		return pl("2026-01-H", "2026-01-12", "2026-01", emp, "1000 Fastlønn", "fastloenn", amount)
	}
	return []string{
		j("E1", "50000.00"), j("E2", "50000.00"), j("E3", "40000.00"), j("E4", "45000.00"),
		j("E5", "45000.00"), j("E6", "45000.00"), j("E9", "50000.00"), j("E10", "45000.00"), j("E11", "1000.00"),
		j("E12", "1000.00"), j("E13", "45000.00"), j("E14", "45000.00"),
		"2026-01-H,main,2026-01-12,2026-01,E15,E15-1,HF,KS-1001,1100 Timelønn,timeloenn,25000.00,100,250",
		"2026-01-H,main,2026-01-12,2026-01,E16,E16-1,HF,KS-1001,1100 Timelønn,timeloenn,25000.00,100,250",
	}
}

func febRun() []string {
	f := func(emp, wage, code, amount string) string {
		return pl("2026-02-H", "2026-02-12", "2026-02", emp, wage, code, amount)
	}
	main := func(emp, amount string) string { return f(emp, "1000 Fastlønn", "fastloenn", amount) }
	return []string{
		main("E1", "54950.00"), // +9.9 %: no change finding
		f("E1", "2000 Tillegg", "fasteTillegg", "1500.00"),
		f("E1", "2000 Tillegg", "fasteTillegg", "1500.00"), // the same line twice
		main("E2", "55050.00"),                             // +10.1 %: a warning
		f("E2", "2000 Tillegg", "fasteTillegg", "1500.00"),
		f("E2", "2000 Tillegg", "fasteTillegg", "1600.00"), // another amount: no duplicate
		main("E3", "50400.00"),                             // +26 %: an error
		f("E4", "2000 Tillegg", "fasteTillegg", "1000.00"), // no main salary
		main("E5", "45000.00"),                             // after the end date
		"2026-02-H,main,2026-02-12,2026-02,E6,E6-1,IE-IDI,,1000 Fastlønn,fastloenn,45000.00,,", // no cost centre
		main("E7", "45000.00"), // before the start date
		main("E8", "45000.00"),
		f("E8", "5000 Diverse", "", "100.00"), // no a-melding code
		main("E9", "30000.00"),
		main("E9", "20000.00"), // two main-salary lines
		main("E10", "45000.00"),
		f("E10", "3000 Overtid", "overtidsgodtgjoerelse", "2000.00"),
		main("E11", "1000.00"),
		f("E11", "9000 Forskuddstrekk", "forskuddstrekk", "-2000.00"), // net −1000
		main("E12", "1000.00"),
		f("E12", "9000 Forskuddstrekk", "forskuddstrekk", "-1000.00"), // net 0
		main("E13", "45000.00"),
		f("E13", "4000 Bonus", "bonus", "100000.00"),             // at the threshold
		f("E13", "1500 Feriepenger", "feriepenger", "120000.00"), // holiday pay: large by nature
		main("E14", "45000.00"),
		f("E14", "4000 Bonus", "bonus", "99999.99"),
		"2026-02-H,main,2026-02-12,2026-02,E15,E15-1,HF,KS-1001,1100 Timelønn,timeloenn,75250.00,301,250",
		"2026-02-H,main,2026-02-12,2026-02,E16,E16-1,HF,KS-1001,1100 Timelønn,timeloenn,75000.00,300,250",
	}
}

// Each rule finds its planted row in February's main run and not the near
// miss beside it (listed in febRun's comments).
func TestRulesOnAMainRun(t *testing.T) {
	e := newEnv(t)
	// The two runs differ in size on purpose; run totals are tested apart.
	e.cfg.Checks = map[string]map[string]float64{"run_totals_change": {"warn_pct": 1000, "error_pct": 1000}}
	e.load("employees.csv", "employees", employees...)
	e.load("jan.csv", "pay-lines", append([]string{payHeader}, janRun()...)...)
	e.load("feb.csv", "pay-lines", append([]string{payHeader}, febRun()...)...)
	want := []string{
		"duplicate_pay_line E1 error",
		"hours_over_limit E15 error",
		"large_one_off E13 warn",
		"main_salary_change E2 warn",
		"main_salary_change E3 error",
		"missing_cost_centre E6 error",
		"multiple_main_salary E9 error",
		"negative_net_pay E11 error",
		"no_main_salary E4 error",
		"paid_outside_employment E5 error",
		"paid_outside_employment E7 error",
		"wage_type_without_amelding_code E8 error",
	}
	res := e.check("2026-02-H")
	if g := got(res); !slices.Equal(g, want) {
		t.Errorf("findings (-want +got):\n-%s\n+%s", strings.Join(want, "\n-"), strings.Join(g, "\n+"))
	}
	if res.PreviousRunID != "2026-01-H" {
		t.Errorf("compared with %q, want 2026-01-H", res.PreviousRunID)
	}
	if n := len(e.check("2026-01-H").Findings); n != 0 {
		t.Errorf("January's run has %d findings, want 0", n)
	}
}

// An accepted finding stays accepted in the next run where it recurs; a
// finding the previous run did not have is new.
func TestAcceptanceCarriesOver(t *testing.T) {
	e := newEnv(t)
	e.cfg.Checks = map[string]map[string]float64{"run_totals_change": {"warn_pct": 1000, "error_pct": 1000}}
	e.load("employees.csv", "employees", employees...)
	e.load("jan.csv", "pay-lines", append([]string{payHeader}, janRun()...)...)
	e.load("feb.csv", "pay-lines", append([]string{payHeader}, febRun()...)...)
	feb := e.check("2026-02-H")
	var dup checks.Finding
	for _, f := range feb.Findings {
		if f.Rule == "duplicate_pay_line" {
			dup = f
		}
	}
	if err := checks.Accept(context.Background(), e.store.DB, dup.Fingerprint, "rettet i tilleggskjøring", "tester"); err != nil {
		t.Fatal(err)
	}
	if err := checks.Accept(context.Background(), e.store.DB, "nope", "x", "tester"); err == nil {
		t.Error("accepting an unknown fingerprint succeeded")
	}
	// March repeats E1's duplicate and adds E12's negative net pay.
	mar := []string{payHeader}
	for _, l := range febRun() {
		l = strings.ReplaceAll(strings.ReplaceAll(l, "2026-02-H", "2026-03-H"), "2026-02-12,2026-02", "2026-03-12,2026-03")
		mar = append(mar, strings.Replace(l, "forskuddstrekk,-1000.00", "forskuddstrekk,-1000.01", 1))
	}
	e.load("mar.csv", "pay-lines", mar...)
	res := e.check("2026-03-H")
	for _, f := range res.Findings {
		switch {
		case f.Rule == "duplicate_pay_line":
			if !f.Accepted || f.New || f.AcceptReason != "rettet i tilleggskjøring" {
				t.Errorf("E1's duplicate in March: accepted %v new %v reason %q; want accepted, not new", f.Accepted, f.New, f.AcceptReason)
			}
		case f.Rule == "negative_net_pay" && f.EmployeeID == "E12":
			if f.Accepted || !f.New {
				t.Errorf("E12's negative net pay: accepted %v new %v; want a new, unaccepted finding", f.Accepted, f.New)
			}
		case f.Accepted:
			t.Errorf("%s %s accepted, want only the duplicate", f.Rule, f.EmployeeID)
		}
	}
	// February: the ten errors of TestRulesOnAMainRun, none accepted yet.
	// March: E1's duplicate accepted; E2 and E3 unchanged since February;
	// E7 has started; E6 has ended (outside); E12 is new: E15 E6 E6 E9 E11
	// E12 E4 E5 E8 = 9.
	if feb.Unaccepted("error") != 10 || res.Unaccepted("error") != 9 {
		t.Errorf("unaccepted errors Feb %d, Mar %d; want 10 and 9", feb.Unaccepted("error"), res.Unaccepted("error"))
	}
}

// Run totals: gross +9 % against the previous run of the type is a warning,
// +4.9 % nothing; a supplementary run is compared with the previous one.
func TestRunTotalsChange(t *testing.T) {
	e := newEnv(t)
	e.load("employees.csv", "employees", employees...)
	lines := []string{payHeader}
	add := func(run, payDate, period string, total float64) {
		// Ten employees employed all through the spring.
		for _, emp := range []string{"E1", "E2", "E3", "E4", "E9", "E10", "E11", "E12", "E13", "E14"} {
			lines = append(lines, run+",supplementary,"+payDate+","+period+","+emp+","+emp+"-1,IE-IDI,KS-1,2000 Tillegg,fasteTillegg,"+
				ftoa(total/10)+",,")
		}
	}
	add("2026-01-T", "2026-01-20", "2026-01", 10000)
	add("2026-02-T", "2026-02-20", "2026-02", 10900) // +9 %
	add("2026-03-T", "2026-03-20", "2026-03", 11430) // +4.86 %
	e.load("supp.csv", "pay-lines", lines...)
	if g := got(e.check("2026-02-T")); !slices.Equal(g, []string{"run_totals_change - warn"}) {
		t.Errorf("February: %v, want one gross warning", g)
	}
	if g := got(e.check("2026-03-T")); len(g) != 0 {
		t.Errorf("March: %v, want none", g)
	}
}

// June and December runs are compared with the same month a year before;
// other runs with the latest earlier run that is not June or December.
func TestSeasonalComparison(t *testing.T) {
	e := newEnv(t)
	lines := []string{payHeader,
		pl("2025-06-H", "2025-06-12", "2025-06", "E1", "1000 Fastlønn", "fastloenn", "50000"),
		pl("2026-05-H", "2026-05-12", "2026-05", "E1", "1000 Fastlønn", "fastloenn", "50000"),
		pl("2026-06-H", "2026-06-12", "2026-06", "E1", "1000 Fastlønn", "fastloenn", "50000"),
		pl("2026-07-H", "2026-07-10", "2026-07", "E1", "1000 Fastlønn", "fastloenn", "50000"),
	}
	e.load("pay.csv", "pay-lines", lines...)
	e.check("2026-06-H") // builds the views
	for run, want := range map[string]string{"2026-06-H": "2025-06-H", "2026-07-H": "2026-05-H", "2026-05-H": ""} {
		var prev string
		if err := e.store.DB.QueryRow(`SELECT coalesce(prev_run_id, '') FROM stg_run_compare WHERE run_id = ?`, run).Scan(&prev); err != nil {
			t.Fatal(err)
		}
		if prev != want {
			t.Errorf("%s compared with %q, want %q", run, prev, want)
		}
	}
}

// Travel rates above the state's are errors; a year without a rate is a
// warning that the claim was not checked.
func TestTravelRates(t *testing.T) {
	e := newEnv(t)
	e.load("employees.csv", "employees", employees...)
	e.load("pay.csv", "pay-lines", payHeader,
		"2025-06-R,travel,2025-06-20,2025-06,E1,E1-1,IE-IDI,KS-1,7000 Reise,trekkfriBilgodtgjoerelse,500,,",
		"2026-02-R,travel,2026-02-20,2026-02,E1,E1-1,IE-IDI,KS-1,7000 Reise,trekkfriBilgodtgjoerelse,500,,")
	e.load("claims.csv", "travel-claims",
		"claim_id,employee_id,unit,submitted_at,approved_at,paid_run_id,km,km_rate,per_diem_days,per_diem_rate,amount",
		"K1,E1,IE-IDI,2025-06-01 10:00,2025-06-02 10:00,2025-06-R,100,5.00,0,,500", // 2025 km rate 5.00: ok
		"K2,E2,IE-IDI,2025-06-01 10:00,2025-06-02 10:00,2025-06-R,100,5.01,0,,501", // above
		"K3,E3,IE-IDI,2025-06-01 10:00,2025-06-02 10:00,2025-06-R,0,,1,977,977",    // the top per diem: ok
		"K4,E4,IE-IDI,2025-06-01 10:00,2025-06-02 10:00,2025-06-R,0,,1,978,978",    // above
		"K5,E5,IE-IDI,2026-02-01 10:00,2026-02-02 10:00,2026-02-R,0,,1,977,977",    // no 2026 per diem: not checked
		"K6,E6,IE-IDI,2026-02-01 10:00,2026-02-02 10:00,2026-02-R,100,5.30,0,,530", // 2026 km rate 5.30: ok
		"K7,E7,IE-IDI,2026-02-01 10:00,2026-02-02 10:00,2026-02-R,100,5.31,0,,531", // above
	)
	if g, want := got(e.check("2025-06-R")), []string{"travel_rate_above_state E2 error", "travel_rate_above_state E4 error"}; !slices.Equal(g, want) {
		t.Errorf("2025: %v, want %v", g, want)
	}
	// K5's per diem of 2026 has no state rate: one warning for the year and kind.
	if g, want := got(e.check("2026-02-R")), []string{"travel_rate_above_state - warn", "travel_rate_above_state E7 error"}; !slices.Equal(g, want) {
		t.Errorf("2026: %v, want %v", g, want)
	}
}

// A main run paid off the pay calendar is found; one on it is not.
func TestPayDateOffSchedule(t *testing.T) {
	e := newEnv(t)
	e.load("employees.csv", "employees", employees...)
	e.load("pay.csv", "pay-lines", payHeader,
		pl("2026-03-H", "2026-03-13", "2026-03", "E1", "1000 Fastlønn", "fastloenn", "50000"), // 12 March is a Thursday
		pl("2026-04-H", "2026-04-10", "2026-04", "E1", "1000 Fastlønn", "fastloenn", "50000"), // 12 April a Sunday: Friday 10th
	)
	e.cfg.Checks = map[string]map[string]float64{"run_totals_change": {"warn_pct": 1000, "error_pct": 1000}}
	has := func(res *checks.Result) bool {
		return slices.ContainsFunc(res.Findings, func(f checks.Finding) bool { return f.Rule == "pay_date_off_schedule" })
	}
	if !has(e.check("2026-03-H")) {
		t.Error("2026-03-H paid on the 13th: no pay_date_off_schedule finding")
	}
	if has(e.check("2026-04-H")) {
		t.Error("2026-04-H paid on Friday 10 April: a pay_date_off_schedule finding")
	}
}

// Every rule id of SPEC §5 exists, with a header that parses.
func TestEveryRuleExists(t *testing.T) {
	rules, err := checks.LoadRules(slakpi.SQL)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	for _, id := range []string{"missing_cost_centre", "no_main_salary", "duplicate_pay_line", "multiple_main_salary",
		"paid_outside_employment", "negative_net_pay", "main_salary_change", "large_one_off", "hours_over_limit",
		"travel_rate_above_state", "wage_type_without_amelding_code", "pay_date_off_schedule", "run_totals_change"} {
		if !slices.Contains(ids, id) {
			t.Errorf("no rule %s", id)
		}
	}
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
