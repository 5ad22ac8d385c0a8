package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"slakpi/pipeline/config"
	"slakpi/pipeline/store"
)

// Loader loads files of one source into the store and reports each file on
// Stderr: its bad rows as file:line: reason, then a one-line summary.
type Loader struct {
	Store    *store.Store
	Config   *config.Config
	Stderr   io.Writer
	Terminal bool // Stderr is a terminal: show progress while loading
}

// Formats of phone input, as named on the command line.
const (
	QueueLog = "queue_log"
	CallsCSV = "calls-csv"
)

// Formats of case and organisation input, as named on the command line.
// cases-xlsx takes its header aliases from cases-csv's.
const (
	TopdeskJSON    = "topdesk-json"
	CasesCSV       = "cases-csv"
	CasesXLSX      = "cases-xlsx"
	CaseHistoryCSV = "case-history-csv"
	Units          = "units"
)

// Formats of payroll input, as named on the command line. Each reads a
// CSV file, or by its name a workbook (*.xlsx) or a Parquet file (*.parquet).
const (
	PayLines     = "pay-lines"
	Employees    = "employees"
	TravelClaims = "travel-claims"
)

// Formats of follow-up input (SPEC §2.4), as named on the command line.
// Each reads a CSV file, or by its name a workbook (*.xlsx) or a Parquet
// file (*.parquet).
const (
	Absences    = "absences"
	NavRefunds  = "nav-refunds"
	Contracts   = "contracts"
	FormsInFlow = "forms-in-flow"
)

// BatchError lists the files of a batch that failed; the others loaded.
type BatchError struct{ Errs []error }

func (e *BatchError) Error() string {
	if len(e.Errs) == 1 {
		return e.Errs[0].Error()
	}
	return fmt.Sprintf("%d files failed; first: %v", len(e.Errs), e.Errs[0])
}

// Unwrap gives the failures one by one to errors.Is and errors.As.
func (e *BatchError) Unwrap() []error { return e.Errs }

// maxListed is how many bad rows of one file are named on stderr; all of
// them are in the quarantine table.
const maxListed = 20

// Load loads each path as the named format, each file in its own
// transaction. A failed file does not stop the others; the error lists them.
func (l *Loader) Load(ctx context.Context, formatName string, paths []string) ([]*Result, error) {
	f, err := l.format(ctx, formatName)
	if err != nil {
		return nil, err
	}
	conn, err := l.Store.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	prog := newProgress(l.Stderr, l.Terminal)
	var results []*Result
	var errs []error
	for _, p := range paths {
		res, err := loadFile(ctx, conn, p, f, l.Config.Ingest.RejectLimit, prog)
		if err != nil {
			l.reportRefused(err)
			errs = append(errs, err)
			continue
		}
		l.report(res)
		results = append(results, res)
	}
	if len(errs) > 0 {
		return results, &BatchError{Errs: errs}
	}
	return results, nil
}

func (l *Loader) format(ctx context.Context, name string) (format, error) {
	loc, aliases := l.Config.Location, l.Config.Aliases
	switch name {
	case TopdeskJSON:
		return topdeskFormat{loc: loc}, nil
	case CasesCSV:
		return casesFormat(CasesCSV, fromCSV, loc, aliases[CasesCSV]), nil
	case CasesXLSX:
		return casesFormat(CasesXLSX, fromXLSX, loc, aliases[CasesCSV]), nil
	case CaseHistoryCSV:
		return historyFormat(loc, aliases[CaseHistoryCSV]), nil
	case Units:
		return unitsFormat(aliases[Units]), nil
	case PayLines:
		return payLinesFormat(loc, aliases[PayLines]), nil
	case Employees:
		return newEmployeesFormat(loc, aliases[Employees]), nil
	case TravelClaims:
		return travelFormat(loc, aliases[TravelClaims]), nil
	case Absences:
		return newAbsencesFormat(loc, aliases[Absences]), nil
	case NavRefunds:
		return navRefundsFormat(loc, aliases[NavRefunds]), nil
	case Contracts:
		return contractsFormat(loc, aliases[Contracts]), nil
	case FormsInFlow:
		return formsFormat(loc, aliases[FormsInFlow]), nil
	}
	key, err := l.Store.HashKey(ctx, os.Getenv(l.Config.Ingest.HashKeyEnv))
	if err != nil {
		return nil, err
	}
	switch name {
	case QueueLog, "":
		return queueLogFormat{p: newQueueLogParser(l.Config.Location, key)}, nil
	case CallsCSV:
		return callsCSVFormat{loc: l.Config.Location, aliases: l.Config.Aliases[CallsCSV], caller: newKeyedHash(key)}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want queue_log, calls-csv, topdesk-json, cases-csv, cases-xlsx, case-history-csv, units, "+
		"pay-lines, employees, travel-claims, absences, nav-refunds, contracts or forms-in-flow", name)
}

func (l *Loader) report(r *Result) {
	name := filepath.Base(r.Path)
	if r.Duplicate != nil {
		fmt.Fprintf(l.Stderr, "%s: already loaded (file %d, %s): nothing added\n", name, r.Duplicate.ID, r.Duplicate.Path)
		return
	}
	l.listRejects(r.Path, r.Rejects)
	fmt.Fprintf(l.Stderr, "%s: %d rows loaded, %d rejected, in %s (file %d, sha256 %.12s)\n",
		name, r.Rows, len(r.Rejects), r.Elapsed.Round(time.Millisecond), r.FileID, r.SHA256)
}

func (l *Loader) reportRefused(err error) {
	var ref *RefusedError
	if errors.As(err, &ref) {
		l.listRejects(ref.Path, ref.Rejects)
	}
	fmt.Fprintf(l.Stderr, "%v\n", err)
}

func (l *Loader) listRejects(path string, rejects []store.Reject) {
	for i, r := range rejects {
		if i == maxListed {
			fmt.Fprintf(l.Stderr, "%s: … and %d more rejected rows (see the quarantine table)\n", path, len(rejects)-maxListed)
			break
		}
		fmt.Fprintf(l.Stderr, "%s:%d: %s\n", path, r.Line, r.Reason)
	}
}
