package ingest_test

import (
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

var absenceCols = []string{"line", "employee_id", "unit", "kind", "from_date", "to_date", "grade_pct"}

func TestAbsencesCSV(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	p := e.writeFile("fravær.csv", []byte(strings.Join([]string{
		"Ansattnummer;Enhet;Fraværstype;Fra dato;Til dato;Sykmeldingsgrad;Merknad",
		"1001;IFY;Sykefravær;05.01.2026;;50 %;",
		"1002;IKJ;foreldrepermisjon;2026-02-01;2026-07-31;;",
		"1003;IKJ;Permisjon;2026-03-02;2026-03-02;50,5;",
		"1004;IKJ;syk;2026-01-05T00:00:00;2026-01-20;100;",
		"1005;IKJ;kreftbehandling;2026-01-05;;;cellegift",
		"1006;IKJ;sick;;2026-01-05;;",
		"1007;IKJ;sick;2026-01-10;2026-01-05;;",
		"1008;IKJ;sick;2026-01-05;;150 %;",
		";IKJ;sick;2026-01-05;;;",
		"1010;IKJ;sick;2026-01-05;;50;migrene \xff",
		`1011;IKJ;sick;2026-01-05;;;a "b" c`,
	}, "\n")+"\n"))
	res, stderr, err := e.load(ingest.Absences, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := []string{
		"2 | 1001 | IFY | sick | 2026-01-05 | NULL | 50.0",
		"3 | 1002 | IKJ | parental | 2026-02-01 | 2026-07-31 | NULL",
		"4 | 1003 | IKJ | leave | 2026-03-02 | 2026-03-02 | 50.5",
		"5 | 1004 | IKJ | sick | 2026-01-05 | 2026-01-20 | 100.0",
	}
	if d := diff(want, e.texts(rowsOf("raw_absences", absenceCols...))); d != "" {
		t.Errorf("raw_absences %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 6, Reason: "kind: want sick, parental or leave (sykefravær, foreldrepermisjon, permisjon)"},
		{Line: 7, Reason: "empty from_date"},
		{Line: 8, Reason: "to_date 2026-01-05 is before from_date 2026-01-10"},
		{Line: 9, Reason: `grade_pct: "150 %": want a percentage from 0 to 100`},
		{Line: 10, Reason: "empty employee_id"},
		{Line: 11, Reason: "not UTF-8 text"},
		{Line: 12, Reason: `bare " in non-quoted-field`},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	// Health data: quarantine keeps the employee, the dates and the grade,
	// never the kind, the unit or a remark; a line that could not be split
	// keeps nothing.
	wantRaw := []string{
		"6: employee_id=1005; from_date=2026-01-05; to_date=; grade_pct=",
		"7: employee_id=1006; from_date=; to_date=2026-01-05; grade_pct=",
		"8: employee_id=1007; from_date=2026-01-10; to_date=2026-01-05; grade_pct=",
		"9: employee_id=1008; from_date=2026-01-05; to_date=; grade_pct=150 %",
		"10: employee_id=; from_date=2026-01-05; to_date=; grade_pct=",
		"11: employee_id=1010; from_date=2026-01-05; to_date=; grade_pct=50",
		"12: ",
	}
	got := e.texts(`SELECT line || ': ' || coalesce(raw, '') FROM quarantine ORDER BY line`)
	if d := diff(wantRaw, got); d != "" {
		t.Errorf("quarantined rows %s", d)
	}
	if n := e.count(`SELECT count(*) FROM quarantine
		WHERE regexp_matches(raw, 'IKJ|kreft|cellegift|migrene|sick|"b"')
		   OR regexp_matches(reason, 'IKJ|kreft|cellegift|migrene')`); n != 0 {
		t.Errorf("%d quarantined rows carry more than the employee, dates and grade", n)
	}
}

func TestAbsencesXLSX(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1
	// 46027 days after 1899-12-30 is 2026-01-05, 46041 is 2026-01-19.
	p := e.workbook("fravær.xlsx", "Ark1", map[string]any{
		"A1": "Ansattnr", "B1": "Type", "C1": "Fra", "D1": "Til", "E1": "Grad", "F1": "Enhet", "G1": "Diagnose",
		"A2": "1001", "B2": "Sykefravær", "C2": 46027, "D2": 46041, "E2": 50, "F2": "IFY",
		"A3": 1002, "B3": "leave", "C3": "01.03.2026",
		"A4": "1003", "B4": "omsorgsdager", "C4": 46027, "F4": "IKJ", "G4": "influensa",
		"A5": "1004", "B5": "parental", "C5": 46041, "D5": 46027,
	}, "C2", "D2", "C4", "C5", "D5")
	res := e.mustLoad(ingest.Absences, p)
	want := []string{
		"2 | 1001 | IFY | sick | 2026-01-05 | 2026-01-19 | 50.0",
		"3 | 1002 | NULL | leave | 2026-03-01 | NULL | NULL",
	}
	if d := diff(want, e.texts(rowsOf("raw_absences", absenceCols...))); d != "" {
		t.Errorf("raw_absences %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: "kind: want sick, parental or leave (sykefravær, foreldrepermisjon, permisjon)"},
		{Line: 5, Reason: "to_date 2026-01-05 is before from_date 2026-01-19"},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	// A workbook's dates reach quarantine as the cells hold them.
	wantRaw := []string{
		"employee_id=1003; from_date=46027; to_date=; grade_pct=",
		"employee_id=1004; from_date=46041; to_date=46027; grade_pct=",
	}
	if d := diff(wantRaw, e.texts(`SELECT raw FROM quarantine ORDER BY line`)); d != "" {
		t.Errorf("quarantined rows %s", d)
	}
}

func TestAbsencesParquet(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1
	p, _ := e.parquetFile("fravær.parquet", `SELECT * FROM (VALUES
		('1001', 'IFY', 'sick', DATE '2026-01-05', NULL::DATE, 50.0, NULL),
		('1002', 'IKJ', 'influensa', DATE '2026-01-05', NULL::DATE, NULL::DOUBLE, 'feber')
	) t(employee_id, unit, kind, from_date, to_date, grade_pct, diagnose)`, 10)
	e.mustLoad(ingest.Absences, p)
	if d := diff([]string{"1 | 1001 | IFY | sick | 2026-01-05 | NULL | 50.0"}, e.texts(rowsOf("raw_absences", absenceCols...))); d != "" {
		t.Errorf("raw_absences %s", d)
	}
	got := e.texts(`SELECT line || ': ' || raw FROM quarantine`)
	if d := diff([]string{"2: employee_id=1002; from_date=2026-01-05; to_date=; grade_pct="}, got); d != "" {
		t.Errorf("quarantined rows %s", d)
	}
}
