package reports

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Excel's limit on a sheet name's length, and the characters it forbids.
const (
	maxSheetName     = 31
	badSheetNameRune = `[]:*?/\`
)

// PayrollFileName returns the payroll-run workbook's file name,
// lonnskontroll-<run_id>.xlsx. The run id is sanitised like a unit code, so
// the name cannot climb out of the output folder.
func PayrollFileName(runID string) string {
	safe := "kjoring"
	if runID != "" {
		safe = fileSafeCode(runID)
	}
	return "lonnskontroll-" + safe + ".xlsx"
}

// WritePayrollRun renders the payroll-run workbook to path in r.Lang: a
// summary by rule with the run totals, one sheet per rule that has
// findings, and an "Om kontrollen" sheet.
func WritePayrollRun(path string, r *PayrollRun) error {
	if r == nil {
		return errors.New("payroll workbook: no run")
	}
	err := writeWorkbook(path, r.Lang, func(f *excelize.File, tr translator) error {
		return buildPayroll(f, tr, r)
	})
	if err != nil {
		return fmt.Errorf("payroll workbook %s: %w", r.RunID, err)
	}
	return nil
}

// payrollStyles are the styles only the payroll workbook uses.
type payrollStyles struct {
	verdictOK, verdictBad, link, code int
	top                               int // bordered text at the top of a tall row
	amber                             int // conditional-format (dxf) style
}

func newPayrollStyles(f *excelize.File) (payrollStyles, error) {
	var s payrollStyles
	var err error
	for _, c := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.verdictOK, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: colourGoodFg}}},
		{&s.verdictBad, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: colourBadFg}}},
		{&s.link, &excelize.Style{Border: borders(), Font: &excelize.Font{Color: "0563C1", Underline: "single"},
			Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.top, &excelize.Style{Border: borders(), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.code, &excelize.Style{Font: &excelize.Font{Family: "Courier New"}}},
	} {
		if *c.id, err = f.NewStyle(c.style); err != nil {
			return s, fmt.Errorf("new style: %w", err)
		}
	}
	s.amber, err = f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: "9C5700", Bold: true}, Fill: solid("FFEB9C")})
	if err != nil {
		return s, fmt.Errorf("conditional style: %w", err)
	}
	return s, nil
}

// buildPayroll lays out the payroll workbook's sheets in f: summary, one
// streamed sheet per rule with findings, then the about sheet.
func buildPayroll(f *excelize.File, tr translator, r *PayrollRun) error {
	st, err := newStyleSet(f)
	if err != nil {
		return err
	}
	ps, err := newPayrollStyles(f)
	if err != nil {
		return err
	}
	groups := groupFindings(r)
	summary := addSheet(f, st, tr, "payroll.sheet.summary", true)
	about := tr.msg("payroll.sheet.about")
	names := ruleSheetNames(groups, summary.sheet, about)
	writePayrollSummary(summary, ps, r, groups, names)
	summary.printSetup()
	if summary.err != nil {
		return summary.err
	}
	for _, g := range groups {
		w := &sheetWriter{f: f, sheet: names[g.id], st: st, tr: tr}
		w.do(func() error { _, err := f.NewSheet(w.sheet); return err })
		if err := writeRuleSheet(w, ps, g); err != nil {
			return err
		}
	}
	w := addSheet(f, st, tr, "payroll.sheet.about", false)
	writePayrollAbout(w, ps, r)
	w.printSetup()
	if w.err != nil {
		return w.err
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{
		Title: payrollTitle(tr, r), Creator: "slakpi " + r.Version, Language: tr.lang,
	})
}

// payrollTitle is "Lønnskontroll <run> (<type>), utbetaling dd.mm.yyyy".
// The pay date is a calendar date, shown as stored.
func payrollTitle(tr translator, r *PayrollRun) string {
	kind := tr.msg("payroll.runtype." + r.RunType)
	if strings.HasPrefix(kind, "payroll.runtype.") {
		kind = r.RunType
	}
	if r.PayDate.IsZero() {
		return tr.msgf("payroll.title.nodate", r.RunID, kind)
	}
	return tr.msgf("payroll.title", r.RunID, kind, r.PayDate.Format(tr.msg("payroll.dateformat")))
}

// ruleFindings is one rule's summary with its failing rows.
type ruleFindings struct {
	id      string
	summary *RuleSummary // nil for findings of a rule missing from r.Rules
	rows    []Finding
}

// groupFindings splits r.Findings by rule: the rules in r.Rules first, in
// their order, then any rule only the findings name, so no row is lost.
// Only rules with at least one row are returned.
func groupFindings(r *PayrollRun) []ruleFindings {
	byRule := map[string][]Finding{}
	var order []string
	for i := range r.Rules {
		order = append(order, r.Rules[i].ID)
	}
	for _, f := range r.Findings {
		if _, seen := byRule[f.Rule]; !seen {
			order = append(order, f.Rule)
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	summaries := map[string]*RuleSummary{}
	for i := range r.Rules {
		summaries[r.Rules[i].ID] = &r.Rules[i]
	}
	var groups []ruleFindings
	done := map[string]bool{}
	for _, id := range order {
		if len(byRule[id]) > 0 && !done[id] {
			done[id] = true
			groups = append(groups, ruleFindings{id: id, summary: summaries[id], rows: byRule[id]})
		}
	}
	return groups
}

// ruleSheetNames gives each rule group a valid sheet name unique among
// the groups and the reserved names (Excel compares names ignoring case).
func ruleSheetNames(groups []ruleFindings, reserved ...string) map[string]string {
	taken := map[string]bool{}
	for _, name := range reserved {
		taken[strings.ToLower(name)] = true
	}
	names := map[string]string{}
	for _, g := range groups {
		base := sheetNameFor(g.id)
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := "~" + strconv.Itoa(n)
			name = truncateRunes(base, maxSheetName-len(suffix)) + suffix
		}
		taken[strings.ToLower(name)] = true
		names[g.id] = name
	}
	return names
}

// sheetNameFor makes a rule id a legal sheet name: forbidden characters
// become '_', no apostrophe at either end, at most 31 characters.
func sheetNameFor(id string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(badSheetNameRune, r) || r < ' ' {
			return '_'
		}
		return r
	}, id)
	name = strings.Trim(truncateRunes(name, maxSheetName), "'")
	if name == "" || strings.EqualFold(name, "history") { // History is reserved by Excel
		name += "_"
	}
	return name
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
