// Package kpi computes slakpi's KPIs: it rebuilds the derived tables from the
// raw ones and the calendars, then runs one SQL file per KPI.
package kpi

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Def is one KPI query file under sql/kpi/, with its header metadata:
//
//	-- id: phone.asa_s
//	-- unit: s
//	-- comparison: <=
//	-- scope: unit
//
// The query returns one row (value, n). It may use the parameters $quarter
// ('2026Q3'), $quarter_start and $quarter_end (instants), and $unit (a unit
// code, NULL for the whole centre).
type Def struct {
	ID         string
	Unit       string
	Comparison string // "<=", ">=" or "": which way is better
	PerUnit    bool   // scope: unit — computed per unit too, not only centre-wide
	Title      string // the first plain comment line
	File       string
	Query      string
}

// LoadDefs reads and checks every sql/kpi/**/*.sql file, in path order, so a
// bad file fails before anything runs.
func LoadDefs(sqlFS fs.FS) ([]Def, error) {
	var defs []Def
	seen := map[string]string{}
	err := fs.WalkDir(sqlFS, "kpi", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".sql" {
			return err
		}
		b, err := fs.ReadFile(sqlFS, p)
		if err != nil {
			return err
		}
		def, err := parseDef(p, string(b))
		if err != nil {
			return err
		}
		if other, dup := seen[def.ID]; dup {
			return fmt.Errorf("%s: id %s already defined in %s", p, def.ID, other)
		}
		seen[def.ID] = p
		defs = append(defs, def)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("kpi definitions: %w", err)
	}
	return defs, nil
}

func parseDef(file, body string) (Def, error) {
	d := Def{File: file, Query: body}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "--") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "--"))
		key, val, ok := strings.Cut(text, ":")
		switch key = strings.TrimSpace(key); {
		case ok && key == "id":
			d.ID = strings.TrimSpace(val)
		case ok && key == "unit":
			d.Unit = strings.TrimSpace(val)
		case ok && key == "comparison":
			d.Comparison = strings.TrimSpace(val)
		case ok && key == "scope":
			switch strings.TrimSpace(val) {
			case "unit":
				d.PerUnit = true
			case "centre":
			default:
				return d, fmt.Errorf("%s: scope %q: want centre or unit", file, strings.TrimSpace(val))
			}
		case d.Title == "":
			d.Title = text
		}
	}
	switch {
	case d.ID == "":
		return d, fmt.Errorf("%s: no '-- id:' header", file)
	case d.Unit == "":
		return d, fmt.Errorf("%s: no '-- unit:' header", file)
	case d.Comparison != "" && d.Comparison != "<=" && d.Comparison != ">=":
		return d, fmt.Errorf("%s: comparison %q: want <= or >=", file, d.Comparison)
	}
	return d, nil
}
