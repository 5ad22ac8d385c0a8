package cli

import (
	"errors"
	"testing"

	"slakpi/pipeline/checks"
)

// SPEC §5's exit statuses: 2 when a rule could not run (even with error
// findings), 1 for unaccepted errors, 0 for warnings or accepted errors.
func TestCheckVerdict(t *testing.T) {
	errFinding := checks.Finding{Rule: "duplicate_pay_line", Severity: "error"}
	accepted := errFinding
	accepted.Accepted = true
	warn := checks.Finding{Rule: "large_one_off", Severity: "warn"}
	for _, tc := range []struct {
		name     string
		findings []checks.Finding
		failed   map[string]error
		want     int
	}{
		{"pass", nil, nil, 0},
		{"warnings only", []checks.Finding{warn}, nil, 0},
		{"accepted error", []checks.Finding{accepted, warn}, nil, 0},
		{"unaccepted error", []checks.Finding{errFinding, accepted}, nil, 1},
		{"rule failed", []checks.Finding{errFinding}, map[string]error{"x": errors.New("boom")}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkVerdict(&checks.Result{RunID: "r", Findings: tc.findings, Failed: tc.failed})
			code := 0
			var ex exitError
			if errors.As(err, &ex) {
				code = ex.code
			}
			if code != tc.want {
				t.Errorf("exit %d, want %d (%v)", code, tc.want, err)
			}
		})
	}
}
