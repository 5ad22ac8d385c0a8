package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Number formats. Durations use [m]:ss rather than m:ss so that a wait of an
// hour or more shows 75:00 instead of wrapping round to 15:00.
const (
	fmtDuration = "[m]:ss"
	fmtShare    = "0.0%"
	fmtCount    = "#,##0"
	fmtSeconds  = "0.0"
	fmtHours    = "0.0" // business hours in tables whose column title names the unit
	fmtDays     = "0.0" // a median of days in tables whose column title names the unit
	fmtWholeDay = "0"   // one item's whole days, as the SQL counts them
	fmtAmount   = "#,##0.00"
	fmtNOK      = `#,##0" kr"` // a KPI in kroner, rounded to whole kroner
	fmtDate     = "yyyy-mm-dd"
	fmtDateTime = "yyyy-mm-dd hh:mm"
	secondsADay = 86400.0
)

const (
	colourTitle  = "1F3864"
	colourMuted  = "595959"
	colourBorder = "BFBFBF"
	colourHeader = "DCE6F1"
	colourNA     = "EDEDED"
	colourGood   = "C6EFCE"
	colourGoodFg = "006100"
	colourBad    = "FFC7CE"
	colourBadFg  = "9C0006"
)

// styleSet holds the workbook's cell styles: fixed ones made up front and
// number formats made on first use.
type styleSet struct {
	f                      *excelize.File
	title, subtitle, note  int
	section, header, label int
	text, wrap, notJudged  int
	good, bad              int // conditional-format (dxf) styles
	numbers                map[string]int
}

// newStyleSet registers the fixed styles in f.
func newStyleSet(f *excelize.File) (*styleSet, error) {
	s := &styleSet{f: f, numbers: map[string]int{}}
	cells := []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: colourTitle}}},
		{&s.subtitle, &excelize.Style{Font: &excelize.Font{Italic: true, Color: colourMuted}}},
		{&s.note, &excelize.Style{Font: &excelize.Font{Color: colourMuted}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.section, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: colourTitle}}},
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders(), Fill: solid(colourHeader),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}},
		{&s.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders()}},
		{&s.text, &excelize.Style{Border: borders()}},
		{&s.wrap, &excelize.Style{Border: borders(), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.notJudged, &excelize.Style{Border: borders(), Fill: solid(colourNA)}},
	}
	for _, c := range cells {
		id, err := f.NewStyle(c.style)
		if err != nil {
			return nil, fmt.Errorf("new style: %w", err)
		}
		*c.id = id
	}
	return s, s.conditional()
}

// conditional registers the green and red styles used for met / not met.
func (s *styleSet) conditional() error {
	var err error
	s.good, err = s.f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: colourGoodFg, Bold: true}, Fill: solid(colourGood)})
	if err != nil {
		return fmt.Errorf("conditional style: %w", err)
	}
	s.bad, err = s.f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: colourBadFg, Bold: true}, Fill: solid(colourBad)})
	if err != nil {
		return fmt.Errorf("conditional style: %w", err)
	}
	return nil
}

// number returns a bordered style showing numbers with the given format.
func (s *styleSet) number(format string) (int, error) {
	if id, ok := s.numbers[format]; ok {
		return id, nil
	}
	style := &excelize.Style{Border: borders(), CustomNumFmt: &format}
	if format == fmtDate || format == fmtDateTime {
		style.Alignment = &excelize.Alignment{Horizontal: "left"}
	}
	id, err := s.f.NewStyle(style)
	if err != nil {
		return 0, fmt.Errorf("number style %q: %w", format, err)
	}
	s.numbers[format] = id
	return id, nil
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: colourBorder, Style: 1})
	}
	return b
}

func solid(colour string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
}

// unitFormat returns the number format for a KPI unit and the factor that
// turns the KPI's value into the cell's value (seconds become days).
// Business hours ("h") and days ("d") stay a plain number with the
// language's suffix: they are working time or calendar days, not a clock
// reading.
func unitFormat(unit string, tr translator) (string, float64) {
	switch unit {
	case "s":
		return fmtDuration, 1 / secondsADay
	case "share":
		return fmtShare, 1
	case "count":
		return fmtCount, 1
	case "NOK":
		return fmtNOK, 1
	case "h", "d":
		return fmt.Sprintf(`0.0" %s"`, tr.msg("unit."+unit)), 1
	}
	return "General", 1
}

// targetFormat is unitFormat with the comparison shown in front: "≤ 1:00".
func targetFormat(unit, comparison string, tr translator) (string, float64) {
	format, scale := unitFormat(unit, tr)
	switch comparison {
	case "<=":
		format = `"≤ "` + format
	case ">=":
		format = `"≥ "` + format
	}
	return format, scale
}

// changeFormat returns the signed format for a change between quarters.
// Negative durations cannot be shown as time in Excel, so a change in
// seconds is plain seconds, and a change in a share is percentage points.
func changeFormat(unit string, tr translator) (string, float64) {
	signed := func(suffix string) string {
		return fmt.Sprintf(`+0.0" %[1]s";-0.0" %[1]s";0.0" %[1]s"`, suffix)
	}
	switch unit {
	case "s":
		return `+0.0" s";-0.0" s";0" s"`, 1
	case "share":
		return signed(tr.msg("unit.pp")), 100
	case "count":
		return "+#,##0;-#,##0;0", 1
	case "NOK":
		return `+#,##0" kr";-#,##0" kr";0" kr"`, 1
	case "h", "d":
		return signed(tr.msg("unit." + unit)), 1
	}
	return "+General;-General;General", 1
}
