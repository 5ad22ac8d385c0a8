package kpi_test

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"slakpi/pipeline/kpi"
	"slakpi/reports"
)

// loadFollowup loads follow-up data built by hand around May 2026, where
// Thursday 14 May is Ascension Day and Friday 1 May Labour Day.
func loadFollowup(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	for _, f := range []struct {
		name, format string
		lines        []string
	}{
		{"absences.csv", "absences", []string{
			"employee_id,unit,kind,from_date,to_date,grade_pct",
			"E1,IE,sick,2026-04-01,2026-04-16,100", // 16 days: the employer period, no claim needed
			"E2,IE,sick,2026-04-01,2026-04-17,100", // 17 days, no claim: missing
			"E3,NV,sick,2026-04-01,2026-05-31,50",  // claimed only on 5 June (R3)
			"E4,NV,sick,2026-04-16,,100",           // plan due 14 May, a holiday: 13 May
			"E5,IE,sick,2026-03-02,,20",            // both deadlines passed by 11 May
			"E6,IE,sick,2026-01-05,2026-02-20,100", // claimed (R1)
			"E7,IE,parental,2026-01-01,2026-09-30,100",
		}},
		{"refunds.csv", "nav-refunds", []string{
			"claim_id,employee_id,unit,kind,period_from,period_to,claimed_at,amount_claimed,paid_at,amount_paid",
			"R1,E6,IE,sick,2026-01-21,2026-02-20,2026-03-01 10:00,10000.00,2026-04-01 10:00,4000.00",
			"R2,E5,IE,sick,2026-03-18,2026-05-10,2026-04-01 10:00,20000.00,,",
			"R3,E3,NV,sick,2026-04-17,2026-05-31,2026-06-05 10:00,5000.00,2026-06-25 10:00,5000.00",
			"R4,E4,NV,sick,2026-05-02,2026-05-31,2026-05-05 10:00,8000.00,,",
		}},
		{"contracts.csv", "contracts", []string{
			"contract_id,employee_id,unit,kind,sent_at,signed_at,start_date,end_date,max_date",
			"K1,E11,IE,temporary,2026-04-20 10:00,2026-05-04 09:00,2026-06-01,2026-12-31,",           // signed on day 14
			"K2,E12,IE,temporary,2026-04-20 10:00,2026-05-05 09:00,2026-06-01,2026-12-31,",           // signed on day 15
			"K3,E13,NV,temporary,2026-04-20 10:00,2026-05-04 09:00,2026-05-01,2026-12-31,",           // started before signing
			"K4,E14,NV,temporary,2026-01-05 10:00,2026-01-06 10:00,2026-01-15,2026-06-30,",           // ends within 60 days of 5 May
			"K5,E15,NV,temporary,2026-01-05 10:00,2026-01-06 10:00,2026-01-15,2026-07-10,2026-07-01", // end in 66 days, max in 57
			"K6,E16,IE,hourly,2026-06-01 10:00,,2026-08-01,2026-12-31,",                              // never signed
		}},
		{"forms.csv", "forms-in-flow", []string{
			"form_id,employee_id,unit,form_type,submitted_at,current_step,approver_role,status,affects_pay,pay_cutoff,approved_at",
			"F1,E1,IE,Overtid,2026-05-02 10:00,Godkjent,leder,Godkjent,true,2026-05-04 12:00,2026-05-04 11:59", // a minute before
			"F2,E2,IE,Overtid,2026-05-02 10:00,Godkjent,leder,Godkjent,true,2026-05-04 12:00,2026-05-04 12:01", // a minute after
			"F3,E3,NV,Timeliste,2026-05-02 10:00,Leder,leder,Til godkjenning,true,,",                           // still in flow
			"F4,E4,NV,Permisjonssøknad,2026-05-02 10:00,Leder,leder,Til godkjenning,false,,",                   // does not affect pay
		}},
	} {
		if err := e.load(f.name, f.format, f.lines...); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.engine.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

// rows reads one list as of a date: "kind employee deadline overdue".
func rows(t *testing.T, db *sql.DB, macro, asOf string) []string {
	t.Helper()
	r, err := db.Query(`SELECT coalesce(kind, 'NULL') || ' ' || coalesce(employee_id, 'NULL') || ' ' || coalesce(strftime(deadline, '%Y-%m-%d'), '-') || ' ' || coalesce(overdue::VARCHAR, 'NULL')
		FROM `+macro+`(?::DATE) ORDER BY 1`, asOf)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []string
	for r.Next() {
		var s string
		if err := r.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestFollowupLists(t *testing.T) {
	e := loadFollowup(t)
	db := e.store.DB
	for _, tc := range []struct {
		macro, asOf string
		want        []string
	}{
		// As of Monday 11 May: E3 runs from 1 April (plan 29 April passed,
		// dialogue 20 May); E4's plan falls on Ascension Day 14 May, so is
		// due Wednesday 13 May; E5's dialogue meeting was due 20 April.
		{"followup_sick_leave", "2026-05-11", []string{
			"dialogue E3 2026-05-20 false", "dialogue E5 2026-04-20 true", "plan E4 2026-05-13 false"}},
		// E1's 16 days need no claim, E2's 17 do; E3's claim comes in June.
		// R1 was sent 1 March (over 60 days before 11 May), 6000 unpaid.
		{"followup_refunds", "2026-05-11", []string{
			"missing E2 2026-07-17 false", "missing E3 2026-07-17 false", "unpaid E6 2026-04-30 true"}},
		// As of 5 May: K1 signed on day 14, K2 still unsigned at the start
		// of day 15; K3 started 1 May, signed 4 May.
		{"followup_contracts", "2026-05-05", []string{
			"started_unsigned E13 2026-05-01 false", "unsigned E12 2026-05-04 true"}},
		// Within 60 days of 5 May: K4 ends 30 June, K5's max date 1 July.
		{"followup_leavers", "2026-05-05", []string{"end_date E14 2026-06-30 false", "max_date E15 2026-07-01 false"}},
		// F2 approved a minute after its cut-off; F3 waits for June's
		// cut-off: pay Friday 12 June, 7 working days before is 3 June.
		{"followup_forms", "2026-05-05", []string{"blocking E2 2026-05-04 true", "blocking E3 2026-06-03 false"}},
	} {
		if got := rows(t, db, tc.macro, tc.asOf); !slices.Equal(got, tc.want) {
			t.Errorf("%s as of %s (-want +got):\n-%s\n+%s", tc.macro, tc.asOf,
				strings.Join(tc.want, "\n-"), strings.Join(got, "\n+"))
		}
	}
}

// A quarter's follow-up KPIs are the lists' counts and sums as of its last
// day (30 June 2026).
func TestFollowupKPIsEqualLists(t *testing.T) {
	e := loadFollowup(t)
	got := e.kpis("2026Q2")
	var missing, unsigned, forms int64
	var outstanding float64
	if err := e.store.DB.QueryRow(`SELECT
		(SELECT count(*) FROM followup_refunds('2026-06-30'::DATE) WHERE kind = 'missing'),
		(SELECT count(*) FROM followup_contracts('2026-06-30'::DATE) WHERE kind = 'unsigned'),
		(SELECT count(*) FROM followup_forms('2026-06-30'::DATE)),
		(SELECT sum(outstanding) FROM followup_refund_outstanding('2026-06-30'::DATE))`).Scan(&missing, &unsigned, &forms, &outstanding); err != nil {
		t.Fatal(err)
	}
	// By hand: E2 missing; K6 unsigned; F3 blocking (July's cut-off);
	// outstanding R1 6000 + R2 20000 + R4 8000 (R3 paid in full) = 34000.
	for _, c := range []struct {
		id         string
		list, hand float64
	}{
		{"followup.refund_missing", float64(missing), 1},
		{"followup.unsigned_contracts", float64(unsigned), 1},
		{"followup.forms_blocking_pay", float64(forms), 1},
		{"followup.refund_outstanding_nok", outstanding, 34000},
	} {
		v := got[c.id].Value
		if v == nil || *v != c.list || math.Abs(*v-c.hand) > 1e-9 {
			t.Errorf("%s = %v, list gives %v, by hand %v", c.id, deref(v), c.list, c.hand)
		}
	}
	// Per unit: NV holds E3 and E4's claims and none missing.
	q, _ := kpi.ParseQuarter("2026Q2")
	ks, err := e.engine.Compute(context.Background(), q, "NV")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		if k.ID == "followup.refund_outstanding_nok" && (k.Value == nil || *k.Value != 8000) {
			t.Errorf("NV's outstanding = %v, want 8000 (R4)", deref(k.Value))
		}
	}
}

// The lists' totals, centre-wide and per unit, are the KPI files' figures
// on the lists' date.
func TestFollowupTotals(t *testing.T) {
	e := loadFollowup(t)
	ctx := context.Background()
	day, _ := time.ParseInLocation(time.DateOnly, "2026-06-30", oslo)
	rows, tot, err := e.engine.Followup(ctx, day, "")
	if err != nil {
		t.Fatal(err)
	}
	// By hand, as in TestFollowupKPIsEqualLists.
	want := reports.FollowupTotals{RefundMissing: 1, RefundOutstanding: 34000, UnsignedContracts: 1, FormsBlockingPay: 1}
	if tot != want || len(rows) == 0 {
		t.Errorf("totals %+v (%d rows), want %+v", tot, len(rows), want)
	}
	units, err := e.engine.FollowupByUnit(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		_, one, err := e.engine.Followup(ctx, day, u.Unit.Code)
		if err != nil {
			t.Fatal(err)
		}
		if one != u.FollowupTotals {
			t.Errorf("%s: all units at once %+v, alone %+v", u.Unit.Code, u.FollowupTotals, one)
		}
		if u.Unit.Code == "NV" && u.RefundOutstanding != 8000 {
			t.Errorf("NV outstanding %v, want 8000 (R4)", u.RefundOutstanding)
		}
	}
}
