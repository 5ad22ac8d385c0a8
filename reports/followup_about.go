package reports

// fuAboutWidth is the width of the about sheet's text, columns B and C.
const fuAboutWidth = 30 + definitionWidth

// writeFollowupAbout fills the follow-up workbook's "Om listene" sheet:
// what each list holds and why, what the list date means, that the
// workbook holds personal and health data, the KPIs' definitions and where
// the workbook came from.
func writeFollowupAbout(w *sheetWriter, fu *Followup) {
	loc := location("Europe/Oslo")
	w.text(1, 1, w.tr.msg("sheet.fu_about"), w.st.title)
	intro := w.tr.msg("about.fu_intro")
	w.paragraph(2, 3, intro, 17)
	w.fitRow(2, intro, 28+fuAboutWidth)

	w.text(1, 4, w.tr.msg("section.fu_lists"), w.st.section)
	w.header(1, 5, w.tr.msg("col.list"), w.tr.msg("col.contents"))
	w.merge(2, 5, 3)
	row := 6
	for _, l := range followupLists() {
		text := w.tr.msg("about.fu_" + l.id)
		w.text(1, row, w.tr.msg(l.sheet), w.st.wrap)
		w.text(2, row, text, w.st.wrap)
		w.merge(2, row, 3)
		w.fitRow(row, text, fuAboutWidth)
		row++
	}

	row = w.aboutSection(row+1, "section.fu_asof", w.tr.msgf("about.fu_asof", asOfText(fu.AsOf)))
	row = w.aboutSection(row, "section.fu_health", w.tr.msg("about.fu_health"))

	w.text(1, row, w.tr.msg("section.defs"), w.st.section)
	row++
	w.header(1, row, w.tr.msg("col.kpi"), w.tr.msg("col.id"), w.tr.msg("col.definition"))
	for _, id := range followupKPIIDs {
		row++
		w.text(1, row, w.tr.msg(id), w.st.wrap)
		w.text(2, row, id, w.st.wrap)
		w.text(3, row, w.tr.definition(id), w.st.wrap)
		w.fitRow(row, w.tr.definition(id), definitionWidth)
	}
	software(w, row+2, fu.Version, fu.GeneratedAt, loc)
	w.freeze(1)
	w.widths(28, 30, definitionWidth)
}

// aboutSection writes a section heading and its paragraph; it returns the
// row after a gap.
func (w *sheetWriter) aboutSection(row int, heading, text string) int {
	w.text(1, row, w.tr.msg(heading), w.st.section)
	w.paragraph(row+1, 3, text, 17)
	w.fitRow(row+1, text, 28+fuAboutWidth)
	return row + 3
}

// merge joins columns c1…c2 of row.
func (w *sheetWriter) merge(c1, row, c2 int) {
	w.do(func() error { return w.f.MergeCell(w.sheet, cell(c1, row), cell(c2, row)) })
}
