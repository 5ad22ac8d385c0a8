package reports

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestDeviationsSheet(t *testing.T) {
	tests := []struct {
		lang, sheet string
		kpis        []string
		levels      []string
		statuses    []string
	}{
		{"nb", "Avvik",
			[]string{"Servicenivå (HF)", "Servicenivå", "Servicenivå", "Andel lagt på", "Snittventetid besvarte anrop (ASA)"},
			[]string{"HR-direktør", "Seksjonsleder", "Håndteres i senteret", "Seksjonsleder", "Seksjonsleder"},
			[]string{"Åpen", "Åpen", "Åpen", "Lukket", "Lukket"}},
		{"en", "Deviations",
			[]string{"Service level (HF)", "Service level", "Service level", "Abandon rate", "Average speed of answer (ASA)"},
			[]string{"HR director", "Section head", "Handled in the centre", "Section head", "Section head"},
			[]string{"Open", "Open", "Open", "Closed", "Closed"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			f, _ := writeSample(t, withTrends(sampleQuarterly(tt.lang)))
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			body := rows[devHead:] // open first, newest quarter, highest level; 2026Q4 left out
			if len(body) != len(tt.kpis) {
				t.Fatalf("%d deviation rows, want %d: %q", len(body), len(tt.kpis), body)
			}
			for i, r := range body {
				if r[0] != tt.kpis[i] || r[9] != tt.levels[i] || r[10] != tt.statuses[i] {
					t.Errorf("row %d = %q, want %s, %s, %s", devHead+1+i, r, tt.kpis[i], tt.levels[i], tt.statuses[i])
				}
			}
			if !strings.Contains(strings.Join(rows[3], ""), "slakpi avvik note --kpi ID --quarter YYYYQn --text") {
				t.Errorf("row 4 = %q, want the command that sets a measure", rows[3])
			}
		})
	}
}

func TestDeviationsSheetCells(t *testing.T) {
	f, _ := writeSample(t, withTrends(sampleQuarterly("nb")))
	const sheet = "Avvik"
	second, asa := strconv.Itoa(devHead+2), strconv.Itoa(devHead+5)
	expectCells(t, f, sheet, []cellCheck{
		{"B" + second, "phone.service_level", ""},
		{"D" + second, "74.0%", fmtShare},
		{"E" + second, "≥ 80.0%", `"≥ "0.0%`},
		{"F" + second, "6.0 pp", `0.0" pp"`},
		{"G" + second, "2026Q2", ""},
		{"H" + second, "2", fmtCount},
		{"I" + second, "2", fmtCount},
		{"L" + second, "Flere på telefonvakt 10–12", ""},
		{"M" + second, "2026-10-03 14:15", fmtDateTime}, // Oslo time
		{"D" + asa, "1:11", fmtDuration},
		{"F" + asa, "11.0 s", `0.0" s"`},
	})
	if got := raw(t, f, sheet, "F"+second); got != 6 {
		t.Errorf("gap = %v, want 6 percentage points", got)
	}
	if got, _ := f.GetCellValue(sheet, cell(12, devHead+3)); got != "ikke satt" {
		t.Errorf("an open deviation without a measure shows %q, want ikke satt", got)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != devHead {
		t.Errorf("panes = %+v, want frozen above row %d", panes, devHead+1)
	}
	want := "'Avvik'!$A$" + strconv.Itoa(devHead) + ":$M$" + strconv.Itoa(devHead+5)
	if got := filterOf(f, sheet); got != want {
		t.Errorf("autofilter = %q, want %q", got, want)
	}
	formats, _ := f.GetConditionalFormats(sheet)
	rules := formats[area(devLevelCol, devHead+1, devLevelCol+1, devHead+5)]
	if len(rules) != 3 {
		t.Fatalf("level rules = %+v, want amber, orange and red", formats)
	}
	for i, r := range rules {
		level := strconv.Itoa(i + 1)
		if r.Type != "formula" || !strings.Contains(r.Criteria, `="Åpen"`) || !strings.HasSuffix(r.Criteria, "="+level+")") {
			t.Errorf("rule %d = %+v, want open deviations of level %s", i, r, level)
		}
	}
}

func TestDeviationsSheetEmpty(t *testing.T) {
	for lang, want := range map[string]string{"nb": "Ingen avvik", "en": "No deviations"} {
		f, _ := writeSample(t, sampleQuarterly(lang))
		sheet := messages[lang]["sheet.deviations"]
		if got, _ := f.GetCellValue(sheet, cell(1, devHead)); got != want {
			t.Errorf("%s: A%d = %q, want %q", lang, devHead, got, want)
		}
	}
}

func TestLevelsNote(t *testing.T) {
	tr, _ := newTranslator("nb")
	if got := levelsNote(tr, nil); !strings.Contains(got, "for hvert nye kvartal på rad") || !strings.Contains(got, "minst 25 %") {
		t.Errorf("default note = %q, want one step a quarter and 25 %%", got)
	}
	config := [][2]string{{perLevelKey, "2"}, {bigGapKey, "40"}}
	if got := levelsNote(tr, config); !strings.Contains(got, "for hver 2 nye kvartaler") || !strings.Contains(got, "minst 40 %") {
		t.Errorf("configured note = %q, want two quarters a step and 40 %%", got)
	}
}

func TestListedDeviations(t *testing.T) {
	devs := listedDeviations([]Deviation{
		{KPI: "b", Quarter: "2026Q1", Level: 1, Status: "closed"},
		{KPI: "a", Quarter: "2026Q2", Level: 1, Status: "open"},
		{KPI: "c", Quarter: "2026Q2", Level: 3, Status: "open"},
		{KPI: "d", Quarter: "2026Q4", Level: 3, Status: "open"},
	}, "2026Q3")
	var got []string
	for _, d := range devs {
		got = append(got, d.KPI)
	}
	if want := []string{"c", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}
