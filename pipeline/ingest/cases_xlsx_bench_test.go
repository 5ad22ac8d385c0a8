package ingest_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slakpi"
	"slakpi/pipeline/config"
	"slakpi/pipeline/ingest"
	"slakpi/pipeline/store"
)

const benchCases = 200_000

// BenchmarkCasesXLSX ingests a 200,000-row cases export into a fresh
// database per iteration. VmHWM is the process's peak, so run it alone:
//
//	go test -tags duckdb_arrow -run '^$' -bench CasesXLSX -benchtime 1x ./pipeline/ingest/
func BenchmarkCasesXLSX(b *testing.B) {
	path := filepath.Join(b.TempDir(), "cases.xlsx")
	if err := writeBenchCases(path, benchCases); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Setenv(cfg.Ingest.HashKeyEnv, "")
	// The peak so far is the workbook's writing; count from here.
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("peak memory not reset, so it includes writing the workbook: %v", err)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(ctx, filepath.Join(b.TempDir(), "b.duckdb"), slakpi.SQL, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		l := &ingest.Loader{Store: s, Config: cfg, Stderr: io.Discard}
		b.StartTimer()
		res, err := l.Load(ctx, ingest.CasesXLSX, []string{path})
		b.StopTimer()
		if err != nil || res[0].Rows != benchCases {
			b.Fatalf("load: %v (%+v)", err, res)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(benchCases)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if kb, err := vmHWM(); err != nil {
		b.Log(err)
	} else {
		b.ReportMetric(float64(kb)/1024, "peak-MiB")
	}
}

// writeBenchCases writes n cases with StreamWriter: dates as date cells,
// except creation_date and modified_at, which are text as some exports have.
func writeBenchCases(path string, n int) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	if err != nil {
		return err
	}
	header := []any{"Meldingsnummer", "Meldingsdato", "Opprettet", "Melders enhet", "Operatørgruppe", "Operatør",
		"Behandlingsstatus", "Kategori", "Underkategori", "Innmeldingsmåte", "Responsdato", "Dato fullført",
		"Dato lukket", "Tid på vent (s)", "Gjenåpnet", "Sist endret"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	statuses := []string{"Registrert", "Tildelt", "I arbeid", "Venter på bruker", "Fullført", "Lukket"}
	categories := []string{"Reiseregning", "Arbeidstid", "Lønn", "Sykdom", "Ferie", "Permisjon"}
	date := func(v float64) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	for i := range n {
		call := 46023 + float64(i%365) + float64(8*60+i%480)/1440 // 2026, 08:00 to 15:59
		row := []any{
			"M " + strconv.Itoa(2600000+i), date(call), "2026-01-02 10:00:00",
			fmt.Sprintf("Institutt %d", i%60), "Lønn og reise", fmt.Sprintf("Saksbehandler %d", i%40),
			statuses[i%len(statuses)], categories[i%len(categories)], "", "E-post",
			date(call + 0.01), date(call + 1.5), "", i % 7200, i % 3, "2026-03-01 12:00",
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// vmHWM reads the process's peak resident memory in KiB.
func vmHWM() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}
