package ingest_test

import (
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// badTime is ParseTime's reason for a value that is no time.
const badTime = `: want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]`

var navRefundCols = []string{"line", "claim_id", "employee_id", "unit", "kind", "period_from", "period_to",
	"claimed_at", "amount_claimed", "paid_at", "amount_paid"}

var contractCols = []string{"line", "contract_id", "employee_id", "unit", "kind", "sent_at", "signed_at",
	"start_date", "end_date", "max_date"}

// formCols shows pay_cutoff in UTC as rowsOf does the *_at columns.
var formCols = []string{"line", "form_id", "employee_id", "unit", "form_type", "submitted_at", "current_step",
	"approver_role", "status", "affects_pay", "strftime(pay_cutoff AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M')", "approved_at"}

// Each follow-up kind from a CSV file in Norwegian and from a workbook;
// every title is in the default aliases. Times are Oslo's: UTC+1 in
// winter, UTC+2 in summer. 46027 days after 1899-12-30 is 2026-01-05.
func TestFollowupFormats(t *testing.T) {
	for _, tc := range []struct {
		name, format, table string
		cols                []string
		file                func(e *env) string
		want                []string
		rejects             []store.Reject
	}{
		{"nav-refunds csv", ingest.NavRefunds, "raw_nav_refunds", navRefundCols, func(e *env) string {
			return e.file("refusjoner.csv",
				"Kravnummer;Ansattnummer;Enhet;Type;Periode fra;Periode til;Krevd dato;Krevd beløp;Utbetalt dato;Utbetalt beløp",
				"K-1;1001;IFY;sykepenger;05.01.2026;31.01.2026;2026-02-03;12 345,50;2026-06-01 10:00;12\u00a0345,5",
				"K-2;1002;IKJ;;2026-02-01;2026-02-01;03.02.2026;1.234,56;;",
				"K-3;1003;IKJ;;2026-02-10;2026-02-01;;;;",
				"K-4;1004;IKJ;;2026-02-01;;;;;",
				"K-5;1005;IKJ;;2026-02-01;2026-02-28;;12,345,5;;",
				"K-6;1006;IKJ;;2026-02-01;2026-02-28;;100;snart;",
				";1007;IKJ;;2026-02-01;2026-02-28;;;;",
			)
		}, []string{
			"2 | K-1 | 1001 | IFY | sykepenger | 2026-01-05 | 2026-01-31 | 2026-02-02 23:00 | 12345.50 | 2026-06-01 08:00 | 12345.50",
			"3 | K-2 | 1002 | IKJ | NULL | 2026-02-01 | 2026-02-01 | 2026-02-02 23:00 | 1234.56 | NULL | NULL",
		}, []store.Reject{
			{Line: 4, Reason: "period_to 2026-02-01 is before period_from 2026-02-10"},
			{Line: 5, Reason: "empty period_to"},
			{Line: 6, Reason: `amount_claimed: "12,345,5" is not a number`},
			{Line: 7, Reason: `paid_at: time "snart"` + badTime},
			{Line: 8, Reason: "empty claim_id"},
		}},
		{"nav-refunds xlsx", ingest.NavRefunds, "raw_nav_refunds", navRefundCols, func(e *env) string {
			return e.workbook("refusjoner.xlsx", "Ark1", map[string]any{
				"A1": "Refusjonskrav", "B1": "Ansattnummer", "C1": "Periode fra", "D1": "Periode til",
				"E1": "Krevd dato", "F1": "Krevd beløp", "G1": "Utbetalt beløp",
				"A2": "K-9", "B2": 1001, "C2": 46027, "D2": 46041, "E2": 46036.42013888889, "F2": 12345.5, "G2": "12 345,50",
				"A3": "K-10", "B3": "1002", "C3": 46041, "D3": 46027,
			}, "C2", "D2", "E2", "C3", "D3")
		}, []string{
			"2 | K-9 | 1001 | NULL | NULL | 2026-01-05 | 2026-01-19 | 2026-01-14 09:05 | 12345.50 | NULL | 12345.50",
		}, []store.Reject{
			{Line: 3, Reason: "period_to 2026-01-05 is before period_from 2026-01-19"},
		}},
		{"contracts csv", ingest.Contracts, "raw_contracts", contractCols, func(e *env) string {
			return e.file("kontrakter.csv",
				"Kontraktnummer;Ansattnummer;Enhet;Type;Sendt;Signert;Startdato;Sluttdato;Maksdato",
				"C-1;1001;IFY;Midlertidig;2026-01-05 09:00;07.01.2026 14:30;01.02.2026;31.07.2026;31.01.2029",
				"C-2;1002;IKJ;timelønnet;2026-06-05;;2026-01-10;;",
				"C-3;1003;IKJ;oppdrag;;;;;",
				"C-4;1004;IKJ;FAST;;;2026-03-01;2026-03-01;",
				"C-5;1005;IKJ;vikar;;;;;",
				"C-6;1006;IKJ;temporary;;;2026-03-01;2026-02-28;",
				"C-7;1007;IKJ;temporary;;;2026-03-01;;2026-02-01",
				"C-8;1008;IKJ;temporary;i går;;;;",
				"C-9;1009;IKJ;temporary;;;2026-02-30;;",
				"C-10;;IKJ;temporary;;;;;",
			)
		}, []string{
			"2 | C-1 | 1001 | IFY | temporary | 2026-01-05 08:00 | 2026-01-07 13:30 | 2026-02-01 | 2026-07-31 | 2029-01-31",
			"3 | C-2 | 1002 | IKJ | hourly | 2026-06-04 22:00 | NULL | 2026-01-10 | NULL | NULL",
			"4 | C-3 | 1003 | IKJ | assignment | NULL | NULL | NULL | NULL | NULL",
			"5 | C-4 | 1004 | IKJ | permanent | NULL | NULL | 2026-03-01 | 2026-03-01 | NULL",
		}, []store.Reject{
			{Line: 6, Reason: `kind "vikar": want temporary, hourly, assignment or permanent (midlertidig, timelønnet, oppdrag, fast)`},
			{Line: 7, Reason: "end_date 2026-02-28 is before start_date 2026-03-01"},
			{Line: 8, Reason: "max_date 2026-02-01 is before start_date 2026-03-01"},
			{Line: 9, Reason: `sent_at: time "i går"` + badTime},
			{Line: 10, Reason: `start_date: date "2026-02-30": want YYYY-MM-DD or DD.MM.YYYY`},
			{Line: 11, Reason: "empty employee_id"},
		}},
		{"contracts xlsx", ingest.Contracts, "raw_contracts", contractCols, func(e *env) string {
			return e.workbook("kontrakter.xlsx", "Ark1", map[string]any{
				"A1": "Kontrakt", "B1": "Ansattnr", "C1": "Type", "D1": "Sendt", "E1": "Startdato", "F1": "Maksdato",
				"A2": "C-1", "B2": 1001, "C2": "Fast", "D2": 46036.42013888889, "E2": 46054,
				"A3": "C-2", "B3": "1002", "C3": "hourly", "D3": "2026-01-05 09:00", "E3": "2026-02-01", "F3": "2029-01-31",
				"A4": "C-3", "B4": "1003", "C4": "vikar",
			}, "D2", "E2")
		}, []string{
			"2 | C-1 | 1001 | NULL | permanent | 2026-01-14 09:05 | NULL | 2026-02-01 | NULL | NULL",
			"3 | C-2 | 1002 | NULL | hourly | 2026-01-05 08:00 | NULL | 2026-02-01 | NULL | 2029-01-31",
		}, []store.Reject{
			{Line: 4, Reason: `kind "vikar": want temporary, hourly, assignment or permanent (midlertidig, timelønnet, oppdrag, fast)`},
		}},
		{"forms-in-flow csv", ingest.FormsInFlow, "raw_forms_in_flow", formCols, func(e *env) string {
			return e.file("skjema.csv",
				"Skjemanummer;Ansattnummer;Enhet;Skjematype;Innsendt;Nåværende steg;Godkjennerrolle;Status;Påvirker lønn;Lønnsfrist;Godkjent",
				"S-1;1001;IFY;Overtid;2026-01-05 09:00;Leder;leder;Til godkjenning;Ja;2026-01-09 12:00;",
				"S-2;1002;IKJ;Reise;2026-01-06T10:00:00+01:00;Lønn;lønnsansvarlig;Godkjent;nei;2026-06-09 12:00;2026-01-08 15:30",
				"S-3;;;;;;;;;;",
				"S-4;;;;;;;;YES;;",
				"S-5;;;;;;;;0;;",
				"S-6;;;;;;;;kanskje;;",
				"S-7;;;;;;;;1;fredag;",
				";1008;IKJ;Overtid;;;;;;;",
			)
		}, []string{
			"2 | S-1 | 1001 | IFY | Overtid | 2026-01-05 08:00 | Leder | leder | Til godkjenning | true | 2026-01-09 11:00 | NULL",
			"3 | S-2 | 1002 | IKJ | Reise | 2026-01-06 09:00 | Lønn | lønnsansvarlig | Godkjent | false | 2026-06-09 10:00 | 2026-01-08 14:30",
			"4 | S-3 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL",
			"5 | S-4 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | true | NULL | NULL",
			"6 | S-5 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | false | NULL | NULL",
		}, []store.Reject{
			{Line: 7, Reason: `affects_pay: "kanskje": want ja/nei, yes/no, true/false or 1/0`},
			{Line: 8, Reason: `pay_cutoff: time "fredag"` + badTime},
			{Line: 9, Reason: "empty form_id"},
		}},
		{"forms-in-flow xlsx", ingest.FormsInFlow, "raw_forms_in_flow", formCols, func(e *env) string {
			return e.workbook("skjema.xlsx", "Ark1", map[string]any{
				"A1": "Skjema", "B1": "Skjematype", "C1": "Påvirker lønn", "D1": "Lønnsfrist", "E1": "Godkjent", "F1": "Steg",
				"A2": "S-1", "B2": "Overtid", "C2": true, "D2": 46036.42013888889, "E2": "2026-01-14 10:06", "F2": "Leder",
				"A3": "S-2", "C3": false,
				"A4": "S-3", "C4": "kanskje",
			}, "D2")
		}, []string{
			"2 | S-1 | NULL | NULL | Overtid | NULL | Leder | NULL | NULL | true | 2026-01-14 09:05 | 2026-01-14 09:06",
			"3 | S-2 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | false | NULL | NULL",
		}, []store.Reject{
			{Line: 4, Reason: `affects_pay: "kanskje": want ja/nei, yes/no, true/false or 1/0`},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
			res, stderr, err := e.load(tc.format, tc.file(e))
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if d := diff(tc.want, e.texts(rowsOf(tc.table, tc.cols...))); d != "" {
				t.Errorf("%s %s", tc.table, d)
			}
			if d := diff(tc.rejects, rejectsOf(res[0])); d != "" {
				t.Errorf("rejects %s", d)
			}
		})
	}
}
