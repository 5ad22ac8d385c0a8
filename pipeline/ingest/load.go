// Package ingest loads input files into slakpi's raw tables: each file in
// one transaction, recorded in the ledger, its bad rows in quarantine.
package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/duckdb/duckdb-go/v2"

	"slakpi/pipeline/store"
)

// format reads one kind of input into rows of its raw table.
type format interface {
	kind() string
	table() string
	schema() *arrow.Schema
	// parse reads r to the end, appending rows to s's builder.
	parse(r io.Reader, s *sink) error
}

// Result is what loading one file did.
type Result struct {
	Path      string
	FileID    int64
	Kind      string
	SHA256    string
	Rows      int64
	Rejects   []store.Reject
	Duplicate *store.FileRecord // set when the same content was loaded before
	Elapsed   time.Duration
}

// RefusedError says a file had more bad rows than the limit allows; none of
// its rows were loaded.
type RefusedError struct {
	Path     string
	Rows     int64
	Rejects  []store.Reject
	Limit    float64
	Rejected float64 // share
}

func (e *RefusedError) Error() string {
	first := ""
	if len(e.Rejects) > 0 {
		r := e.Rejects[0]
		first = fmt.Sprintf("; first: %s:%d: %s", e.Path, r.Line, r.Reason)
	}
	return fmt.Sprintf("%s: refused whole: %d of %d rows rejected (%.1f %%, limit %.1f %%), nothing loaded%s",
		e.Path, len(e.Rejects), e.Rows+int64(len(e.Rejects)), 100*e.Rejected, 100*e.Limit, first)
}

// loadFile loads one file through f in a single transaction.
func loadFile(ctx context.Context, conn *sql.Conn, path string, f format, limit float64, progress *progress) (*Result, error) {
	start := time.Now()
	size, sum, err := hashFile(path)
	if err != nil {
		return nil, err
	}
	res := &Result{Path: path, Kind: f.kind(), SHA256: sum}
	if prev, err := store.LoadedBefore(ctx, conn, sum, f.kind()); err != nil || prev != nil {
		res.Duplicate = prev
		return res, err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	id, err := store.NewFileID(ctx, conn)
	if err != nil {
		return nil, err
	}
	res.FileID = id
	s, err := insertParsed(ctx, conn, path, f, id, progress)
	if err != nil {
		// The file as a whole could not be read (a header without a required
		// column, JSON that does not parse): nothing of it is loaded, and the
		// ledger says so, with the reason in quarantine.
		if _, rbErr := conn.ExecContext(ctx, "ROLLBACK"); rbErr == nil {
			committed = true
			failed := store.FileRecord{ID: id, Path: path, Size: size, SHA256: sum, Kind: f.kind(), Status: "failed",
				LoadedAt: time.Now().UTC()}
			err = errors.Join(err, store.RecordFile(ctx, conn, failed, []store.Reject{{Reason: err.Error()}}))
		}
		return nil, err
	}
	res.Rows, res.Rejects = s.rows, s.rejects
	rec := store.FileRecord{ID: id, Path: path, Size: size, SHA256: sum, Kind: f.kind(), Status: "loaded",
		RowsAccepted: s.rows, RowsRejected: int64(len(s.rejects)), LoadedAt: time.Now().UTC()}
	total := s.rows + int64(len(s.rejects))
	if total > 0 && float64(len(s.rejects))/float64(total) > limit {
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			return nil, err
		}
		committed = true
		rec.Status, rec.RowsAccepted = "refused", 0
		if err := store.RecordFile(ctx, conn, rec, s.rejects); err != nil {
			return nil, err
		}
		return nil, &RefusedError{Path: path, Rows: s.rows, Rejects: s.rejects, Limit: limit,
			Rejected: float64(len(s.rejects)) / float64(total)}
	}
	if err := store.RecordFile(ctx, conn, rec, s.rejects); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, err
	}
	committed = true
	res.Elapsed = time.Since(start)
	return res, nil
}

// insertParsed streams the parser's batches into f's raw table through
// DuckDB's Arrow scan, parsing on one core while DuckDB writes on the other.
func insertParsed(ctx context.Context, conn *sql.Conn, path string, f format, fileID int64, progress *progress) (*sink, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := newSink(pctx, f.schema())
	progress.watch(path, file, &s.lines)
	defer progress.done()

	var parseErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		parseErr = f.parse(file, s)
		if err := s.close(); parseErr == nil {
			parseErr = err
		}
	}()

	view := fmt.Sprintf("ingest_stream_%d", fileID)
	insErr := conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		release, err := ar.RegisterView(s.reader(), view)
		if err != nil {
			return err
		}
		defer release()
		cols := columnList(f.schema())
		_, err = dc.(driver.ExecerContext).ExecContext(ctx, fmt.Sprintf(
			"INSERT INTO %s (file_id, %s) SELECT %d, %s FROM %s", f.table(), cols, fileID, cols, view), nil)
		return err
	})
	cancel()
	go s.drain()
	wg.Wait()
	if _, err := conn.ExecContext(ctx, "DROP VIEW IF EXISTS "+view); err != nil && insErr == nil {
		insErr = err
	}
	if parseErr != nil && !errors.Is(parseErr, context.Canceled) {
		return nil, fmt.Errorf("%s: %w", path, parseErr)
	}
	if insErr != nil {
		return nil, fmt.Errorf("%s: load: %w", path, insErr)
	}
	return s, nil
}

func columnList(s *arrow.Schema) string {
	names := make([]string, s.NumFields())
	for i, f := range s.Fields() {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w", path, err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}
