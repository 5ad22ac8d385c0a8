package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"slakpi"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

// kpiJSON is the object `kpi --json` prints (SPEC §7).
type kpiJSON struct {
	Quarter string      `json:"quarter"`
	Unit    *string     `json:"unit"`
	KPIs    []kpiResult `json:"kpis"`
}

type kpiResult struct {
	ID         string   `json:"id"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Target     *float64 `json:"target"`
	Comparison *string  `json:"comparison"`
	Met        *bool    `json:"met"`
	N          int64    `json:"n"`
}

func (a *app) kpi(ctx context.Context, args []string) error {
	fs := a.flags("kpi")
	quarter := fs.String("quarter", "", "quarter, YYYYQn")
	unit := fs.String("unit", "", "a unit's code: its KPIs, the units below it included")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	q, err := kpi.ParseQuarter(*quarter)
	if err != nil {
		return fmt.Errorf("%w: kpi: %v", errUsage, err)
	}
	return a.computed(ctx, false, func(_ *store.Store, eng *kpi.Engine) error {
		if *unit != "" {
			if err := knownUnit(ctx, eng, *unit); err != nil {
				return err
			}
		}
		ks, err := eng.Compute(ctx, q, *unit)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeKPIJSON(a.stdout, q, *unit, ks)
		}
		return writeKPITable(a.stdout, q, *unit, ks)
	})
}

// computed opens the database, rebuilds what derives from the raw tables
// and, with refresh, every quarter's KPIs and the deviation register, then
// runs fn.
func (a *app) computed(ctx context.Context, refresh bool, fn func(*store.Store, *kpi.Engine) error) error {
	s, err := a.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	if refresh {
		if err := a.refresh(ctx, s, eng); err != nil {
			return err
		}
	}
	return fn(s, eng)
}

// engine opens the KPI engine and rebuilds the derived tables, so figures
// always follow the raw data and the configuration in force.
func (a *app) engine(ctx context.Context, s *store.Store) (*kpi.Engine, error) {
	eng, err := kpi.NewEngine(s.DB, slakpi.SQL, a.cfg, a.cal)
	if err != nil {
		return nil, err
	}
	return eng, eng.Rebuild(ctx)
}

// knownUnit fails for a code that is neither in the tree nor in the data.
func knownUnit(ctx context.Context, eng *kpi.Engine, code string) error {
	units, err := eng.Units(ctx)
	if err != nil {
		return err
	}
	for _, u := range units {
		if u.Code == code {
			return nil
		}
	}
	return fmt.Errorf("unit %q: not in the organisation tree nor in the data (%d units known)", code, len(units))
}

func writeKPIJSON(w io.Writer, q kpi.Quarter, unit string, ks []reports.KPI) error {
	out := kpiJSON{Quarter: q.String(), KPIs: make([]kpiResult, len(ks))}
	if unit != "" {
		out.Unit = &unit
	}
	for i, k := range ks {
		out.KPIs[i] = kpiResult{ID: k.ID, Value: k.Value, Unit: k.Unit, Target: k.Target, Met: k.Met, N: k.N}
		if k.Comparison != "" {
			c := k.Comparison
			out.KPIs[i].Comparison = &c
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeKPITable(w io.Writer, q kpi.Quarter, unit string, ks []reports.KPI) error {
	if unit == "" {
		fmt.Fprintf(w, "%s, whole centre\n", q)
	} else {
		fmt.Fprintf(w, "%s, unit %s (and the units below it)\n", q, unit)
	}
	fmt.Fprintf(w, "%-24s %10s %11s %4s %8s\n", "KPI", "value", "target", "met", "n")
	for _, k := range ks {
		if _, err := fmt.Fprintf(w, "%-24s %10s %11s %4s %8d\n", k.ID, show(k.Value, k.Unit), target(k), met(k.Met), k.N); err != nil {
			return err
		}
	}
	return nil
}

func show(v *float64, unit string) string {
	if v == nil {
		return "–"
	}
	switch unit {
	case "share":
		return strconv.FormatFloat(100**v, 'f', 1, 64) + " %"
	case "count":
		return strconv.FormatFloat(*v, 'f', 0, 64)
	}
	return strconv.FormatFloat(*v, 'f', 1, 64) + " " + unit
}

func target(k reports.KPI) string {
	if k.Target == nil {
		return ""
	}
	return k.Comparison + " " + show(k.Target, k.Unit)
}

func met(m *bool) string {
	switch {
	case m == nil:
		return ""
	case *m:
		return "yes"
	}
	return "NO"
}
