package calendar

import (
	"testing"
	"time"
)

func TestNorway(t *testing.T) {
	// Easter Sunday is 5 Apr 2026 and 28 Mar 2027; Maundy Thursday, Good
	// Friday and Easter Monday are −3, −2 and +1 days, Ascension +39 and
	// Whit Monday +50. Whit Monday 2027 falls on 17 May.
	tests := []struct {
		date time.Time
		want string // "" when not a holiday
	}{
		{day(2026, 1, 1), "Første nyttårsdag"},
		{day(2026, 4, 1), ""},
		{day(2026, 4, 2), "Skjærtorsdag"},
		{day(2026, 4, 3), "Langfredag"},
		{day(2026, 4, 5), ""}, // a Sunday, closed as a weekend
		{day(2026, 4, 6), "Andre påskedag"},
		{day(2026, 4, 7), ""},
		{day(2026, 5, 1), "Arbeidernes dag"},
		{day(2026, 5, 14), "Kristi Himmelfartsdag"},
		{day(2026, 5, 17), "Grunnlovsdag"},
		{day(2026, 5, 25), "Andre pinsedag"},
		{day(2026, 12, 24), ""},
		{day(2026, 12, 25), "Første juledag"},
		{day(2026, 12, 26), "Andre juledag"},
		{day(2027, 3, 25), "Skjærtorsdag"},
		{day(2027, 3, 26), "Langfredag"},
		{day(2027, 3, 29), "Andre påskedag"},
		{day(2027, 5, 6), "Kristi Himmelfartsdag"},
		{day(2027, 5, 16), ""},
		{day(2027, 5, 17), "Grunnlovsdag / Andre pinsedag"},
	}
	h := Norway()
	for _, tt := range tests {
		t.Run(tt.date.Format(time.DateOnly), func(t *testing.T) {
			got, ok := h.Holiday(tt.date)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Holiday = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}
