package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"slakpi"
	"slakpi/pipeline/avvik"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

func (a *app) avvik(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: avvik list | avvik note --kpi ID --quarter YYYYQn --text TEXT", errUsage)
	}
	switch args[0] {
	case "list":
		return a.avvikList(ctx, args[1:])
	case "note":
		return a.avvikNote(ctx, args[1:])
	}
	return fmt.Errorf("%w: avvik %q: want list or note", errUsage, args[0])
}

// refresh recomputes every data quarter's KPIs and the deviation register,
// so trends and deviations follow the data and configuration in force.
func (a *app) refresh(ctx context.Context, s *store.Store, eng *kpi.Engine) error {
	if err := eng.ComputeAll(ctx); err != nil {
		return err
	}
	return avvik.Recompute(ctx, s.DB, slakpi.SQL, a.cfg)
}

func (a *app) avvikList(ctx context.Context, args []string) error {
	fs := a.flags("avvik list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	var ds []reports.Deviation
	err := a.computed(ctx, true, func(s *store.Store, _ *kpi.Engine) (err error) {
		ds, err = avvik.List(ctx, s.DB)
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if ds == nil {
			ds = []reports.Deviation{}
		}
		return enc.Encode(ds)
	}
	fmt.Fprintf(a.stdout, "%-7s %-28s %10s %10s %5s %5s %-6s %s\n", "quarter", "KPI", "value", "target", "run", "level", "status", "measure")
	for _, d := range ds {
		fmt.Fprintf(a.stdout, "%-7s %-28s %10s %10s %5d %5d %-6s %s\n", d.Quarter, d.KPI,
			strconv.FormatFloat(d.Value, 'f', 1, 64), d.Comparison+" "+strconv.FormatFloat(d.Target, 'f', 1, 64),
			d.Consecutive, d.Level, d.Status, d.Measure)
	}
	return nil
}

func (a *app) avvikNote(ctx context.Context, args []string) error {
	fs := a.flags("avvik note")
	id := fs.String("kpi", "", "the KPI's id, e.g. phone.asa_s")
	quarter := fs.String("quarter", "", "the quarter, YYYYQn")
	text := fs.String("text", "", "the measure (tiltak)")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	q, err := kpi.ParseQuarter(*quarter)
	if err != nil || *id == "" || *text == "" {
		return fmt.Errorf("%w: avvik note --kpi ID --quarter YYYYQn --text TEXT", errUsage)
	}
	s, err := a.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := avvik.Note(ctx, s.DB, *id, q.String(), *text, whoAmI()); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "measure set for %s in %s\n", *id, q)
	return nil
}
