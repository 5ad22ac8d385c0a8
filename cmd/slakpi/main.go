// Command slakpi turns the payroll and HR service centre's raw operational
// data into the figures its service agreement promises. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"slakpi/pipeline/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
