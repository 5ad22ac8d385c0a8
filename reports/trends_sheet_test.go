package reports

import (
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// withTrends adds a year-ago quarter, eight trend quarters of the KPIs with
// a target or a planned measure, and a deviation register to q.
func withTrends(q *Quarterly) *Quarterly {
	q.YearAgo = []KPI{
		{ID: "phone.asa_s", Value: num(75), Unit: "s"},
		{ID: "phone.service_level", Value: num(0.65), Unit: "share"},
		{ID: "phone.offered", Value: num(1200), Unit: "count"},
	}
	q.TrendQuarters = []string{"2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"}
	series := func(vs ...float64) []*float64 {
		out := make([]*float64, len(vs))
		for i, v := range vs {
			if !math.IsNaN(v) {
				out[i] = num(v)
			}
		}
		return out
	}
	nan := math.NaN()
	q.Trends = []KPITrend{
		{ID: "phone.asa_s", Unit: "s", Target: num(60), Values: series(58, 66, 52, 75, 71, 55, 50, 41.5)},
		{ID: "phone.service_level", Unit: "share", Target: num(0.8), Values: series(0.82, 0.7, 0.78, 0.65, 0.72, 0.79, 0.7, 0.74)},
		{ID: "cases.resolution_bh_p50", Unit: "h", Values: series(nan, nan, 12, 10.5, 9, 11, 9.5, 7.25)},
		{ID: "cases.resolution_bh_p90", Unit: "h", Values: series(nan, nan, 40, 38, 35, 41, 33, 30)},
		{ID: "newhire.lead_bd_p50", Unit: "d", Values: series(nan, nan, nan, 7, 6.5, 6, 6, 4.5)},
		{ID: "travel.days_to_pay_p50", Unit: "d", Values: series(15, 14, 16, 13, 12, 14, 13, 12.5)},
	}
	at := time.Date(2026, 10, 3, 12, 15, 0, 0, time.UTC)
	q.Deviations = []Deviation{
		{KPI: "phone.asa_s", Quarter: "2025Q4", Value: 71, Target: 60, Comparison: "<=", Gap: 11,
			FirstMissed: "2025Q3", Consecutive: 2, Level: 2, Status: "closed", Measure: "To ekstra på telefonen i lønnsuka", MeasureAt: &at},
		{KPI: "phone.service_level", Quarter: "2026Q3", Value: 0.74, Target: 0.8, Comparison: ">=", Gap: 0.06,
			FirstMissed: "2026Q2", Consecutive: 2, Level: 2, Status: "open", Measure: "Flere på telefonvakt 10–12", MeasureAt: &at},
		{KPI: "phone.service_level", Quarter: "2026Q2", Value: 0.7, Target: 0.8, Comparison: ">=", Gap: 0.1,
			FirstMissed: "2026Q2", Consecutive: 1, Level: 1, Status: "open"},
		{KPI: "phone.service_level", Quarter: "2026Q3", Unit: "HF", Value: 0.5, Target: 0.8, Comparison: ">=", Gap: 0.3,
			FirstMissed: "2026Q3", Consecutive: 1, Level: 3, Status: "open", Measure: "Enhetens tiltak"},
		{KPI: "phone.abandon_rate", Quarter: "2026Q3", Value: 0.2, Target: 0.1, Comparison: "<=", Gap: 0.1,
			FirstMissed: "2026Q3", Consecutive: 1, Level: 2, Status: "closed"},
		{KPI: "phone.asa_s", Quarter: "2026Q4", Value: 90, Target: 60, Comparison: "<=", Gap: 30,
			FirstMissed: "2026Q4", Consecutive: 1, Level: 2, Status: "open"},
	}
	return q
}

func TestTrendsTable(t *testing.T) {
	for _, tt := range []struct{ lang, sheet, kpi string }{
		{"nb", "Trender", "Nøkkeltall"},
		{"en", "Trends", "KPI"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			q := withTrends(sampleQuarterly(tt.lang))
			f, _ := writeSample(t, q)
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			head := rows[trendsHead-1]
			if head[0] != tt.kpi || !slices.Equal(head[trendsFirst-1:], q.TrendQuarters) {
				t.Errorf("header = %q, want %s, target, then %q", head, tt.kpi, q.TrendQuarters)
			}
			asa := trendsHead + 1
			if got := raw(t, f, tt.sheet, cell(trendsFirst+7, asa)); math.Abs(got-41.5/secondsADay) > 1e-12 {
				t.Errorf("ASA 2026Q3 = %v, want 41.5 s as a day fraction", got)
			}
			expectCells(t, f, tt.sheet, []cellCheck{
				{cell(trendsFirst, asa), "0:58", fmtDuration},
				{cell(trendsFirst+1, asa+1), "70.0%", fmtShare},
				{cell(trendsFirst, asa+2), "", `0.0" ` + messages[tt.lang]["unit.h"] + `"`},
				{cell(trendsFirst+7, asa+5), "12.5 d", `0.0" d"`},
			})
			if got := numFmt(t, f, tt.sheet, cell(2, asa)); got != `"≤ "[m]:ss` {
				t.Errorf("ASA target format = %q, want ≤ m:ss", got)
			}
			formats, _ := f.GetConditionalFormats(tt.sheet)
			if rules := formats["C5:J5"]; len(rules) != 2 || !strings.Contains(rules[0].Criteria, "C5<=$B$5") {
				t.Errorf("ASA row rules = %+v, want met and not met against B5", rules)
			}
		})
	}
}

func TestTrendsCharts(t *testing.T) {
	_, without := writeSample(t, sampleQuarterly("nb"))
	_, path := writeSample(t, withTrends(sampleQuarterly("nb")))
	before, after := chartCount(t, without), chartCount(t, path)
	if after != before+4 { // ASA, shares, case hours, days
		t.Fatalf("charts: %d without trends, %d with; want four more", before, after)
	}
	asa := html.UnescapeString(zipEntry(t, path, "xl/charts/chart1.xml"))
	for _, want := range []string{"lineChart", "'Trender'!$C$5:$J$5", "'Trender'!$C$4:$J$4", "'Trender'!$C$12:$J$12"} {
		if !strings.Contains(asa, want) {
			t.Errorf("the ASA chart lacks %s", want)
		}
	}
	if n := strings.Count(asa, "<c:ser>") + strings.Count(asa, "<ser>"); n != 2 {
		t.Errorf("the ASA chart has %d series, want ASA and its target", n)
	}
	hours := html.UnescapeString(zipEntry(t, path, "xl/charts/chart3.xml"))
	for _, want := range []string{"'Trender'!$C$7:$J$7", "'Trender'!$C$8:$J$8"} {
		if !strings.Contains(hours, want) {
			t.Errorf("the case-hours chart lacks %s", want)
		}
	}
	if rels := zipEntry(t, path, "xl/worksheets/_rels/sheet2.xml.rels"); !strings.Contains(rels, "drawing") {
		t.Error("the charts' drawing is not on the trends sheet")
	}
	f, _ := writeSample(t, withTrends(sampleQuarterly("nb")))
	expectCells(t, f, "Trender", []cellCheck{{"A12", "Mål for ASA ≤ 1:00", ""}, {"J12", "1:00", fmtDuration}})
}

func TestTrendsWithoutData(t *testing.T) {
	for _, q := range []*Quarterly{sampleQuarterly("nb"), {Quarter: "2026Q3", Trends: withTrends(sampleQuarterly("nb")).Trends}} {
		f, path := writeSample(t, q)
		if got, _ := f.GetCellValue("Trender", cell(1, trendsHead)); got != "Ingen data" {
			t.Errorf("A%d = %q, want Ingen data", trendsHead, got)
		}
		if n := chartCount(t, path); n > 1 {
			t.Errorf("%d charts, want at most the phone trend", n)
		}
	}
}

// TestDeviationLabelsShowNoMessageID looks for a label of the summary,
// trends and deviations sheets that fell back to its message id.
func TestDeviationLabelsShowNoMessageID(t *testing.T) {
	id := regexp.MustCompile(`^(dev|summary|trends)\.[A-Za-z_.0-9]+$`)
	for _, lang := range []string{"nb", "en"} {
		f, _ := writeSample(t, withTrends(withHires(withCases(sampleQuarterly(lang)))))
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for r, row := range rows {
				for c, v := range row {
					if id.MatchString(v) {
						t.Errorf("%s: %s!%s shows the message id %q", lang, sheet, cell(c+1, r+1), v)
					}
				}
			}
		}
	}
}

// TestChartsStartOnAFreshPage checks that a chart that would straddle the
// first printed page starts a page instead: the trends sheet's second row
// of charts, and the phone sheet's trend after a quarter of weeks.
func TestChartsStartOnAFreshPage(t *testing.T) {
	q := withTrends(sampleQuarterly("nb"))
	for i := range 13 {
		q.Weeks = append(q.Weeks, PhonePeriod{Label: "2026-W" + strconv.Itoa(27+i), Offered: 80})
	}
	_, path := writeSample(t, q)
	for sheet, want := range map[string]string{
		"xl/worksheets/sheet2.xml": `<brk id="28"`, // before the blank row above the second row of charts
		"xl/worksheets/sheet3.xml": `<brk id="`,
	} {
		if xml := zipEntry(t, path, sheet); !strings.Contains(xml, want) {
			t.Errorf("%s has no page break %s", sheet, want)
		}
	}
	_, path = writeSample(t, sampleQuarterly("nb"))
	if xml := zipEntry(t, path, "xl/worksheets/sheet2.xml"); strings.Contains(xml, "<brk") {
		t.Error("the trends sheet without data has a page break")
	}
}

func TestAboutDefinesTrendKPIs(t *testing.T) {
	q := withTrends(sampleQuarterly("en"))
	q.Trends = append(q.Trends, KPITrend{ID: "travel.days_to_pay_p90", Unit: "d"}) // on no other sheet
	f, _ := writeSample(t, q)
	find(t, f, "About", "travel.days_to_pay_p90")
	find(t, f, "About", messages["en"]["def.travel.days_to_pay_p90"])
}
