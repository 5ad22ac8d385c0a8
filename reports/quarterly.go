package reports

import (
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// QuarterlyFileName returns the management workbook's file name for a
// quarter such as "2026Q3". Anything but letters, digits and '-' is dropped,
// so the name cannot climb out of the output folder.
func QuarterlyFileName(quarter string) string {
	return "kvartalsrapport-" + sanitise(quarter) + ".xlsx"
}

func sanitise(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// WriteQuarterly renders the management quarterly workbook to path in
// q.Lang: summary, trends, phone, cases, units, new hires and travel,
// deviations, and "Om rapporten" sheets.
func WriteQuarterly(path string, q *Quarterly) error {
	if q == nil {
		return errors.New("quarterly workbook: no figures")
	}
	err := writeWorkbook(path, q.Lang, func(f *excelize.File, tr translator) error {
		return buildQuarterly(f, tr, q)
	})
	if err != nil {
		return fmt.Errorf("quarterly workbook: %w", err)
	}
	return nil
}

// buildQuarterly lays out every sheet of the quarterly workbook in f.
func buildQuarterly(f *excelize.File, tr translator, q *Quarterly) error {
	st, err := newStyleSet(f)
	if err != nil {
		return err
	}
	sheets := []struct {
		id    string
		write func(*sheetWriter, *Quarterly)
	}{
		{"sheet.summary", writeSummary},
		{"sheet.trends", writeTrends},
		{"sheet.phone", writePhone},
		{"sheet.cases", writeCases},
		{"sheet.units", writeUnits},
		{"sheet.hirestravel", writeHiresTravel},
		{"sheet.deviations", writeDeviations},
		{"sheet.about", writeAbout},
	}
	for i, s := range sheets {
		w := addSheet(f, st, tr, s.id, i == 0)
		s.write(w, q)
		w.printSetup()
		if w.err != nil {
			return w.err
		}
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{
		Title: tr.msgf("title.summary", q.Quarter), Creator: "slakpi " + q.Version, Language: tr.lang,
	})
}

// metColours paints met cells green and not-met cells red in rows r1…r2.
func (w *sheetWriter) metColours(col, r1, r2 int) {
	w.textColours(col, r1, r2, w.tr.msg("met.yes"), w.tr.msg("met.no"))
}

// textColours paints the cells of col in rows r1…r2 green where they read
// good and red where they read bad; an empty label gets no rule.
func (w *sheetWriter) textColours(col, r1, r2 int, good, bad string) {
	var rules []excelize.ConditionalFormatOptions
	for _, r := range []struct {
		label string
		style int
	}{{good, w.st.good}, {bad, w.st.bad}} {
		if r.label != "" {
			rules = append(rules, excelize.ConditionalFormatOptions{
				Type: "cell", Criteria: "==", Value: `"` + r.label + `"`, Format: &r.style,
			})
		}
	}
	if r2 < r1 || len(rules) == 0 {
		return
	}
	w.do(func() error { return w.f.SetConditionalFormat(w.sheet, area(col, r1, col, r2), rules) })
}

// paragraph writes wrapped explanatory text across columns 1…cols of row.
func (w *sheetWriter) paragraph(row, cols int, text string, height float64) {
	w.text(1, row, text, w.st.note)
	w.do(func() error { return w.f.MergeCell(w.sheet, cell(1, row), cell(cols, row)) })
	w.do(func() error { return w.f.SetRowHeight(w.sheet, row, height) })
}

// difference is a − b, or nil when either is missing.
func difference(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	d := *a - *b
	return &d
}
