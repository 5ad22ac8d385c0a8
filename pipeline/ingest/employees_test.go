package ingest_test

import (
	"errors"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

var employeeCols = []string{"line", "employee_id", "employment_id", "unit", "start_date", "end_date", "position_pct",
	"status", "bank_account_hash", "registered_at"}

func TestEmployeesCSV(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	p := e.file("ansatte.csv",
		"Ansattnummer;Arbeidsforhold;Enhet;Startdato;Sluttdato;Stillingsprosent;Status;Kontonummer_hash;Registrert",
		"1001;1001-1;IFY;01.02.2026;;100 %;active;9f2c1e;2026-01-20 09:15",
		"1002;1002-1;IKJ;2025-08-01;2026-07-31;50,5;leave;ab12cd;2025-07-01T10:00:00+02:00",
		"1003;1003-1;IKJ;2026-01-01;;100;active;1234.56.78903;",
		"1004;1004-1;IKJ;2026-01-01;;100;active;12345678903;",
		"1005;1005-1;IKJ;2026-01-01;;150 %;active;;",
		"1006;1006-1;IKJ;31.02.2026;;100;active;;",
		"1007;;IKJ;2026-01-01;;100;active;;",
	)
	res, stderr, err := e.load(ingest.Employees, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// Registered times are Oslo's: UTC+1 in January, UTC+2 in July.
	want := []string{
		"2 | 1001 | 1001-1 | IFY | 2026-02-01 | NULL | 100.0 | active | 9f2c1e | 2026-01-20 08:15",
		"3 | 1002 | 1002-1 | IKJ | 2025-08-01 | 2026-07-31 | 50.5 | leave | ab12cd | 2025-07-01 08:00",
	}
	if d := diff(want, e.texts(rowsOf("raw_employees", employeeCols...))); d != "" {
		t.Errorf("raw_employees %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: "bank account number must come hashed"},
		{Line: 5, Reason: "bank account number must come hashed"},
		{Line: 6, Reason: `position_pct: "150 %": want a percentage from 0 to 100`},
		{Line: 7, Reason: `start_date: date "31.02.2026": want YYYY-MM-DD or DD.MM.YYYY`},
		{Line: 8, Reason: "empty employment_id"},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	// Quarantine keeps the row, but not the account number.
	raw := e.texts(`SELECT raw FROM quarantine WHERE line IN (4, 5) ORDER BY line`)
	wantRaw := []string{
		"1003;1003-1;IKJ;2026-01-01;;100;active;(account number removed);",
		"1004;1004-1;IKJ;2026-01-01;;100;active;(account number removed);",
	}
	if d := diff(wantRaw, raw); d != "" {
		t.Errorf("quarantined rows %s", d)
	}
}

// A file of plain account numbers is refused whole, and none of them is
// kept anywhere.
func TestEmployeesAccountNumbersRefused(t *testing.T) {
	e := newEnv(t)
	p := e.file("ansatte.csv",
		"employee_id,employment_id,bank_account_hash",
		"1001,1001-1,1234 56 78903",
		"1002,1002-1,9876.54.32109",
	)
	_, _, err := e.load(ingest.Employees, p)
	var ref *ingest.RefusedError
	if !errors.As(err, &ref) {
		t.Fatalf("error %v: want a *RefusedError", err)
	}
	got := []int64{e.count(`SELECT count(*) FROM raw_employees`),
		e.count(`SELECT count(*) FROM quarantine WHERE raw LIKE '%78903%' OR raw LIKE '%32109%'`),
		e.count(`SELECT count(*) FROM quarantine`)}
	if d := diff([]int64{0, 0, 2}, got); d != "" {
		t.Errorf("employees, quarantined rows with an account number, quarantined rows %s", d)
	}
}

func TestEmployeesXLSX(t *testing.T) {
	e := newEnv(t)
	// 46054 days after 1899-12-30 is 2026-02-01; a date is never moved by
	// a zone.
	p := e.workbook("ansatte.xlsx", "Ark1", map[string]any{
		"A1": "Ansattnr", "B1": "Stillingsnummer", "C1": "Startdato", "D1": "Stillingsprosent", "E1": "Registrert",
		"A2": "1001", "B2": "1001-1", "C2": 46054, "D2": 100, "E2": 46036.42013888889,
		"A3": "1002", "B3": "1002-1", "C3": "15.08.2025", "D3": "50,5",
	}, "C2", "E2")
	e.mustLoad(ingest.Employees, p)
	want := []string{
		"2 | 1001 | 1001-1 | 2026-02-01 | 100.0 | 2026-01-14 09:05",
		"3 | 1002 | 1002-1 | 2025-08-15 | 50.5 | NULL",
	}
	got := e.texts(rowsOf("raw_employees", "line", "employee_id", "employment_id", "start_date", "position_pct", "registered_at"))
	if d := diff(want, got); d != "" {
		t.Errorf("raw_employees %s", d)
	}
}
