package reports

import "fmt"

// messages holds every label the workbooks show, one map per language keyed
// by message id. A KPI's name is keyed by its id and its one-line definition
// by "def." + id. It is joined once from the tables below and in
// i18n_cases.go, i18n_hires.go, i18n_followup.go, i18n_deviations.go and
// payroll_i18n.go, and read-only after.
var messages = joinMessages(baseMessages, caseMessages, hiresMessages, followupMessages,
	deviationMessages, payrollMessages)

// baseMessages are the labels shared by the workbooks and the phone sheet's.
var baseMessages = map[string]map[string]string{
	"nb": {
		"sheet.summary": "Sammendrag",
		"sheet.phone":   "Telefon",
		"sheet.about":   "Om rapporten",

		"title.summary":    "Kvartalsrapport %s – Seksjon for lønn og HR-tjenester",
		"subtitle.summary": "Nøkkeltall for hele tjenestesenteret. Telefontider vises som minutter:sekunder, sakstider som arbeidstimer (t), tider for nyansatte og reiseregninger som dager (d). Endring = dette kvartalet minus forrige; pilen viser retningen, grønn når det gikk bedre og rød når det gikk dårligere. Kommentaren viser åpne avvik og tiltaket for dem (arket «Avvik»). Forklaringer står på arket «Om rapporten».",
		"col.kpi":          "Nøkkeltall",
		"col.value":        "Verdi %s",
		"col.target":       "Mål",
		"col.status":       "Status",
		"col.previous":     "Forrige kvartal %s",
		"col.change":       "Endring",
		"col.n":            "Grunnlag (antall)",
		"met.yes":          "● Oppfylt",
		"met.no":           "● Ikke oppfylt",
		"unit.pp":          "pp",
		"unit.h":           "t",

		"title.phone":       "Telefon %s – anrop som kom inn i åpningstiden",
		"subtitle.phone":    "Telefontid: %s. Tider vises som minutter:sekunder.",
		"section.months":    "Per måned",
		"section.weeks":     "Per uke (ISO-uke)",
		"section.heat":      "Snittventetid besvarte anrop (ASA) per time og ukedag",
		"section.heatcalls": "Antall anrop per time og ukedag",
		"section.queues":    "Per kø (hvert køopphold telles for seg)",
		"section.trend":     "Utvikling: ASA per måned, siste 8 kvartaler",
		"col.period":        "Periode",
		"col.offered":       "Tilbudt",
		"col.answered":      "Besvart",
		"col.abandoned":     "Lagt på",
		"col.flowout":       "Ut av kø uten svar",
		"col.asa":           "Snittventetid besvarte (ASA)",
		"col.sl":            "Servicenivå",
		"col.abandonrate":   "Andel lagt på",
		"col.maxwait":       "Lengste ventetid",
		"col.hour":          "Klokkeslett",
		"col.queue":         "Kø",
		"col.visits":        "Køopphold",
		"col.avgwait":       "Snittventetid",
		"col.asa_s":         "ASA (sekunder)",
		"col.target_s":      "Mål (sekunder)",
		"wd.1":              "Man",
		"wd.2":              "Tir",
		"wd.3":              "Ons",
		"wd.4":              "Tor",
		"wd.5":              "Fre",
		"chart.title":       "Snittventetid besvarte anrop (ASA) per måned, i sekunder",
		"none":              "Ingen data",
		"note.heat":         "Farger: grønt = kort ventetid, gult = rundt målet (%s), rødt = %s eller mer. Tomme ruter: ingen besvarte anrop.",

		"title.about":      "Om rapporten",
		"section.defs":     "Definisjoner",
		"note.scope":       "Telefontallene gjelder anrop som kom inn i køen i telefontiden, ikke på helligdager eller stengte dager. Hele ventetiden teller, også når anropet besvares etter stengetid.",
		"col.id":           "Id",
		"col.definition":   "Forklaring",
		"section.calendar": "Kalender",
		"label.timezone":   "Tidssone",
		"label.phonehours": "Telefontid",
		"section.closed":   "Stengte dager i kvartalet",
		"col.date":         "Dato",
		"col.name":         "Navn",
		"section.config":   "Terskler og innstillinger",
		"col.setting":      "Innstilling",
		"col.settingvalue": "Verdi",
		"section.files":    "Inndatafiler",
		"col.file":         "Fil",
		"col.kind":         "Type",
		"col.sha":          "SHA-256",
		"col.rows":         "Rader",
		"col.rejected":     "Avvist",
		"col.loaded":       "Lastet inn (%s)",
		"section.software": "Programvare",
		"label.version":    "Programvareversjon",
		"label.generated":  "Generert (%s)",

		"phone.asa_s":           "Snittventetid besvarte anrop (ASA)",
		"phone.avg_wait_all_s":  "Snittventetid alle anrop",
		"phone.service_level":   "Servicenivå",
		"phone.abandon_rate":    "Andel lagt på",
		"phone.p50_wait_s":      "Median ventetid besvarte",
		"phone.p90_wait_s":      "90-persentil ventetid besvarte",
		"phone.max_wait_s":      "Lengste ventetid",
		"phone.avg_talk_s":      "Snitt samtaletid",
		"phone.offered":         "Tilbudte anrop",
		"phone.answered":        "Besvarte anrop",
		"phone.abandoned":       "Anrop lagt på i kø",
		"phone.short_abandoned": "Korte avbrudd",
		"phone.flowout":         "Ut av kø uten svar",
		"phone.incomplete":      "Ufullstendige anrop",

		"def.phone.asa_s":           "Gjennomsnittlig tid innringerne ventet i kø før de fikk svar, regnet over besvarte anrop. Målet i serviceavtalen er høyst 60 sekunder.",
		"def.phone.avg_wait_all_s":  "Gjennomsnittlig ventetid for alle tilbudte anrop: besvarte, lagt på og de som gikk ut av køen uten svar.",
		"def.phone.service_level":   "Andelen av de tilbudte anropene som ble besvart innen terskelen for servicenivå (standard 60 sekunder).",
		"def.phone.abandon_rate":    "Andelen av de tilbudte anropene der innringeren la på mens de ventet i kø.",
		"def.phone.p50_wait_s":      "Halvparten av de besvarte anropene ventet kortere enn dette, halvparten lenger.",
		"def.phone.p90_wait_s":      "Ni av ti besvarte anrop ventet kortere enn dette.",
		"def.phone.max_wait_s":      "Den lengste ventetiden for ett tilbudt anrop i perioden.",
		"def.phone.avg_talk_s":      "Gjennomsnittlig samtaletid for besvarte anrop, der telefonsystemet har registrert samtaletiden.",
		"def.phone.offered":         "Anrop som telte: besvarte, lagt på etter mer enn noen få sekunder (standard 5), og de som gikk ut av køen uten svar. Korte avbrudd og ufullstendige anrop er ikke med.",
		"def.phone.answered":        "Anrop som ble besvart av en saksbehandler.",
		"def.phone.abandoned":       "Anrop der innringeren la på i køen etter mer enn noen få sekunder (standard 5).",
		"def.phone.short_abandoned": "Anrop der innringeren la på innen noen få sekunder (standard 5). Regnes ikke som tilbudt.",
		"def.phone.flowout":         "Anrop som forlot køen uten svar fordi ventetiden gikk ut, innringeren trykket en tast, eller ingen saksbehandlere var logget på køen.",
		"def.phone.incomplete":      "Anrop som ikke har en avslutning i telefonloggen. Regnes ikke som tilbudt.",
	},
	"en": {
		"sheet.summary": "Summary",
		"sheet.phone":   "Phone",
		"sheet.about":   "About",

		"title.summary":    "Quarterly report %s – Payroll and HR Services",
		"subtitle.summary": "Figures for the whole service centre. Phone times are shown as minutes:seconds, case times as business hours (h), new-hire and travel times as days (d). Change = this quarter minus the previous one; the arrow shows its direction, green when it got better and red when it got worse. The comment shows open deviations and their measures (the “Deviations” sheet). Definitions are on the “About” sheet.",
		"col.kpi":          "KPI",
		"col.value":        "Value %s",
		"col.target":       "Target",
		"col.status":       "Status",
		"col.previous":     "Previous quarter %s",
		"col.change":       "Change",
		"col.n":            "Based on (n)",
		"met.yes":          "● Met",
		"met.no":           "● Not met",
		"unit.pp":          "pp",
		"unit.h":           "h",

		"title.phone":       "Phone %s – calls that entered the queue within opening hours",
		"subtitle.phone":    "Phone hours: %s. Times are shown as minutes:seconds.",
		"section.months":    "By month",
		"section.weeks":     "By week (ISO week)",
		"section.heat":      "Average speed of answer (ASA) by hour and weekday",
		"section.heatcalls": "Calls by hour and weekday",
		"section.queues":    "By queue (each queue visit counted)",
		"section.trend":     "Trend: ASA by month, last 8 quarters",
		"col.period":        "Period",
		"col.offered":       "Offered",
		"col.answered":      "Answered",
		"col.abandoned":     "Abandoned",
		"col.flowout":       "Left queue unanswered",
		"col.asa":           "Average speed of answer (ASA)",
		"col.sl":            "Service level",
		"col.abandonrate":   "Abandon rate",
		"col.maxwait":       "Longest wait",
		"col.hour":          "Hour",
		"col.queue":         "Queue",
		"col.visits":        "Queue visits",
		"col.avgwait":       "Average wait",
		"col.asa_s":         "ASA (seconds)",
		"col.target_s":      "Target (seconds)",
		"wd.1":              "Mon",
		"wd.2":              "Tue",
		"wd.3":              "Wed",
		"wd.4":              "Thu",
		"wd.5":              "Fri",
		"chart.title":       "Average speed of answer (ASA) by month, in seconds",
		"none":              "No data",
		"note.heat":         "Colours: green = short wait, yellow = around the target (%s), red = %s or more. Empty cells: no answered calls.",

		"title.about":      "About this report",
		"section.defs":     "Definitions",
		"note.scope":       "Phone figures cover calls that entered the queue within phone hours, not on public holidays or closed days. The whole wait counts, even when a call is answered after closing.",
		"col.id":           "Id",
		"col.definition":   "Definition",
		"section.calendar": "Calendar",
		"label.timezone":   "Time zone",
		"label.phonehours": "Phone hours",
		"section.closed":   "Closed days in the quarter",
		"col.date":         "Date",
		"col.name":         "Name",
		"section.config":   "Thresholds and settings",
		"col.setting":      "Setting",
		"col.settingvalue": "Value",
		"section.files":    "Input files",
		"col.file":         "File",
		"col.kind":         "Kind",
		"col.sha":          "SHA-256",
		"col.rows":         "Rows",
		"col.rejected":     "Rejected",
		"col.loaded":       "Loaded at (%s)",
		"section.software": "Software",
		"label.version":    "Software version",
		"label.generated":  "Generated at (%s)",

		"phone.asa_s":           "Average speed of answer (ASA)",
		"phone.avg_wait_all_s":  "Average wait, all calls",
		"phone.service_level":   "Service level",
		"phone.abandon_rate":    "Abandon rate",
		"phone.p50_wait_s":      "Median wait, answered calls",
		"phone.p90_wait_s":      "90th percentile wait, answered calls",
		"phone.max_wait_s":      "Longest wait",
		"phone.avg_talk_s":      "Average talk time",
		"phone.offered":         "Offered calls",
		"phone.answered":        "Answered calls",
		"phone.abandoned":       "Abandoned calls",
		"phone.short_abandoned": "Short abandons",
		"phone.flowout":         "Left queue unanswered",
		"phone.incomplete":      "Incomplete calls",

		"def.phone.asa_s":           "How long callers waited in the queue before being answered, on average over answered calls. The service agreement's target is at most 60 seconds.",
		"def.phone.avg_wait_all_s":  "Average wait over all offered calls: answered, abandoned and those that left the queue unanswered.",
		"def.phone.service_level":   "Share of offered calls answered within the service-level threshold (60 seconds by default).",
		"def.phone.abandon_rate":    "Share of offered calls where the caller hung up while waiting in the queue.",
		"def.phone.p50_wait_s":      "Half of the answered calls waited less than this, half longer.",
		"def.phone.p90_wait_s":      "Nine in ten answered calls waited less than this.",
		"def.phone.max_wait_s":      "The longest wait of any single offered call in the period.",
		"def.phone.avg_talk_s":      "Average talk time of answered calls, where the phone system recorded it.",
		"def.phone.offered":         "Calls that count: answered, abandoned after more than a few seconds (5 by default), and those that left the queue unanswered. Short abandons and incomplete calls are left out.",
		"def.phone.answered":        "Calls answered by an adviser.",
		"def.phone.abandoned":       "Calls where the caller hung up in the queue after more than a few seconds (5 by default).",
		"def.phone.short_abandoned": "Calls where the caller hung up within a few seconds (5 by default). Not counted as offered.",
		"def.phone.flowout":         "Calls that left the queue unanswered because the wait timed out, the caller pressed a key, or no adviser was logged on to the queue.",
		"def.phone.incomplete":      "Calls with no ending in the phone log. Not counted as offered.",
	},
}

// joinMessages merges message tables language by language. An id defined
// twice is a bug in the tables, caught by any test that loads the package.
func joinMessages(tables ...map[string]map[string]string) map[string]map[string]string {
	joined := map[string]map[string]string{}
	for _, table := range tables {
		for lang, msgs := range table {
			if joined[lang] == nil {
				joined[lang] = map[string]string{}
			}
			for id, s := range msgs {
				if _, dup := joined[lang][id]; dup {
					panic(fmt.Sprintf("reports: message %s/%s defined twice", lang, id))
				}
				joined[lang][id] = s
			}
		}
	}
	return joined
}

// translator looks labels up in one language, falling back to bokmål and
// then to the message id itself.
type translator struct{ lang string }

// newTranslator accepts "" and "nb" (bokmål) and "en".
func newTranslator(lang string) (translator, error) {
	if lang == "" {
		lang = "nb"
	}
	if _, ok := messages[lang]; !ok {
		return translator{}, fmt.Errorf("unsupported language %q (want nb or en)", lang)
	}
	return translator{lang: lang}, nil
}

// msg returns the label for id, or id itself when no language knows it.
func (t translator) msg(id string) string {
	if s, ok := messages[t.lang][id]; ok {
		return s
	}
	if s, ok := messages["nb"][id]; ok {
		return s
	}
	return id
}

// msgf formats the label for id with args.
func (t translator) msgf(id string, args ...any) string {
	return fmt.Sprintf(t.msg(id), args...)
}

// definition returns the plain-language definition of a KPI id, or "" when
// there is none.
func (t translator) definition(id string) string {
	if s := t.msg("def." + id); s != "def."+id {
		return s
	}
	return ""
}
