package cli

import (
	"context"
	"fmt"

	"slakpi/pipeline/export"
	"slakpi/pipeline/kpi"
	"slakpi/pipeline/store"
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
	var res []export.Result
	err := a.computed(ctx, true, func(s *store.Store, _ *kpi.Engine) (err error) {
		res, err = export.Parquet(ctx, s.DB, *out)
		return err
	})
	if err != nil {
		return err
	}
	for _, r := range res {
		fmt.Fprintf(a.stdout, "%s\t%d rows\n", r.Dir, r.Rows)
	}
	return nil
}
