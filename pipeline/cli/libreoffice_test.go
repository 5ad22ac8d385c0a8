package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The demo's workbooks open in LibreOffice without errors: each converts to
// a PDF (soffice --headless --convert-to pdf). Skipped where LibreOffice is
// not installed (apt-get install libreoffice-calc-nogui).
func TestDemoWorkbooksOpenInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("converting workbooks takes a few seconds")
	}
	dir := demoDir(t)
	out := t.TempDir()
	for _, rel := range []string{
		filepath.Join("reports", "kvartalsrapport-2026Q3.xlsx"),
		filepath.Join("reports", "enheter", "statusmote-IE-2026Q3.xlsx"),
		filepath.Join("reports", "lonnskontroll", "lonnskontroll-2026-09-H.xlsx"),
		filepath.Join("reports", "oppfolging-2026-09-30.xlsx"),
	} {
		src := filepath.Join(dir, rel)
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(out, "profile"),
			"--convert-to", "pdf", "--outdir", out, src)
		b, err := cmd.CombinedOutput()
		pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(src), ".xlsx")+".pdf")
		info, statErr := os.Stat(pdf)
		if err != nil || statErr != nil || info.Size() == 0 {
			t.Errorf("%s does not convert: %v %v\n%s", rel, err, statErr, b)
		}
	}
}
