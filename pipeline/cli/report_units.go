package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"slakpi"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
	"slakpi/reports"
)

// unitQuarters is how many quarters a unit's key figures show side by side.
const unitQuarters = 4

func (a *app) reportUnits(ctx context.Context, args []string) error {
	fs := a.flags("report units")
	quarter := fs.String("quarter", "", "quarter, YYYYQn")
	out := fs.String("out", "", "folder to write the workbooks into")
	unit := fs.String("unit", "", "only this unit's workbook")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	q, err := quarterAndOut("report units", *quarter, *out)
	if err != nil {
		return err
	}
	return a.computed(ctx, false, func(_ *store.Store, eng *kpi.Engine) error {
		paths, err := a.writeUnits(ctx, eng, q, *unit, *out)
		for _, p := range paths {
			fmt.Fprintln(a.stdout, p)
		}
		return err
	})
}

// writeUnits writes the status-meeting workbook of every unit, or of the
// one named, into dir. The engine must be rebuilt.
func (a *app) writeUnits(ctx context.Context, eng *kpi.Engine, q kpi.Quarter, only, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return a.writeUnitsInto(ctx, eng, q, only, func(string) (string, error) { return dir, nil })
}

// writeUnitsInto writes each unit's workbook (or only's) into the folder
// dirOf gives for its code, returning the paths written.
func (a *app) writeUnitsInto(ctx context.Context, eng *kpi.Engine, q kpi.Quarter, only string,
	dirOf func(code string) (string, error)) ([]string, error) {
	units, err := eng.Units(ctx)
	if err != nil {
		return nil, err
	}
	if only != "" {
		if err := knownUnit(ctx, eng, only); err != nil {
			return nil, err
		}
	}
	phone, err := eng.Quarter(ctx, q)
	if err != nil {
		return nil, err
	}
	phone = centreOnly(eng, phone)
	// Every unit's KPIs of the quarters shown, a query per KPI and quarter.
	byQuarter := make([]map[string][]reports.KPI, unitQuarters)
	for i := range byQuarter {
		if byQuarter[i], err = eng.ComputeUnits(ctx, q.Add(i-unitQuarters+1)); err != nil {
			return nil, err
		}
	}
	var paths []string
	for _, u := range units {
		if only != "" && u.Code != only {
			continue
		}
		in, err := a.unitReport(ctx, eng, q, u, phone, byQuarter)
		if err != nil {
			return paths, fmt.Errorf("unit %s: %w", u.Code, err)
		}
		dir, err := dirOf(u.Code)
		if err != nil {
			return paths, err
		}
		path := filepath.Join(dir, reports.UnitFileName(u.Code, q.String()))
		if err := reports.WriteUnit(path, in); err != nil {
			return paths, fmt.Errorf("write %s: %w", path, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// unitReport gathers one unit's workbook; byQuarter holds every unit's
// KPIs of the unitQuarters quarters ending with q, oldest first.
func (a *app) unitReport(ctx context.Context, eng *kpi.Engine, q kpi.Quarter, u reports.Unit, phone []reports.KPI,
	byQuarter []map[string][]reports.KPI) (*reports.UnitReport, error) {
	in := &reports.UnitReport{Unit: u, Quarter: q.String(), Lang: a.g.lang, Phone: phone,
		Version: slakpi.Version, GeneratedAt: time.Now()}
	for i, ks := range byQuarter {
		in.Quarters = append(in.Quarters, q.Add(i-len(byQuarter)+1).String())
		in.KPIs = append(in.KPIs, ks[u.Code])
	}
	var err error
	if in.Cases, err = eng.UnitCases(ctx, q, u.Code); err != nil {
		return nil, err
	}
	if in.NewHires, err = eng.UnitNewHires(ctx, q, u.Code); err != nil {
		return nil, err
	}
	if in.Travel, err = eng.UnitTravel(ctx, q, u.Code); err != nil {
		return nil, err
	}
	if in.Findings, err = eng.UnitFindings(ctx, q, u.Code); err != nil {
		return nil, err
	}
	in.Followup, err = a.unitFollowup(ctx, eng, q, u)
	return in, err
}

// centreOnly keeps the KPIs that are not computed per unit: the phone's.
func centreOnly(eng *kpi.Engine, ks []reports.KPI) []reports.KPI {
	perUnit := map[string]bool{}
	for _, d := range eng.Defs() {
		perUnit[d.ID] = d.PerUnit
	}
	var out []reports.KPI
	for _, k := range ks {
		if !perUnit[k.ID] {
			out = append(out, k)
		}
	}
	return out
}
