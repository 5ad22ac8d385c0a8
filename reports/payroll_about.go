package reports

// payrollAboutWidths are the about sheet's column widths; its paragraphs
// span all four columns.
var payrollAboutWidths = []float64{56, 30, 16, 14}

// writePayrollAbout fills the "Om kontrollen" sheet: what the checks look
// for, every rule of the run, how to accept a finding, and where the
// workbook came from.
func writePayrollAbout(w *sheetWriter, ps payrollStyles, r *PayrollRun) {
	width := 0.0
	for _, x := range payrollAboutWidths {
		width += x
	}
	cols := len(payrollAboutWidths)
	note := func(row int, id string) {
		text := w.tr.msg(id)
		w.paragraph(row, cols, text, 17)
		w.fitRow(row, text, width)
	}
	w.text(1, 1, w.tr.msg("payroll.title.about"), w.st.title)
	note(2, "payroll.about.intro")

	row := 4
	w.text(1, row, w.tr.msg("payroll.section.rules"), w.st.section)
	w.header(1, row+1, w.tr.msg("payroll.col.rule"), w.tr.msg("col.id"),
		w.tr.msg("payroll.col.area"), w.tr.msg("payroll.col.severity"))
	row += 2
	for _, rs := range r.Rules {
		title := rs.Title
		if title == "" {
			title = rs.ID
		}
		w.text(1, row, title, w.st.wrap)
		w.text(2, row, rs.ID, w.st.wrap)
		w.text(3, row, payrollLabel(w.tr, "payroll.area.", rs.Area), w.st.wrap)
		w.text(4, row, payrollLabel(w.tr, "payroll.severity.", rs.Severity), w.st.wrap)
		w.fitRow(row, title, payrollAboutWidths[0])
		row++
	}
	if len(r.Rules) == 0 {
		w.text(1, row, w.tr.msg("none"), w.st.text)
		row++
	}

	row++
	w.text(1, row, w.tr.msg("payroll.section.accept"), w.st.section)
	note(row+1, "payroll.about.accept")
	w.text(1, row+2, w.tr.msg("payroll.about.command"), ps.code)
	note(row+3, "payroll.about.keep")

	software(w, row+5, r.Version, r.GeneratedAt, location("Europe/Oslo"))
	w.freeze(1)
	w.widths(payrollAboutWidths...)
}
