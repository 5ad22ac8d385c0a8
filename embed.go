// Package slakpi holds the data files every part of the pipeline reads: the
// SQL under sql/ and the job table under schedules/. Go code lives in the
// packages below it; this file only embeds, because //go:embed cannot reach
// a parent folder.
package slakpi

import (
	"embed"
	"io/fs"
)

//go:embed sql
var sqlDir embed.FS

// SQL holds sql/ (as its root): numbered migrations, derived views, KPI
// queries and checks.
var SQL = sub(sqlDir, "sql")

//go:embed schedules/*.yaml
var schedulesDir embed.FS

// Schedules holds schedules/ (as its root): the default job table.
var Schedules = sub(schedulesDir, "schedules")

func sub(f embed.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // dir is a literal embedded above
	}
	return s
}

// Version is the software version shown in reports; set at build time with
// -ldflags "-X slakpi.Version=…".
var Version = "0.1.0-dev"
