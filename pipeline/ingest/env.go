package ingest

import "os"

func envValue(name string) string {
	if name == "" {
		return ""
	}
	return os.Getenv(name)
}
