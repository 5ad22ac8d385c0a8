package cli

import (
	"context"
	"fmt"

	"slakpi/pipeline/export"
)

func (a *app) export(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "parquet" {
		return fmt.Errorf("%w: export parquet --out DIR", errUsage)
	}
	fs := a.flags("export parquet")
	out := fs.String("out", "", "folder for the Parquet tables")
	if err := parseAll(fs, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: export parquet: --out DIR is required", errUsage)
	}
	s, err := a.open(ctx, false)
	if err != nil {
		return err
	}
	defer s.Close()
	eng, err := a.engine(ctx, s)
	if err != nil {
		return err
	}
	defer eng.Close()
	if err := a.refresh(ctx, s, eng); err != nil {
		return err
	}
	res, err := export.Parquet(ctx, s.DB, *out)
	if err != nil {
		return err
	}
	for _, r := range res {
		fmt.Fprintf(a.stdout, "%s\t%d rows\n", r.Dir, r.Rows)
	}
	return nil
}
