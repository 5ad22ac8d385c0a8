package reports

import (
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestUnitWorkbookHoldsOnlyItsCases(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("nb"))
	number := regexp.MustCompile(`NH-\d+`)
	seen := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, v := range row {
				for _, n := range number.FindAllString(v, -1) {
					seen[n] = true
				}
			}
		}
	}
	if len(seen) != 2 || !seen["NH-1001"] || !seen["NH-1002"] {
		t.Errorf("case numbers in the workbook = %v, want NH-1001 and NH-1002 only", seen)
	}
}

func TestUnitCaseTextIsNeverAFormula(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("nb"))
	for _, text := range []string{"=1+2", "@SUM(A1)", "+47", "-x"} {
		t.Run(text, func(t *testing.T) {
			ref := find(t, f, "Saker", text)
			if formula, err := f.GetCellFormula("Saker", ref); err != nil || formula != "" {
				t.Errorf("%s formula = %q (%v), want none", ref, formula, err)
			}
			if got, _ := f.GetCellValue("Saker", ref); got != text {
				t.Errorf("%s = %q, want %q", ref, got, text)
			}
			if typ, _ := f.GetCellType("Saker", ref); typ != excelize.CellTypeInlineString {
				t.Errorf("%s type = %v, want an inline string", ref, typ)
			}
		})
	}
}

func TestUnitCasesSheet(t *testing.T) {
	f := writeUnitSample(t, sampleUnit("nb"))
	const sheet = "Saker"
	tests := []struct{ ref, want, format string }{
		{"A1", "Saker fra Fakultet for informasjonsteknologi og elektroteknikk (IE) – 2026Q3", ""},
		{"A3", "Saksnummer", ""},
		{"M3", "Gjenåpnet (ganger)", ""},
		{"A4", "NH-1001", ""},
		{"F4", "=1+2", ""},
		{"H4", "2026-07-01 08:30", fmtDateTime}, // summer time: UTC+2
		{"I4", "2026-07-01 09:00", fmtDateTime},
		{"J4", "2026-12-01 13:15", fmtDateTime}, // winter time: UTC+1
		{"K4", "0.5", fmtHours},
		{"L4", "12.3", fmtHours},
		{"M4", "1", fmtCount},
		{"H5", "2026-09-30 23:00", fmtDateTime},
		{"J5", "", fmtDateTime},
		{"L5", "", fmtHours},
	}
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheet, tt.ref); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.ref, got, tt.want)
		}
		if tt.format != "" {
			if got := numFmt(t, f, sheet, tt.ref); got != tt.format {
				t.Errorf("%s format = %q, want %q", tt.ref, got, tt.format)
			}
		}
	}
	if got := raw(t, f, sheet, "L4"); got != 12.25 {
		t.Errorf("L4 = %v, want 12.25 hours", got)
	}
	if rows, _ := f.GetRows(sheet); len(rows) != 5 {
		t.Errorf("%d rows, want title, subtitle, header and two cases", len(rows))
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes = %+v, want frozen above row 4", panes)
	}
	if got := filterOf(f, sheet); got != "'Saker'!$A$3:$M$5" {
		t.Errorf("autofilter = %q, want the case list", got)
	}
	titles := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
			titles = dn.RefersTo
		}
	}
	if titles != "'Saker'!$3:$3" {
		t.Errorf("print titles = %q, want the header row", titles)
	}
	if w, _ := f.GetColWidth(sheet, "C"); w != unitCaseWidths[2] {
		t.Errorf("column C width = %v, want %v", w, unitCaseWidths[2])
	}
}

func TestUnitCaseColumnsInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "u.xlsx")
	if err := WriteUnit(path, sampleUnit("nb")); err != nil {
		t.Fatal(err)
	}
	sheet := zipEntry(t, path, "xl/worksheets/sheet2.xml")
	mins := regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(sheet, -1)
	if len(mins) != len(unitCaseWidths) {
		t.Fatalf("%d <col> elements, want %d", len(mins), len(unitCaseWidths))
	}
	for i, m := range mins {
		if m[1] != strconv.Itoa(i+1) {
			t.Fatalf("<col> %d has min %s: columns out of order", i+1, m[1])
		}
	}
}
