package reports

import (
	"errors"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Layout of the follow-up summary sheet.
const (
	fuAsOfRow   = 4
	fuCentreRow = 6 // the centre's section; its table's header is the row below
	fuSumCols   = 6
)

// fuSumWidths are the summary's column widths: code, name and the KPIs.
var fuSumWidths = []float64{14, 50, 18, 18, 18, 18}

// followupKPIIDs are the follow-up KPIs in the order the workbooks show them.
var followupKPIIDs = []string{
	"followup.refund_missing", "followup.refund_outstanding_nok",
	"followup.unsigned_contracts", "followup.forms_blocking_pay",
}

// FollowupFileName returns the centre's follow-up workbook name for a list
// date: oppfolging-2026-09-30.xlsx.
func FollowupFileName(asOf time.Time) string {
	return "oppfolging-" + asOfText(asOf) + ".xlsx"
}

// WriteFollowup renders the centre's follow-up workbook to path in f.Lang:
// a summary with the centre's and each unit's follow-up KPIs, one sheet per
// list with every unit's rows, and an "Om listene" sheet.
func WriteFollowup(path string, f *Followup) error {
	if f == nil {
		return errors.New("follow-up workbook: no lists")
	}
	err := writeWorkbook(path, f.Lang, func(x *excelize.File, tr translator) error {
		return buildFollowup(x, tr, f)
	})
	if err != nil {
		return fmt.Errorf("follow-up workbook: %w", err)
	}
	return nil
}

// buildFollowup lays out the follow-up workbook's sheets in x.
func buildFollowup(x *excelize.File, tr translator, fu *Followup) error {
	st, err := newStyleSet(x)
	if err != nil {
		return err
	}
	overdue, err := newOverdueStyle(x)
	if err != nil {
		return fmt.Errorf("overdue style: %w", err)
	}
	w := addSheet(x, st, tr, "sheet.summary", true)
	writeFollowupSummary(w, fu)
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	for _, l := range followupLists() {
		if err := writeFollowupList(addSheet(x, st, tr, l.sheet, false), fu, l, overdue); err != nil {
			return err
		}
	}
	w = addSheet(x, st, tr, "sheet.fu_about", false)
	writeFollowupAbout(w, fu)
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	x.SetActiveSheet(0)
	return x.SetDocProps(&excelize.DocProperties{
		Title: tr.msgf("title.followup", asOfText(fu.AsOf)), Creator: "slakpi " + fu.Version, Language: tr.lang,
	})
}

// writeFollowupSummary fills the summary sheet: the list date, the centre's
// follow-up KPIs, then one row per unit with its KPIs.
func writeFollowupSummary(w *sheetWriter, fu *Followup) {
	w.text(1, 1, w.tr.msgf("title.followup", asOfText(fu.AsOf)), w.st.title)
	subtitle := w.tr.msg("subtitle.followup")
	w.paragraph(2, fuSumCols, subtitle, 17)
	w.fitRow(2, subtitle, sum(fuSumWidths))
	w.text(1, fuAsOfRow, w.tr.msg("label.asof"), w.st.label)
	w.day(2, fuAsOfRow, fu.AsOf)
	w.text(1, fuCentreRow, w.tr.msg("label.centre"), w.st.section)
	head := fuCentreRow + 1
	// The KPI's name spans the code and name columns; its value sits in
	// the first KPI column of the units' table below.
	w.header(1, head, w.tr.msg("col.kpi"), "", w.tr.msg("col.settingvalue"))
	w.merge(1, head, 2)
	for i, k := range followupKPIs(fu.Totals) {
		r := head + 1 + i
		w.text(1, r, w.tr.msg(k.ID), w.st.text)
		w.style(2, r, w.st.text)
		w.merge(1, r, 2)
		w.measure(3, r, k.Value, k.Unit)
	}
	unitTotals(w, head+len(followupKPIIDs)+2, fu.UnitTotals)
	w.widths(fuSumWidths...)
}

// unitTotals writes one row per unit with its four follow-up KPIs, under a
// frozen header with an autofilter.
func unitTotals(w *sheetWriter, row int, units []UnitFollowupTotals) {
	w.text(1, row, w.tr.msg("section.fu_units"), w.st.section)
	head := row + 1
	if len(units) == 0 {
		w.text(1, head, w.tr.msg("none"), w.st.text)
		return
	}
	labels := []string{w.tr.msg("col.code"), w.tr.msg("col.name")}
	for _, id := range followupKPIIDs {
		labels = append(labels, w.tr.msg(id))
	}
	w.header(1, head, labels...)
	w.do(func() error { return w.f.SetRowHeight(w.sheet, head, 45) })
	for i, u := range units {
		r := head + 1 + i
		w.text(1, r, u.Unit.Code, w.st.text)
		w.text(2, r, u.Unit.Name, w.st.text)
		for j, k := range followupKPIs(u.FollowupTotals) {
			w.measure(3+j, r, k.Value, k.Unit)
		}
	}
	w.freeze(head)
	w.filter(1, head, len(labels), head+len(units))
}

// followupKPIs are the totals as KPIs, so they show in their units' formats.
func followupKPIs(t FollowupTotals) []KPI {
	values := []float64{float64(t.RefundMissing), t.RefundOutstanding, float64(t.UnsignedContracts), float64(t.FormsBlockingPay)}
	kpis := make([]KPI, len(values))
	for i, v := range values {
		unit := "count"
		if followupKPIIDs[i] == "followup.refund_outstanding_nok" {
			unit = "NOK"
		}
		kpis[i] = KPI{ID: followupKPIIDs[i], Value: &v, Unit: unit}
	}
	return kpis
}

// writeFollowupList fills a list's sheet with every unit's rows, earliest
// deadline first, overdue rows red.
func writeFollowupList(w *sheetWriter, fu *Followup, l followupList, overdue int) error {
	rows := followupRows(fu.Rows, l.id)
	grade, err := w.st.number(fmtGrade)
	if err != nil {
		return err
	}
	widths := l.widths()
	w.overdueRows(l, listHead+1, listHead+len(rows), overdue)
	return writeList(w, listSheet{
		title:      w.tr.msgf("title.fu_list", w.tr.msg(l.sheet), asOfText(fu.AsOf)),
		subtitle:   w.tr.msg(l.note),
		headers:    l.headers(),
		widths:     widths,
		headHeight: 30,
		rows:       len(rows),
		cells: func(i int, s listStyles) []any {
			return l.cells(followupCells{listStyles: s, grade: grade, tr: w.tr}, rows[i])
		},
		height: func(i int) float64 { return l.height(rows[i], widths) },
	})
}
