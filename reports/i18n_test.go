package reports

import (
	"slices"
	"testing"
)

var phoneKPIs = []string{
	"phone.asa_s", "phone.avg_wait_all_s", "phone.service_level", "phone.abandon_rate",
	"phone.p50_wait_s", "phone.p90_wait_s", "phone.max_wait_s", "phone.avg_talk_s",
	"phone.offered", "phone.answered", "phone.abandoned", "phone.short_abandoned",
	"phone.flowout", "phone.incomplete",
}

var caseKPIs = []string{
	"cases.opened", "cases.resolved", "cases.backlog_end",
	"cases.first_response_bh_p50", "cases.first_response_bh_p90",
	"cases.resolution_bh_p50", "cases.resolution_bh_p90",
	"cases.resolved_within_target", "cases.reopened",
}

var hireKPIs = []string{
	"newhire.lead_bd_p50", "newhire.lead_bd_p90", "newhire.before_first_run",
	"travel.days_to_pay_p50", "travel.days_to_pay_p90", "travel.paid_within_14d",
}

func TestEveryKPIHasNameAndDefinition(t *testing.T) {
	for lang := range messages {
		tr, err := newTranslator(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range slices.Concat(phoneKPIs, caseKPIs, hireKPIs) {
			if tr.msg(id) == id || tr.definition(id) == "" {
				t.Errorf("%s: %s lacks a name or a definition", lang, id)
			}
		}
	}
}

func TestJoinMessagesRejectsADuplicate(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("an id defined in two tables did not panic")
		}
	}()
	joinMessages(map[string]map[string]string{"nb": {"x": "a"}}, map[string]map[string]string{"nb": {"x": "b"}})
}

func TestLanguagesHaveTheSameMessages(t *testing.T) {
	for id := range messages["nb"] {
		if _, ok := messages["en"][id]; !ok {
			t.Errorf("en lacks %s", id)
		}
	}
	for id := range messages["en"] {
		if _, ok := messages["nb"][id]; !ok {
			t.Errorf("nb lacks %s", id)
		}
	}
}

func TestUnknownIDFallsBackToID(t *testing.T) {
	tests := []struct{ lang, id, want string }{
		{"nb", "phone.asa_s", "Snittventetid besvarte anrop (ASA)"},
		{"en", "phone.asa_s", "Average speed of answer (ASA)"},
		{"en", "cases.mystery", "cases.mystery"},
		{"", "sheet.about", "Om rapporten"},
	}
	for _, tt := range tests {
		tr, err := newTranslator(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.msg(tt.id); got != tt.want {
			t.Errorf("msg(%q) in %q = %q, want %q", tt.id, tt.lang, got, tt.want)
		}
	}
	tr, _ := newTranslator("nb")
	if got := tr.definition("cases.mystery"); got != "" {
		t.Errorf("definition of an unknown id = %q, want empty", got)
	}
}
