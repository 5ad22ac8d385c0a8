package kpi_test

import (
	"context"
	"testing"

	"slakpi/pipeline/kpi"
)

// ComputeUnits gives every unit the figures Compute gives it alone.
func TestComputeUnitsEqualsCompute(t *testing.T) {
	ctx := context.Background()
	for name, load := range map[string]func(*testing.T) *env{
		"cases": loadHandCases, "followup": loadFollowup, "new hires and travel": loadHires,
	} {
		t.Run(name, func(t *testing.T) {
			e := load(t)
			if err := e.engine.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			units, err := e.engine.Units(ctx)
			if err != nil || len(units) == 0 {
				t.Fatalf("units: %v, %v", units, err)
			}
			for _, qs := range []string{"2026Q1", "2026Q2"} {
				q, _ := kpi.ParseQuarter(qs)
				all, err := e.engine.ComputeUnits(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range units {
					one, err := e.engine.Compute(ctx, q, u.Code)
					if err != nil {
						t.Fatal(err)
					}
					got := all[u.Code]
					if len(got) != len(one) {
						t.Fatalf("%s %s: %d KPIs, want %d", qs, u.Code, len(got), len(one))
					}
					for i := range one {
						if got[i].ID != one[i].ID || got[i].N != one[i].N || deref(got[i].Value) != deref(one[i].Value) {
							t.Errorf("%s %s %s: %v (n %d), alone %v (n %d)", qs, u.Code, one[i].ID,
								deref(got[i].Value), got[i].N, deref(one[i].Value), one[i].N)
						}
					}
				}
			}
		})
	}
}
