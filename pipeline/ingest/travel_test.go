package ingest_test

import (
	"testing"

	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

func TestTravelClaimsCSV(t *testing.T) {
	e := newEnv(t)
	e.cfg.Ingest.RejectLimit = 1 // keep the file, to see the bad rows
	p := e.file("reiser.csv",
		"Reiseregning;Ansattnummer;Enhet;Innsendt;Godkjent;Lønnskjøring;Kilometer;Kilometersats;Diettdøgn;Diettsats;Beløp",
		// 123,5 km at 5,30 is 654,55; with one day's per diem, 1 631,55.
		"RR-1;1001;IFY;2026-01-05 10:00;07.01.2026 14:00;2026-01-H;123,5;5,30;1;977;1 631,55",
		"RR-2;1002;IKJ;2026-06-05;;;;;;;",
		"RR-3;1003;IKJ;2026-01-06;;;-5;5,30;;;",
		"RR-4;1004;IKJ;i går;;;;;;;",
		";1005;IKJ;2026-01-06;;;;;;;",
	)
	res, stderr, err := e.load(ingest.TravelClaims, p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	// Times are Oslo's: UTC+1 in January, UTC+2 in June.
	want := []string{
		"2 | RR-1 | 1001 | IFY | 2026-01-05 09:00 | 2026-01-07 13:00 | 2026-01-H | 123.5 | 5.3 | 1.0 | 977.0 | 1631.55",
		"3 | RR-2 | 1002 | IKJ | 2026-06-04 22:00 | NULL | NULL | NULL | NULL | NULL | NULL | NULL",
	}
	got := e.texts(rowsOf("raw_travel_claims", "line", "claim_id", "employee_id", "unit", "submitted_at", "approved_at",
		"paid_run_id", "km", "km_rate", "per_diem_days", "per_diem_rate", "amount"))
	if d := diff(want, got); d != "" {
		t.Errorf("raw_travel_claims %s", d)
	}
	wantRejects := []store.Reject{
		{Line: 4, Reason: `km: "-5" is negative`},
		{Line: 5, Reason: `submitted_at: time "i går": want RFC 3339, 2021-02-11T06:32:36.303+0000, YYYY-MM-DD[ HH:MM[:SS]] or DD.MM.YYYY[ HH:MM[:SS]]`},
		{Line: 6, Reason: "empty claim_id"},
	}
	if d := diff(wantRejects, rejectsOf(res[0])); d != "" {
		t.Errorf("rejects %s", d)
	}
}
