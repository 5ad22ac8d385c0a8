package cli_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openWorkbook opens an xlsx for reading cells back; it closes with the test.
func openWorkbook(t *testing.T, p string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Errorf("close %s: %v", p, err)
		}
	})
	return f
}

// rows returns a sheet's cells with numbers unformatted, as stored.
func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	return rs
}

// rowStarting returns the first row whose first cell is label.
func rowStarting(t *testing.T, rs [][]string, label string) []string {
	t.Helper()
	for _, r := range rs {
		if len(r) > 0 && r[0] == label {
			return r
		}
	}
	t.Fatalf("no row starts with %q", label)
	return nil
}

// cellAt returns column col (0-based) of row r, or "" when the row is shorter.
func cellAt(r []string, col int) string {
	if col < len(r) {
		return r[col]
	}
	return ""
}

func number(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("cell %q is not a number", s)
	}
	return v
}

// chartsOn follows the package relationships of an xlsx from the named
// sheet through its drawings to its charts, and returns the chart parts.
func chartsOn(t *testing.T, xlsx, sheet string) []string {
	t.Helper()
	z, err := zip.OpenReader(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	readXML(t, &z.Reader, "xl/workbook.xml", &wb)
	sheetPart := ""
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			sheetPart = relations(t, &z.Reader, "xl/workbook.xml")[s.RID]
		}
	}
	if sheetPart == "" {
		t.Fatalf("%s: no sheet %q", xlsx, sheet)
	}
	var charts []string
	for _, drawing := range relations(t, &z.Reader, sheetPart) {
		if !strings.HasPrefix(drawing, "xl/drawings/") {
			continue
		}
		for _, c := range relations(t, &z.Reader, drawing) {
			if strings.HasPrefix(c, "xl/charts/chart") {
				if _, err := z.Open(c); err != nil {
					t.Errorf("%s refers to %s, which is missing", drawing, c)
				}
				charts = append(charts, c)
			}
		}
	}
	return charts
}

// relations reads the relationships of a package part, Id → part name.
func relations(t *testing.T, z *zip.Reader, part string) map[string]string {
	t.Helper()
	rels := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if _, err := z.Open(rels); err != nil {
		return nil // a part without relationships
	}
	readXML(t, z, rels, &doc)
	out := make(map[string]string, len(doc.Rels))
	for _, r := range doc.Rels {
		if strings.HasPrefix(r.Target, "/") {
			out[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			out[r.ID] = path.Join(path.Dir(part), r.Target)
		}
	}
	return out
}

func readXML(t *testing.T, z *zip.Reader, name string, v any) {
	t.Helper()
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
