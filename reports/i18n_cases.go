package reports

// caseMessages are the labels of the case sheets, the unit status-meeting
// workbook and the case KPIs (SPEC §4.2). Business hours are spelled out in
// every hour KPI's definition so that each row reads on its own.
var caseMessages = map[string]map[string]string{
	"nb": {
		"sheet.cases":      "Saker",
		"sheet.units":      "Enheter",
		"sheet.keyfigures": "Nøkkeltall",

		"title.cases":        "Saker i NTNU Hjelp %s",
		"subtitle.cases":     "Tider er arbeidstimer fra innmeldingsdato, uten pausetid. «Åpne» er saker som ikke var løst ved kvartalets slutt. Forklaringer står på arket «Om rapporten».",
		"section.bycategory": "Per kategori",
		"section.bygroup":    "Per operatørgruppe",
		"col.category":       "Kategori",
		"col.group":          "Operatørgruppe",
		"col.opened":         "Opprettet",
		"col.resolved":       "Løst",
		"col.backlog":        "Åpne ved kvartalsslutt",
		"col.response_p50":   "Median til første svar, timer (arbeidstid)",
		"col.resolution_p50": "Median til løsning, timer (arbeidstid)",
		"col.resolution_p90": "90-persentil til løsning, timer (arbeidstid)",
		"chart.cases":        "Løste saker per kategori",
		"title.units":        "Saker per innmelders enhet %s",
		"subtitle.units":     "Et fakultets rad tar med instituttene under det, så radene kan ikke legges sammen. Tider er arbeidstimer.",
		"col.code":           "Enhetskode",

		"title.unit":         "Statusmøte %s – %s",
		"subtitle.unit":      "Tall for enheten og enhetene under den; siste kolonne er kvartalet møtet gjelder. Sakstider er arbeidstimer (t), tider for nyansatte og reiseregninger dager (d). Forklaringer står på arket «Om rapporten».",
		"section.unitkpis":   "Enhetens nøkkeltall per kvartal",
		"section.phone":      "Telefon (hele senteret)",
		"note.phone":         "Telefontallene gjelder hele tjenestesenteret, fordi anrop ikke er knyttet til en enhet.",
		"title.unitcases":    "Saker fra %s – %s",
		"subtitle.unitcases": "Saker meldt inn fra enheten og enhetene under den: startet eller løst i kvartalet, eller åpne ved kvartalets slutt. Tidspunkter i %s; tider til svar og løsning er arbeidstimer.",
		"col.number":         "Saksnummer",
		"col.subcategory":    "Underkategori",
		"col.unit":           "Enhet",
		"col.operator":       "Operatør",
		"col.started":        "Startet",
		"col.firstresponse":  "Første svar",
		"col.resolvedat":     "Løst",
		"col.response_h":     "Til første svar, timer (arbeidstid)",
		"col.resolution_h":   "Til løsning, timer (arbeidstid)",
		"col.reopens":        "Gjenåpnet (ganger)",
		"about.unit":         "Denne arbeidsboka er laget til statusmøtet med %s for %s. Den inneholder bare saker, nyansatte, reiseregninger og funn fra lønnskontrollen for enheten og enhetene under den. Telefontallene gjelder hele tjenestesenteret, fordi anrop ikke er knyttet til en enhet.",

		"cases.opened":                 "Saker opprettet",
		"cases.resolved":               "Saker løst",
		"cases.backlog_end":            "Åpne saker ved kvartalsslutt",
		"cases.first_response_bh_p50":  "Median tid til første svar (arbeidstimer)",
		"cases.first_response_bh_p90":  "90-persentil tid til første svar (arbeidstimer)",
		"cases.resolution_bh_p50":      "Median løsningstid (arbeidstimer)",
		"cases.resolution_bh_p90":      "90-persentil løsningstid (arbeidstimer)",
		"cases.resolved_within_target": "Andel løst innen mål",
		"cases.reopened":               "Løste saker som ble gjenåpnet",

		"def.cases.opened":                 "Saker der klokka startet i kvartalet. Klokka starter ved innmeldingsdato (opprettelsesdato om den mangler).",
		"def.cases.resolved":               "Saker løst i kvartalet. En sak er løst ved siste endring til Fullført; Lukket regnes ikke som løsning.",
		"def.cases.backlog_end":            "Saker startet før kvartalets slutt som verken var løst eller lukket da.",
		"def.cases.first_response_bh_p50":  "Halvparten av sakene fikk første svar raskere enn dette, i arbeidstimer fra innmeldingsdato. " + nbFirstResponse,
		"def.cases.first_response_bh_p90":  "Ni av ti saker fikk første svar raskere enn dette, i arbeidstimer fra innmeldingsdato. " + nbFirstResponse,
		"def.cases.resolution_bh_p50":      "Halvparten av sakene ble løst raskere enn dette, i arbeidstimer fra innmeldingsdato. " + nbResolution,
		"def.cases.resolution_bh_p90":      "Ni av ti saker ble løst raskere enn dette, i arbeidstimer fra innmeldingsdato. " + nbResolution,
		"def.cases.resolved_within_target": "Andelen av kvartalets løste saker som ble løst innen målet for sin kategori, der et mål er satt. Avtalen har ikke satt mål ennå; da er verdien tom.",
		"def.cases.reopened":               "Saker løst i kvartalet som ble gjenåpnet minst én gang (endret bort fra Fullført).",
	},
	"en": {
		"sheet.cases":      "Cases",
		"sheet.units":      "Units",
		"sheet.keyfigures": "Key figures",

		"title.cases":        "Cases in NTNU Hjelp %s",
		"subtitle.cases":     "Times are business hours from the call date, without paused time. “Open” means not resolved at the quarter's end. Definitions are on the “About” sheet.",
		"section.bycategory": "By category",
		"section.bygroup":    "By operator group",
		"col.category":       "Category",
		"col.group":          "Operator group",
		"col.opened":         "Opened",
		"col.resolved":       "Resolved",
		"col.backlog":        "Open at quarter end",
		"col.response_p50":   "Median to first response, hours (business time)",
		"col.resolution_p50": "Median to resolution, hours (business time)",
		"col.resolution_p90": "90th percentile to resolution, hours (business time)",
		"chart.cases":        "Resolved cases by category",
		"title.units":        "Cases by the caller's unit %s",
		"subtitle.units":     "A faculty's row includes its departments, so the rows do not add up. Times are business hours.",
		"col.code":           "Unit code",

		"title.unit":         "Status meeting %s – %s",
		"subtitle.unit":      "Figures for the unit and the units below it; the last column is the meeting's quarter. Case times are business hours (h), new-hire and travel times days (d). Definitions are on the “About” sheet.",
		"section.unitkpis":   "The unit's figures by quarter",
		"section.phone":      "Phone (whole centre)",
		"note.phone":         "Phone figures are for the whole service centre, since calls carry no unit.",
		"title.unitcases":    "Cases from %s – %s",
		"subtitle.unitcases": "Cases reported from the unit and the units below it: started or resolved in the quarter, or open at its end. Times of day in %s; times to response and resolution are business hours.",
		"col.number":         "Case number",
		"col.subcategory":    "Subcategory",
		"col.unit":           "Unit",
		"col.operator":       "Operator",
		"col.started":        "Started",
		"col.firstresponse":  "First response",
		"col.resolvedat":     "Resolved",
		"col.response_h":     "To first response, hours (business time)",
		"col.resolution_h":   "To resolution, hours (business time)",
		"col.reopens":        "Reopened (times)",
		"about.unit":         "This workbook is made for the status meeting with %s for %s. It holds only the cases, new hires, travel claims and payroll findings of the unit and the units below it. Phone figures are for the whole service centre, since calls carry no unit.",

		"cases.opened":                 "Cases opened",
		"cases.resolved":               "Cases resolved",
		"cases.backlog_end":            "Open cases at quarter end",
		"cases.first_response_bh_p50":  "Median time to first response (business hours)",
		"cases.first_response_bh_p90":  "90th percentile time to first response (business hours)",
		"cases.resolution_bh_p50":      "Median time to resolution (business hours)",
		"cases.resolution_bh_p90":      "90th percentile time to resolution (business hours)",
		"cases.resolved_within_target": "Share resolved within target",
		"cases.reopened":               "Resolved cases that were reopened",

		"def.cases.opened":                 "Cases whose clock started in the quarter. The clock starts at the call date (the creation date when that is missing).",
		"def.cases.resolved":               "Cases resolved in the quarter. A case is resolved at its last change to Fullført (completed); Lukket (closed) does not count as resolution.",
		"def.cases.backlog_end":            "Cases started before the quarter's end that were neither resolved nor closed by then.",
		"def.cases.first_response_bh_p50":  "Half of the cases got a first response faster than this, in business hours from the call date. " + enFirstResponse,
		"def.cases.first_response_bh_p90":  "Nine in ten cases got a first response faster than this, in business hours from the call date. " + enFirstResponse,
		"def.cases.resolution_bh_p50":      "Half of the cases were resolved faster than this, in business hours from the call date. " + enResolution,
		"def.cases.resolution_bh_p90":      "Nine in ten cases were resolved faster than this, in business hours from the call date. " + enResolution,
		"def.cases.resolved_within_target": "Share of the quarter's resolved cases resolved within their category's target, where one is set. The agreement has set none yet; then the value is empty.",
		"def.cases.reopened":               "Cases resolved in the quarter that were reopened at least once (changed away from Fullført).",
	},
}

// The shared halves of the hour KPIs' definitions.
const (
	nbHours         = "Arbeidstid (standard): man–fre 08:00–15:45, 15. mai–14. sep. 08:00–15:00, ikke helligdager."
	nbFirstResponse = "Første svar er det tidligste av svardato, første endring til «Venter på bruker» og fullføring. Tid i «På vent» telles ikke. Telles i kvartalet for første svar. " + nbHours
	nbResolution    = "Løst er siste endring til Fullført (aldri Lukket). Tid i «På vent» og tid i Fullført før en gjenåpning telles ikke. Telles i kvartalet saken ble løst. " + nbHours
	enHours         = "Business hours (default): Mon–Fri 08:00–15:45, 15 May–14 Sep 08:00–15:00, not public holidays."
	enFirstResponse = "First response is the earliest of the response date, the first change to “Venter på bruker” (waiting for user) and completion. Time in “På vent” (on hold) is not counted. Counted in the quarter of the first response. " + enHours
	enResolution    = "Resolved is the last change to Fullført (completed), never Lukket (closed). Time in “På vent” (on hold) and in Fullført before a reopen is not counted. Counted in the quarter of the resolution. " + enHours
)
