package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// FileRecord is one row of the file ledger.
type FileRecord struct {
	ID           int64
	Path         string
	Size         int64
	SHA256       string
	Kind         string
	Status       string // "loaded" or "refused"
	RowsAccepted int64
	RowsRejected int64
	LoadedAt     time.Time
}

// Reject is one input row refused with its reason.
type Reject struct {
	Line   int64
	Reason string
	Raw    string
}

// LoadedBefore reports the ledger row of an earlier successful load of the
// same content and kind, if there is one.
func LoadedBefore(ctx context.Context, q Querier, sha, kind string) (*FileRecord, error) {
	r := FileRecord{}
	err := q.QueryRowContext(ctx, `SELECT file_id, path, size, sha256, kind, status, rows_accepted, rows_rejected, loaded_at
		FROM ingest_files WHERE sha256 = ? AND kind = ? AND status = 'loaded' ORDER BY file_id LIMIT 1`, sha, kind).
		Scan(&r.ID, &r.Path, &r.Size, &r.SHA256, &r.Kind, &r.Status, &r.RowsAccepted, &r.RowsRejected, &r.LoadedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	return &r, nil
}

// Querier is what both *sql.DB, *sql.Conn and *sql.Tx offer.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// NewFileID reserves a ledger id for a file about to be loaded.
func NewFileID(ctx context.Context, q Querier) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT nextval('ingest_file_id')`).Scan(&id)
	return id, err
}

// RecordFile writes the ledger row and the file's rejected rows.
func RecordFile(ctx context.Context, q Querier, f FileRecord, rejects []Reject) error {
	if _, err := q.ExecContext(ctx, `INSERT INTO ingest_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.Path, f.Size, f.SHA256, f.Kind, f.Status, f.RowsAccepted, f.RowsRejected, f.LoadedAt); err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	for _, r := range rejects {
		if _, err := q.ExecContext(ctx, `INSERT INTO quarantine VALUES (?, ?, ?, ?, ?)`,
			f.ID, f.Path, r.Line, r.Reason, r.Raw); err != nil {
			return fmt.Errorf("quarantine: %w", err)
		}
	}
	return nil
}

// Files lists the ledger, oldest first.
func (s *Store) Files(ctx context.Context) ([]FileRecord, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT file_id, path, size, sha256, kind, status, rows_accepted, rows_rejected, loaded_at
		FROM ingest_files ORDER BY file_id`)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	return scanFiles(rows)
}

func scanFiles(rows *sql.Rows) ([]FileRecord, error) {
	defer rows.Close()
	var out []FileRecord
	for rows.Next() {
		var r FileRecord
		if err := rows.Scan(&r.ID, &r.Path, &r.Size, &r.SHA256, &r.Kind, &r.Status, &r.RowsAccepted, &r.RowsRejected, &r.LoadedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// HashKey returns the key for hashing personal numbers: the environment's
// value when given, otherwise a random key made once and kept in settings.
func (s *Store) HashKey(ctx context.Context, fromEnv string) ([]byte, error) {
	if fromEnv != "" {
		return []byte(fromEnv), nil
	}
	var v string
	err := s.DB.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'hash_key'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		v = hex.EncodeToString(b)
		_, err = s.DB.ExecContext(ctx, `INSERT INTO settings VALUES ('hash_key', ?)`, v)
	}
	if err != nil {
		return nil, fmt.Errorf("hash key: %w", err)
	}
	return hex.DecodeString(v)
}

// FilesWithin lists the loaded files behind a period's figures: those with
// raw rows timed within [from, to), cases open during it, the follow-up
// data known by its end, and the unit tree and employee register.
func (s *Store) FilesWithin(ctx context.Context, from, to time.Time) ([]FileRecord, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT file_id, path, size, sha256, kind, status, rows_accepted, rows_rejected, loaded_at
		FROM ingest_files
		WHERE status = 'loaded' AND (kind IN ('units', 'employees') OR file_id IN (
			SELECT file_id FROM raw_queue_log WHERE ts >= $1 AND ts < $2
			UNION SELECT file_id FROM raw_calls WHERE entered_at >= $1 AND entered_at < $2
			UNION SELECT file_id FROM raw_cases WHERE coalesce(call_date, creation_date) < $2
			  AND coalesce(closed_date, completed_date, modified_at, $2) >= $1
			UNION SELECT file_id FROM raw_case_history WHERE changed_at >= $1 AND changed_at < $2
			UNION SELECT file_id FROM raw_pay_lines WHERE pay_date >= CAST($1 AS DATE) AND pay_date < CAST($2 AS DATE)
			UNION SELECT file_id FROM raw_travel_claims WHERE submitted_at < $2
			UNION SELECT file_id FROM raw_absences WHERE from_date < CAST($2 AS DATE)
			UNION SELECT file_id FROM raw_nav_refunds WHERE period_from < CAST($2 AS DATE)
			UNION SELECT file_id FROM raw_contracts WHERE coalesce(sent_at, $1) < $2
			UNION SELECT file_id FROM raw_forms_in_flow WHERE coalesce(submitted_at, $1) < $2))
		ORDER BY file_id`, from, to)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	return scanFiles(rows)
}
