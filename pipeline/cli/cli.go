// Package cli is slakpi's command line: Run parses the arguments and runs
// one command with the given streams, so tests drive it like a user does.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"

	"slakpi"
	"slakpi/pipeline/calendar"
	"slakpi/pipeline/config"
	"slakpi/pipeline/store"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errUsage marks an error in the command line itself.
var errUsage = errors.New("usage")

const usage = `usage: slakpi [--db PATH] [--config FILE] [--lang nb|en] COMMAND

commands:
  demo [--out DIR]                      generate a year of data, ingest, check and report it all
  ingest phone [--format queue_log|calls-csv] FILE...
  ingest cases [--format topdesk-json|cases-csv|cases-xlsx|case-history-csv] FILE...
  ingest units FILE
  ingest payroll [--kind pay-lines|employees|travel-claims] FILE...
  ingest followup [--kind absences|nav-refunds|contracts|forms-in-flow] FILE...
  kpi --quarter YYYYQn [--unit CODE] [--json]   the quarter's KPIs
  report quarterly --quarter YYYYQn --out DIR
  report units     --quarter YYYYQn --out DIR [--unit CODE]
  report followup  --out DIR [--as-of DATE]
  check payroll --run RUN_ID --out DIR [--json]   exit 1: unaccepted errors, 2: a rule could not run
  check accept FINGERPRINT --reason TEXT
  avvik list [--json] | avvik note --kpi ID --quarter YYYYQn --text TEXT
  export parquet --out DIR              Hive-partitioned Parquet of the raw and KPI tables
  schedule [--once JOB [--if-due]] [--log-format text|json]   the cron daemon, or one job now
  schedule --list [--from DATE] [--count N] [--json]   the next N runs of every job
`

// globals are the flags every command takes, before or after its name.
type globals struct {
	db, config, lang string
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", g.db, "DuckDB file (default $SLAKPI_DB or ./slakpi.duckdb)")
	fs.StringVar(&g.config, "config", g.config, "configuration file (YAML) read over the defaults")
	fs.StringVar(&g.lang, "lang", g.lang, "report language: nb or en")
}

// app is one invocation: its streams, flags and what it opened.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	g              globals
	cfg            *config.Config
	cal            *calendar.Calendar
}

// Run runs slakpi with args (without the program name) and returns the
// exit status. Errors go to stderr as one line saying what and where.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, g: globals{lang: "nb"}}
	err := a.run(ctx, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "slakpi: %v\n%s", strings.TrimPrefix(err.Error(), "usage: "), usage)
		return exitUsage
	}
	var ex exitError
	if errors.As(err, &ex) {
		if ex.err != nil {
			fmt.Fprintf(stderr, "slakpi: %v\n", ex.err)
		}
		return ex.code
	}
	fmt.Fprintf(stderr, "slakpi: %v\n", err)
	return exitFail
}

// exitError carries a command's own exit status.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return fmt.Sprint(e.err) }
func (e exitError) Unwrap() error { return e.err }

func (a *app) run(ctx context.Context, args []string) error {
	fs := a.flags("slakpi")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no command given", errUsage)
	}
	cmd, rest := fs.Arg(0), fs.Args()[1:]
	switch cmd {
	case "demo":
		return a.demo(ctx, rest)
	case "ingest":
		return a.ingest(ctx, rest)
	case "kpi":
		return a.kpi(ctx, rest)
	case "report":
		return a.report(ctx, rest)
	case "help":
		fmt.Fprint(a.stdout, usage)
		return nil
	case "check":
		return a.check(ctx, rest)
	case "avvik":
		return a.avvik(ctx, rest)
	case "export":
		return a.export(ctx, rest)
	case "schedule":
		return a.schedule(ctx, rest)
	}
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// flags makes a flag set that also takes the global flags.
func (a *app) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Run reports flag errors and help itself, once; the flag package
	// would print them too.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	a.g.register(fs)
	return fs
}

// parse parses flags; a flag error is a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// parseAll parses a subcommand's flags, which may stand before, between or
// after its other arguments (`ingest phone FILE --db X`); everything after
// "--" is an argument. The other arguments are then fs.Args().
func parseAll(fs *flag.FlagSet, args []string) error {
	var rest, tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	for {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
	return fs.Parse(append(append([]string{"--"}, rest...), tail...))
}

// setup loads the configuration and calendar, once.
func (a *app) setup() error {
	if a.cfg != nil {
		return nil
	}
	if a.g.lang != "nb" && a.g.lang != "en" {
		return fmt.Errorf("%w: --lang %q: want nb or en", errUsage, a.g.lang)
	}
	cfg, err := config.Load(a.g.config)
	if err != nil {
		return err
	}
	cal, err := calendar.FromConfig(cfg)
	if err != nil {
		return err
	}
	a.cfg, a.cal = cfg, cal
	return nil
}

// open loads the configuration and opens the database, creating it when
// create is set; commands that only read say so rather than report on an
// empty database made by a typo in --db.
func (a *app) open(ctx context.Context, create bool) (*store.Store, error) {
	if err := a.setup(); err != nil {
		return nil, err
	}
	path := a.dbPath()
	if _, err := os.Stat(path); !create && errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist: load data first (slakpi ingest …), or name another with --db or SLAKPI_DB", path)
	}
	return store.Open(ctx, path, slakpi.SQL, store.Options{})
}

// dbPath is --db, else $SLAKPI_DB, else ./slakpi.duckdb.
func (a *app) dbPath() string {
	if a.g.db != "" {
		return a.g.db
	}
	if p := os.Getenv("SLAKPI_DB"); p != "" {
		return p
	}
	return "slakpi.duckdb"
}

// stderrIsTerminal tells whether progress may be drawn on stderr.
func (a *app) stderrIsTerminal() bool {
	f, ok := a.stderr.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
