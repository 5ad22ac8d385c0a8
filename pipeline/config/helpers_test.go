package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeConfig writes an override file and returns its path.
func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "slakpi.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// diff says how got differs from want, in (-want +got) form; "" when equal.
func diff(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return fmt.Sprintf("(-want +got):\n-%+v\n+%+v", want, got)
}
