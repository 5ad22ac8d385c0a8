package schedules

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Folders is the jobs' file exchange under Root:
//
//	inbox/<source>/           files to ingest, put there by their senders
//	archive/<source>/<date>/  files loaded, by the local date of the run
//	rejected/<source>/        files refused, each with <name>.why.txt beside it
//	outbox/<unit>/            each unit's workbook and its manifest.json
//
// A file in an inbox is complete, and so ready to ingest, when a marker
// <name>.done stands beside it, or else when it has gone unmodified for
// Settle (its size cannot change without its modification time). Senders
// that may pause mid-copy longer than that write the marker last, or copy
// to a name starting with "." or ending in .part or .tmp and rename it:
// such names are never picked up.
type Folders struct {
	Root   string
	Settle time.Duration // 0: DefaultSettle
}

// DefaultSettle is how long an unmarked file must stay unmodified.
const DefaultSettle = 5 * time.Minute

const (
	doneSuffix = ".done"
	whySuffix  = ".why.txt"
)

// Prepare makes the folder tree with an inbox for each source, so senders
// know where to put files.
func (f Folders) Prepare(ctx context.Context, sources ...string) error {
	dirs := []string{"archive", "rejected", "outbox"}
	for _, s := range sources {
		if err := checkSource(s); err != nil {
			return err
		}
		dirs = append(dirs, filepath.Join("inbox", s))
	}
	for _, d := range dirs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(f.Root, d), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// Inbox is the inbox folder of source.
func (f Folders) Inbox(source string) string { return filepath.Join(f.Root, "inbox", source) }

// Ready lists the complete files in source's inbox at now, by name. A
// missing inbox holds no files.
func (f Folders) Ready(ctx context.Context, source string, now time.Time) ([]string, error) {
	if err := checkSource(source); err != nil {
		return nil, err
	}
	dir := f.Inbox(source)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("inbox %s: %w", source, err)
	}
	settle := f.Settle
	if settle <= 0 {
		settle = DefaultSettle
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	var ready []string
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !e.Type().IsRegular() || ignored(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // gone since ReadDir
		}
		if names[e.Name()+doneSuffix] || now.Sub(info.ModTime()) >= settle {
			ready = append(ready, filepath.Join(dir, e.Name()))
		}
	}
	return ready, nil
}

// ignored tells the names in an inbox that are not input: markers, reasons,
// hidden, partial and temporary files, and Office's lock files.
func ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return true
	}
	return slices.ContainsFunc([]string{doneSuffix, whySuffix, ".part", ".tmp"}, func(s string) bool {
		return strings.HasSuffix(strings.ToLower(name), s)
	})
}

// Archive moves a loaded file of source to archive/<source>/<day>/, with
// its marker removed, and returns where it went.
func (f Folders) Archive(ctx context.Context, source, path string, day time.Time) (string, error) {
	if err := checkSource(source); err != nil {
		return "", err
	}
	dir := filepath.Join(f.Root, "archive", source, day.Format(time.DateOnly))
	return moveInto(ctx, path, dir)
}

// Reject moves a refused file of source to rejected/<source>/ and writes
// why beside it as <name>.why.txt; it returns where the file went.
func (f Folders) Reject(ctx context.Context, source, path, why string) (string, error) {
	if err := checkSource(source); err != nil {
		return "", err
	}
	dst, err := moveInto(ctx, path, filepath.Join(f.Root, "rejected", source))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(dst+whySuffix, []byte(strings.TrimSpace(why)+"\n"), 0o644); err != nil {
		return dst, fmt.Errorf("reject %s: %w", filepath.Base(path), err)
	}
	return dst, nil
}

// Outbox makes and returns unit's outbox folder, named by the unit code
// with anything but letters, digits and '-' made '_' (as the unit
// workbooks' names are), so a code cannot climb out of the outbox.
func (f Folders) Outbox(ctx context.Context, unit string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	safe := strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, unit)
	if safe == "" {
		return "", errors.New("outbox: no unit code")
	}
	dir := filepath.Join(f.Root, "outbox", safe)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("outbox %s: %w", unit, err)
	}
	return dir, nil
}

// moveInto renames path into dir, numbering the name when dir already has
// one like it, and removes path's .done marker.
func moveInto(ctx context.Context, path, dir string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	name := filepath.Base(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("move %s: %w", name, err)
	}
	ext := filepath.Ext(name)
	dst := filepath.Join(dir, name)
	for n := 2; exists(dst) || exists(dst+whySuffix); n++ {
		dst = filepath.Join(dir, strings.TrimSuffix(name, ext)+"-"+strconv.Itoa(n)+ext)
	}
	if err := os.Rename(path, dst); err != nil {
		return "", fmt.Errorf("move %s: %w", name, err)
	}
	if err := os.Remove(path + doneSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return dst, fmt.Errorf("move %s: marker: %w", name, err)
	}
	return dst, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// checkSource refuses a source name that is not one plain folder name.
func checkSource(s string) error {
	if s == "" || s == "." || s == ".." || strings.ContainsAny(s, `/\`) {
		return fmt.Errorf("inbox: source %q is not a folder name", s)
	}
	return nil
}
