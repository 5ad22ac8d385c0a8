package kpi_test

import (
	"context"
	"math"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/kpi"
)

// loadHires loads new hires and travel claims timed by hand (SPEC §4.3).
func loadHires(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	for _, f := range []struct {
		name, format string
		lines        []string
	}{
		{"cases.csv", ingest.CasesCSV, []string{
			"number,call_date,caller_unit,status,category,completed_date,employee_id",
			// E1: case Mon 2 Feb, registered Thu 5 Feb: 3 working days.
			"N1,2026-02-02 09:00,IE,Lukket,Nyansettelse,2026-02-05 10:00,E1",
			// E2: case Fri 27 Mar, registered Thu 9 Apr: Easter between,
			// working days 27, 30, 31 Mar, 1, 7, 8 Apr = 6.
			"N2,2026-03-27 14:00,NV,Lukket,Nyansettelse,2026-04-09 09:00,E2",
			// E3 never registered; E1 again in another category.
			"N3,2026-02-02 09:00,IE,I arbeid,Nyansettelse,,E3",
			"L1,2026-02-02 09:00,IE,Lukket,Lønn,2026-02-03 09:00,E1",
		}},
		{"employees.csv", ingest.Employees, []string{
			"employee_id,employment_id,unit,start_date,end_date,position_pct,status,bank_account_hash,registered_at",
			// Start 1 Mar: cut-off 7 working days before Thu 12 Mar = Tue 3 Mar; in time.
			"E1,E1-1,IE,2026-03-01,,100,active,,2026-02-05 10:00",
			// Start 1 Apr: pay date Fri 10 Apr (12th a Sunday), cut-off Fri 27 Mar; late.
			"E2,E2-1,NV,2026-04-01,,100,active,,2026-04-09 09:00",
		}},
		{"pay.csv", ingest.PayLines, []string{
			"run_id,run_type,pay_date,period,employee_id,employment_id,unit,cost_centre,wage_type,amelding_code,amount,hours,rate",
			"2026-01-R,travel,2026-01-20,2026-01,E1,E1-1,IE,KS-1,7000 Reise,trekkfriBilgodtgjoerelse,500,,",
			"2026-04-R,travel,2026-04-03,2026-04,E2,E2-1,NV,KS-1,7000 Reise,trekkfriBilgodtgjoerelse,500,,",
		}},
		{"claims.csv", ingest.TravelClaims, []string{
			"claim_id,employee_id,unit,submitted_at,approved_at,paid_run_id,km,km_rate,per_diem_days,per_diem_rate,amount",
			"T1,E1,IE,2026-01-05 10:00,2026-01-06 10:00,2026-01-R,100,5.30,0,,530", // 15 days
			"T2,E2,NV,2026-01-10 10:00,2026-01-11 10:00,2026-01-R,100,5.30,0,,530", // 10 days
			"T3,E2,NV,2026-03-20 10:00,2026-03-21 10:00,2026-04-R,100,5.30,0,,530", // 14 days, Q2
		}},
	} {
		if err := e.load(f.name, f.format, f.lines...); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

func TestNewHireAndTravelKPIs(t *testing.T) {
	e := loadHires(t)
	q1, q2 := e.kpis("2026Q1"), e.kpis("2026Q2")
	for _, tc := range []struct {
		q    string
		id   string
		want float64
		n    int64
	}{
		{"2026Q1", "newhire.lead_bd_p50", 3, 1},
		{"2026Q2", "newhire.lead_bd_p90", 6, 1},
		{"2026Q1", "newhire.before_first_run", 1, 1},
		{"2026Q2", "newhire.before_first_run", 0, 1},
		{"2026Q1", "travel.days_to_pay_p50", 12.5, 2}, // 10, 15
		{"2026Q1", "travel.days_to_pay_p90", 14.5, 2}, // 10 + 0.9·5
		{"2026Q1", "travel.paid_within_14d", 0.5, 2},
		{"2026Q2", "travel.paid_within_14d", 1, 1}, // 14 days is within
	} {
		k := q1[tc.id]
		if tc.q == "2026Q2" {
			k = q2[tc.id]
		}
		if k.Value == nil || math.Abs(*k.Value-tc.want) > 1e-9 || k.N != tc.n {
			t.Errorf("%s %s = %v (n %d), want %v (n %d)", tc.q, tc.id, deref(k.Value), k.N, tc.want, tc.n)
		}
	}
}

// The lists behind the workbooks: a unit's rows only, the centre's totals.
func TestNewHireAndTravelLists(t *testing.T) {
	e := loadHires(t)
	ctx := context.Background()
	if err := e.engine.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	q1, _ := kpi.ParseQuarter("2026Q1")
	hires, err := e.engine.UnitNewHires(ctx, q1, "IE")
	if err != nil {
		t.Fatal(err)
	}
	if len(hires) != 1 || hires[0].EmployeeID != "E1" || hires[0].LeadBD == nil || *hires[0].LeadBD != 3 ||
		hires[0].BeforeCutoff == nil || !*hires[0].BeforeCutoff {
		t.Errorf("IE's new hires in 2026Q1 = %+v, want E1 after 3 days, before the cut-off", hires)
	}
	travel, err := e.engine.UnitTravel(ctx, q1, "NV")
	if err != nil {
		t.Fatal(err)
	}
	if len(travel) != 1 || travel[0].ClaimID != "T2" || *travel[0].DaysToPay != 10 || *travel[0].Amount != 530 {
		t.Errorf("NV's claims paid in 2026Q1 = %+v, want T2 after 10 days, 530 kr", travel)
	}
	all, units, err := e.engine.HiresTravel(ctx, q1)
	if err != nil {
		t.Fatal(err)
	}
	if all.NewHires != 1 || all.Claims != 2 || all.DaysP50 == nil || *all.DaysP50 != 12.5 {
		t.Errorf("centre row = %+v, want 1 new hire, 2 claims, p50 12.5 days", all)
	}
	if len(units) != 2 {
		t.Errorf("%d unit rows, want IE and NV (seen in the data)", len(units))
	}
}
