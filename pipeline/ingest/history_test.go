package ingest_test

import (
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

func TestCaseHistoryCSV(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see each reason
	res := e.mustLoad(ingest.CaseHistoryCSV, e.file("historikk.csv",
		"Nummer;Tidspunkt;Felt;Fra;Til",
		"M 2601 001;2026-01-14 10:05;status;Registrert;Tildelt",
		"M 2601 001;2026-01-14T11:00:00+01:00;operator_group;;Lønn",
		"M 2601 001;;status;Tildelt;I arbeid",
		";2026-01-14 12:00;status;Tildelt;I arbeid",
		"M 2601 001;2026-01-14 12:00;;Tildelt;I arbeid",
	))
	got := e.texts(tableQuery("raw_case_history", "line", "number", "changed_at", "field", "old_value", "new_value"))
	want := []string{
		"2 | M 2601 001 | 2026-01-14 09:05:00.000 | status | Registrert | Tildelt",
		"3 | M 2601 001 | 2026-01-14 10:00:00.000 | operator_group | NULL | Lønn",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_case_history %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: "empty changed_at"},
		{Line: 5, Reason: "empty number"},
		{Line: 6, Reason: "empty field"},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
}

func TestUnitsCSV(t *testing.T) {
	e := newEnv(t)
	e.mustLoad(ingest.Units, e.file("units.csv",
		"code,name,parent,contact_email",
		"NV,Fakultet for naturvitenskap,,",
		"NV-IKJ,Institutt for kjemi,NV,post@ikj.ntnu.no",
	))
	got := e.texts(tableQuery("raw_units", "line", "code", "name", "parent", "contact_email"))
	want := []string{
		"2 | NV | Fakultet for naturvitenskap | NULL | NULL",
		"3 | NV-IKJ | Institutt for kjemi | NV | post@ikj.ntnu.no",
	}
	if d := diff(want, got); d != "" {
		t.Errorf("raw_units %s", d)
	}
}
