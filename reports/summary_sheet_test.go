package reports

import (
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fontColour is the font colour of a cell, without '#', upper case.
func fontColour(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Font == nil {
		return ""
	}
	return strings.ToUpper(strings.TrimPrefix(st.Font.Color, "#"))
}

func TestMovement(t *testing.T) {
	tests := []struct {
		name    string
		k       KPI
		before  *float64
		arrow   string
		verdict int
	}{
		{"<= going down is better", KPI{Value: num(41.5), Unit: "s", Comparison: "<="}, num(50), "▼", 1},
		{"<= going up is worse", KPI{Value: num(70), Unit: "s", Comparison: "<="}, num(50), "▲", -1},
		{">= going up is better", KPI{Value: num(0.74), Unit: "share", Comparison: ">="}, num(0.7), "▲", 1},
		{">= going down is worse", KPI{Value: num(0.6), Unit: "share", Comparison: ">="}, num(0.7), "▼", -1},
		{"no comparison", KPI{Value: num(1000), Unit: "count"}, num(1100), "▼", 0},
		{"no change as shown", KPI{Value: num(0.7002), Unit: "share", Comparison: ">="}, num(0.7), "▶", 0},
		{"nil previous", KPI{Value: num(41.5), Unit: "s", Comparison: "<="}, nil, "", 0},
		{"nil value", KPI{Unit: "s", Comparison: "<="}, num(50), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arrow, verdict := movement(tt.k, tt.before)
			if arrow != tt.arrow || verdict != tt.verdict {
				t.Errorf("movement = %q, %d; want %q, %d", arrow, verdict, tt.arrow, tt.verdict)
			}
		})
	}
}

func TestSummaryArrows(t *testing.T) {
	q := sampleQuarterly("nb")
	q.KPIs = append(q.KPIs, KPI{ID: "cases.resolution_bh_p50", Value: num(12), Unit: "h", Target: num(16), Comparison: "<=", Met: flag(true)})
	q.Previous = append(q.Previous, KPI{ID: "cases.resolution_bh_p50", Value: num(9.5), Unit: "h"})
	f, _ := writeSample(t, q)
	const sheet = "Sammendrag"
	if got, _ := f.GetCellValue(sheet, "G3"); got != "Utvikling" {
		t.Errorf("G3 = %q, want the arrow column", got)
	}
	tests := []struct{ ref, want, colour string }{
		{"G4", "▼ bedre", colourGoodFg},     // ASA 50 → 41.5 s, lower is better
		{"G5", "▲ bedre", colourGoodFg},     // service level 70 → 74 %
		{"G6", "", ""},                      // abandon rate: no value, no previous
		{"G7", "", ""},                      // p90: no value
		{"G8", "▼", colourMuted},            // offered: no direction
		{"G10", "▲ dårligere", colourBadFg}, // resolution 9.5 → 12 h
	}
	for _, tt := range tests {
		got, _ := f.GetCellValue(sheet, tt.ref)
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
		}
		if c := fontColour(t, f, sheet, tt.ref); tt.colour != "" && c != tt.colour {
			t.Errorf("%s colour = %s, want %s", tt.ref, c, tt.colour)
		}
	}
}

func TestSummaryYearAgo(t *testing.T) {
	for _, tt := range []struct{ lang, sheet, head string }{
		{"nb", "Sammendrag", "Samme kvartal i fjor 2025Q3"},
		{"en", "Summary", "Same quarter last year 2025Q3"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			f, _ := writeSample(t, withTrends(sampleQuarterly(tt.lang)))
			if got, _ := f.GetCellValue(tt.sheet, "H3"); got != tt.head {
				t.Errorf("H3 = %q, want %q", got, tt.head)
			}
			if got := raw(t, f, tt.sheet, "H4"); math.Abs(got-75.0/secondsADay) > 1e-12 {
				t.Errorf("ASA a year ago = %v, want 75 s as a day fraction", got)
			}
			expectCells(t, f, tt.sheet, []cellCheck{
				{"H4", "1:15", fmtDuration},
				{"H5", "65.0%", fmtShare},
				{"H6", "", fmtShare}, // abandon rate: not in the year-ago quarter
				{"H8", "1,200", fmtCount},
			})
		})
	}
}

func TestSummaryComment(t *testing.T) {
	f, _ := writeSample(t, withTrends(sampleQuarterly("nb")))
	const sheet = "Sammendrag"
	want := "Avvik nivå 2 (2. kvartal på rad) – tiltak: Flere på telefonvakt 10–12"
	if got, _ := f.GetCellValue(sheet, "J5"); got != want {
		t.Errorf("service level comment = %q, want %q", got, want)
	}
	// ASA: closed in 2025Q4 and open only in a later quarter; abandon rate:
	// closed this quarter; the rest have no deviation.
	for _, ref := range []string{"J4", "J6", "J7", "J8", "J9"} {
		if got, _ := f.GetCellValue(sheet, ref); got != "" {
			t.Errorf("%s = %q, want no comment", ref, got)
		}
	}

	q := withTrends(sampleQuarterly("en"))
	q.Deviations = []Deviation{
		{KPI: "phone.asa_s", Quarter: "2026Q3", Unit: "HF", Level: 3, Consecutive: 4, Status: "open"},
		{KPI: "phone.asa_s", Quarter: "2026Q2", Level: 1, Consecutive: 1, Status: "open"},
		{KPI: "phone.service_level", Quarter: "2026Q3", Level: 1, Consecutive: 1, Status: "open"},
	}
	f, _ = writeSample(t, q)
	if got, _ := f.GetCellValue("Summary", "J4"); got != "" {
		t.Errorf("ASA comment = %q, want none: only a unit's or another quarter's deviation is open", got)
	}
	if got, _ := f.GetCellValue("Summary", "J5"); got != "Deviation level 1 (new) – measure: not set" {
		t.Errorf("service level comment = %q", got)
	}
}

func TestDeviationCommentCutsALongMeasure(t *testing.T) {
	tr, _ := newTranslator("nb")
	d := Deviation{Level: 3, Consecutive: 3, Measure: strings.Repeat("Mer bemanning i lønnsuka.\n", 10)}
	got := deviationComment(tr, d)
	if !strings.HasPrefix(got, "Avvik nivå 3 (3. kvartal på rad) – tiltak: Mer bemanning i lønnsuka. Mer") ||
		!strings.HasSuffix(got, "… (se arket «Avvik»)") || strings.Contains(got, "\n") {
		t.Errorf("comment = %q, want one line cut short with a pointer to the deviations sheet", got)
	}
}

func TestYearBefore(t *testing.T) {
	for in, want := range map[string]string{"2026Q3": "2025Q3", "2000Q1": "1999Q1", "": "", "2026Q5": "", "x": ""} {
		if got := yearBefore(in); got != want {
			t.Errorf("yearBefore(%q) = %q, want %q", in, got, want)
		}
	}
}
