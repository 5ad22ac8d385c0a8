// Package avvik keeps the deviation register of SPEC §4.4: a KPI with a
// target not met in a quarter becomes a record with its escalation level,
// recomputed whenever figures are, while the measure (tiltak) a user set
// stays.
package avvik

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"slakpi/pipeline/config"
	"slakpi/reports"
)

// ErrNoDeviation says no deviation is recorded for a KPI and quarter.
var ErrNoDeviation = errors.New("no deviation recorded")

// Recompute rebuilds the register from kpi_results (compute the quarters
// first) with the escalation rule of cfg.
func Recompute(ctx context.Context, db *sql.DB, sqlFS fs.FS, cfg *config.Config) error {
	b, err := fs.ReadFile(sqlFS, "avvik/recompute.sql")
	if err != nil {
		return err
	}
	for _, s := range []string{
		fmt.Sprintf("SET VARIABLE avvik_quarters_per_level = %d", cfg.Avvik.QuartersPerLevel),
		fmt.Sprintf("SET VARIABLE avvik_big_gap_pct = %v", cfg.Avvik.BigGapPct),
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("avvik: %w", err)
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(b)); err != nil {
		return fmt.Errorf("sql/avvik/recompute.sql: %w", err)
	}
	return tx.Commit()
}

// List reads the register, newest quarter first.
func List(ctx context.Context, db *sql.DB) ([]reports.Deviation, error) {
	rows, err := db.QueryContext(ctx, `SELECT kpi, quarter, unit, value, target, comparison, gap, first_missed,
		consecutive, level, status, coalesce(measure, ''), measure_at
		FROM deviations ORDER BY quarter DESC, level DESC, kpi, unit`)
	if err != nil {
		return nil, fmt.Errorf("avvik: %w", err)
	}
	defer rows.Close()
	var out []reports.Deviation
	for rows.Next() {
		var d reports.Deviation
		var at sql.NullTime
		if err := rows.Scan(&d.KPI, &d.Quarter, &d.Unit, &d.Value, &d.Target, &d.Comparison, &d.Gap, &d.FirstMissed,
			&d.Consecutive, &d.Level, &d.Status, &d.Measure, &at); err != nil {
			return nil, err
		}
		if at.Valid {
			d.MeasureAt = &at.Time
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Note sets the measure (tiltak) of the centre's deviation of kpi in
// quarter; it survives recomputation.
func Note(ctx context.Context, db *sql.DB, kpi, quarter, text, by string) error {
	res, err := db.ExecContext(ctx, `UPDATE deviations SET measure = ?, measure_by = ?, measure_at = ?
		WHERE kpi = ? AND quarter = ? AND unit = ''`, text, by, time.Now().UTC(), kpi, quarter)
	if err != nil {
		return fmt.Errorf("avvik note: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("avvik note: %w for %s in %s (see slakpi avvik list)", ErrNoDeviation, kpi, quarter)
	}
	return nil
}
