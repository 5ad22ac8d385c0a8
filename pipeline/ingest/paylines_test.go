package ingest_test

import (
	"fmt"
	"strings"
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

// rowsOf selects columns of a table as one text a row, " | " between
// values, NULL for null: dates and decimals as DuckDB writes them, times
// (columns named *_at) in UTC.
func rowsOf(table string, cols ...string) string {
	exprs := make([]string, len(cols))
	for i, c := range cols {
		v := c + "::VARCHAR"
		if strings.HasSuffix(c, "_at") {
			v = fmt.Sprintf("strftime(%s AT TIME ZONE 'UTC', '%%Y-%%m-%%d %%H:%%M')", c)
		}
		exprs[i] = fmt.Sprintf("coalesce(%s, 'NULL')", v)
	}
	return fmt.Sprintf("SELECT concat_ws(' | ', %s) FROM %s ORDER BY file_id, line", strings.Join(exprs, ", "), table)
}

var payLineCols = []string{"line", "run_id", "run_type", "pay_date", "period", "employee_id", "employment_id", "unit",
	"cost_centre", "wage_type", "amelding_code", "amount", "hours", "rate"}

// norwegianPayLines is a payroll export in Norwegian: every title is in
// the default aliases of pay-lines, amounts have decimal commas and
// thousands split by a space or a no-break space.
var norwegianPayLines = []string{
	"Kjøring;Kjøringstype;Utbetalingsdato;Periode;Ansattnummer;Arbeidsforhold;Enhet;Koststed;Lønnsart;A-meldingskode;Beløp;Timer;Sats",
	"2026-01-H;main;12.01.2026;2026-01;1001;1001-1;IFY;K100;1000;fastloenn;45\u00a0678,90;;",
	"2026-01-H;main;2026-01-12;202601;1001;1001-2;IFY;K100;2010;timeloenn;1 234,50;7,5;164,60",
	"2026-01-H;main;12.01.2026;2026-01;1002;1002-1;IKJ;K200;1000;fastloenn;12345,67;;",
	"2026-01-H;Main;12.01.2026;15.01.2026;1002;;;;8100;;-1 500,00;;",
	"2026-01-H;main;12.01.2026;2026-01;1003;1003-1;IKJ;K200;1000;fastloenn;0,10;;",
	"2026-01-H;main;12.01.2026;2026-01;1003;1003-1;IKJ;K200;1010;fastloenn;0,20;;",
}

func TestPayLinesCSVNorwegian(t *testing.T) {
	e := newEnv(t)
	res := e.mustLoad(ingest.PayLines, e.file("lønn.csv", norwegianPayLines...))
	if res[0].Rows != 6 || len(res[0].Rejects) != 0 {
		t.Fatalf("rows %d, rejects %+v: want 6 and none", res[0].Rows, res[0].Rejects)
	}
	want := []string{
		"2 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1001 | 1001-1 | IFY | K100 | 1000 | fastloenn | 45678.90 | NULL | NULL",
		"3 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1001 | 1001-2 | IFY | K100 | 2010 | timeloenn | 1234.50 | 7.5 | 164.6",
		"4 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1002 | 1002-1 | IKJ | K200 | 1000 | fastloenn | 12345.67 | NULL | NULL",
		"5 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1002 | NULL | NULL | NULL | 8100 | NULL | -1500.00 | NULL | NULL",
		"6 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1003 | 1003-1 | IKJ | K200 | 1000 | fastloenn | 0.10 | NULL | NULL",
		"7 | 2026-01-H | main | 2026-01-12 | 2026-01 | 1003 | 1003-1 | IKJ | K200 | 1010 | fastloenn | 0.20 | NULL | NULL",
	}
	if d := diff(want, e.texts(rowsOf("raw_pay_lines", payLineCols...))); d != "" {
		t.Errorf("raw_pay_lines %s", d)
	}
	// Cents stay exact: 45678.90 + 1234.50 + 12345.67 - 1500.00 + 0.10 + 0.20.
	got := e.texts(`SELECT concat_ws(' ', sum(amount), typeof(sum(amount)), count(*) FILTER (amount = 12345.67),
		count(*) FILTER (amount = 0.3), sum(amount) FILTER (employee_id = '1003') = 0.3) FROM raw_pay_lines`)
	if d := diff([]string{"57759.37 DECIMAL(38,2) 1 0 true"}, got); d != "" {
		t.Errorf("sum, its type, lines of 12345.67, lines of 0.3, 0.10 + 0.20 = 0.3 %s", d)
	}
}

func TestPayLinesRejects(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	p := e.file("lines.csv",
		"run_id,run_type,pay_date,period,employee_id,wage_type,amount",
		"R1,main,2026-01-12,2026-01,1001,1000,100.00",
		"R1,bonus,2026-01-12,2026-01,1001,1000,100.00",
		"R1,main,2026-01-12,2026-13,1001,1000,100.00",
		"R1,main,2026-01-12,januar,1001,1000,100.00",
		"R1,main,2026-01-12,2026-01,1001,1000,tolv",
		`R1,main,2026-01-12,2026-01,1001,1000,"12,345"`,
		"R1,main,12/01/2026,2026-01,1001,1000,100.00",
		"R1,main,2026-01-12,2026-01,,1000,100.00",
		`R1,main,2026-01-12,2026-01,1001,1000,"12 34,00"`,
		"R1,main,2026-01-12,2026-01,1001,1000,",
		`R1,supplementary,2026-01-12,2026-01,1001,1000,"1,234.50"`,
		`R1,extra,2026-01-12,2026-01,1001,1000,"-1.234,5"`,
		"R1,travel,2026-01-12,2026-01,1001,1000,1000000000000",
	)
	res, stderr, err := e.load(ingest.PayLines, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	wantRejects := []store.Reject{
		{Line: 3, Reason: `run_type "bonus": want main, supplementary, travel or extra`},
		{Line: 4, Reason: `period "2026-13": want a month as YYYY-MM or YYYYMM, or a date`},
		{Line: 5, Reason: `period "januar": want a month as YYYY-MM or YYYYMM, or a date`},
		{Line: 6, Reason: `amount: "tolv" is not a number`},
		{Line: 7, Reason: `amount: "12,345" has more than two decimals`},
		{Line: 8, Reason: `pay_date: date "12/01/2026": want YYYY-MM-DD or DD.MM.YYYY`},
		{Line: 9, Reason: "empty employee_id"},
		{Line: 10, Reason: `amount: "12 34,00" is not a number`},
		{Line: 11, Reason: "empty amount"},
		{Line: 14, Reason: `amount: "1000000000000" is too large an amount`},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
	got := e.texts(rowsOf("raw_pay_lines", "line", "run_type", "amount"))
	want := []string{"2 | main | 100.00", "12 | supplementary | 1234.50", "13 | extra | -1234.50"}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_pay_lines %s", d)
	}
	if n := e.count(`SELECT count(*) FROM quarantine WHERE reason LIKE 'run_type "bonus"%' AND line = 3`); n != 1 {
		t.Errorf("quarantine holds %d rows for line 3, want 1", n)
	}
}

func TestPayLinesHeaderWithoutAmount(t *testing.T) {
	e := newEnv(t)
	p := e.file("lines.csv", "run_id,run_type,pay_date,period,employee_id,wage_type", "R1,main,2026-01-12,2026-01,1001,1000")
	_, _, err := e.load(ingest.PayLines, p)
	if err == nil || !strings.Contains(err.Error(), `no column "amount"`) {
		t.Errorf("error %v, want one saying there is no amount column", err)
	}
}

func TestPayLinesSameFileTwice(t *testing.T) {
	e := newEnv(t)
	first := e.mustLoad(ingest.PayLines, e.file("a.csv", norwegianPayLines...))[0]
	res := e.mustLoad(ingest.PayLines, e.file("b.csv", norwegianPayLines...))
	if d := res[0].Duplicate; d == nil || d.ID != first.FileID {
		t.Errorf("Duplicate = %+v, want file %d", d, first.FileID)
	}
	got := []int64{e.count(`SELECT count(*) FROM raw_pay_lines`), e.count(`SELECT count(*) FROM ingest_files`)}
	if d := diff([]int64{6, 1}, got); d != "" {
		t.Errorf("raw_pay_lines rows, ledger rows %s", d)
	}
}
