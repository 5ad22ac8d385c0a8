// Package store opens slakpi's DuckDB file, applies the embedded migrations
// and keeps the file ledger and quarantine.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// ErrBusy is returned by Open when another process holds the database.
var ErrBusy = errors.New("database is in use by another process")

// Store is an open slakpi database.
type Store struct {
	DB   *sql.DB
	Path string
	conn *duckdb.Connector
}

// Options tune Open.
type Options struct {
	// Wait is how long to keep trying while another process holds the file.
	Wait time.Duration
}

// Open opens (creating if needed) the DuckDB file at path and migrates it
// with the files under migrations/ in sqlFS. DuckDB locks the file for one
// writing process; a second one gets ErrBusy with the holder's pid.
func Open(ctx context.Context, dbPath string, sqlFS fs.FS, opt Options) (*Store, error) {
	deadline := time.Now().Add(opt.Wait)
	for {
		s, err := open(ctx, dbPath)
		if err == nil {
			if err := s.migrate(ctx, sqlFS); err != nil {
				s.Close()
				return nil, err
			}
			return s, nil
		}
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

var pidRe = regexp.MustCompile(`PID (\d+)`)

func open(ctx context.Context, dbPath string) (*Store, error) {
	c, err := duckdb.NewConnector(dbPath, nil)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock") {
			holder := ""
			if m := pidRe.FindStringSubmatch(msg); m != nil {
				holder = " (pid " + m[1] + ")"
			}
			return nil, fmt.Errorf("%s%s: %w; try again when it has finished", dbPath, holder, ErrBusy)
		}
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	db := sql.OpenDB(c)
	// One connection: session variables (SET VARIABLE) and registered Arrow
	// views belong to a connection, and DuckDB serialises writers anyway.
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		c.Close()
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	return &Store{DB: db, Path: dbPath, conn: c}, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.DB.Close(), s.conn.Close())
}

// migration is one numbered file under migrations/.
type migration struct {
	version int
	name    string
	body    string
}

func readMigrations(sqlFS fs.FS) ([]migration, error) {
	names, err := fs.Glob(sqlFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("no migrations/*.sql in the SQL files")
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", n)
		}
		b, err := fs.ReadFile(sqlFS, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, body: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

func (s *Store) migrate(ctx context.Context, sqlFS fs.FS) error {
	ms, err := readMigrations(sqlFS)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := s.DB.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := s.DB.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.body); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, ?, now())`, m.version, m.name)
			return err
		}); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return nil
}

// Tx runs fn in one transaction, committing when fn returns nil.
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}
