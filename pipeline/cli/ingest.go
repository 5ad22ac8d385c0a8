package cli

import (
	"context"
	"errors"
	"fmt"

	"slakpi/pipeline/ingest"
)

func (a *app) ingest(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: ingest what? phone", errUsage)
	}
	switch args[0] {
	case "phone":
		return a.ingestPhone(ctx, args[1:])
	case "cases", "payroll", "units", "followup":
		return fmt.Errorf("ingest %s: not built yet in this version", args[0])
	}
	return fmt.Errorf("%w: ingest %q: want phone", errUsage, args[0])
}

func (a *app) ingestPhone(ctx context.Context, args []string) error {
	fs := a.flags("ingest phone")
	format := fs.String("format", ingest.QueueLog, "queue_log or calls-csv")
	if err := parseAll(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest phone: no files given", errUsage)
	}
	s, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	l := &ingest.Loader{Store: s, Config: a.cfg, Stderr: a.stderr, Terminal: a.stderrIsTerminal()}
	_, err = l.Load(ctx, *format, fs.Args())
	var batch *ingest.BatchError
	if errors.As(err, &batch) {
		// Each file's trouble is on stderr already; end with the count.
		return fmt.Errorf("ingest phone: %d of %d files not loaded", len(batch.Errs), fs.NArg())
	}
	return err
}
