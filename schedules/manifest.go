package schedules

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// ManifestName is the manifest's file name in an outbox folder.
const ManifestName = "manifest.json"

// Manifest describes what a job delivered to one unit's outbox folder, so
// whoever sends it on can tell the files are whole and which run made them.
type Manifest struct {
	Unit        string         `json:"unit"`
	Job         string         `json:"job,omitempty"`
	Period      string         `json:"period,omitempty"` // e.g. "2026Q4"
	GeneratedAt time.Time      `json:"generated_at"`
	Version     string         `json:"version,omitempty"` // slakpi.Version
	Files       []ManifestFile `json:"files"`
}

// ManifestFile is one delivered file.
type ManifestFile struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// WriteManifest writes dir/manifest.json: m with the name, size and SHA-256
// of each of files, which must lie in dir. It replaces the manifest whole,
// by renaming a finished temporary file, and returns its path.
func WriteManifest(ctx context.Context, dir string, m Manifest, files ...string) (string, error) {
	m.Files = make([]ManifestFile, 0, len(files))
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		if filepath.Dir(filepath.Clean(p)) != filepath.Clean(dir) {
			return "", fmt.Errorf("manifest: %s is not in %s", p, dir)
		}
		f, err := describe(p)
		if err != nil {
			return "", fmt.Errorf("manifest: %w", err)
		}
		m.Files = append(m.Files, f)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return "", fmt.Errorf("manifest: %w", err)
	}
	path := filepath.Join(dir, ManifestName)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return "", fmt.Errorf("manifest: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("manifest: %w", err)
	}
	return path, nil
}

func describe(path string) (ManifestFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return ManifestFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return ManifestFile{}, fmt.Errorf("%s: %w", path, err)
	}
	return ManifestFile{Name: filepath.Base(path), Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}
