package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook builds a workbook in lang with build and saves it to path.
// The file is closed whatever happens, and a failed close is reported, as
// it also removes the stream writers' temporary files.
func writeWorkbook(path, lang string, build func(*excelize.File, translator) error) (err error) {
	tr, err := newTranslator(lang)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close workbook: %w", cerr)
		}
	}()
	if err := build(f, tr); err != nil {
		return err
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}

// addSheet makes the sheet named by message id: it renames the new file's
// default sheet when first, and adds a sheet otherwise.
func addSheet(f *excelize.File, st *styleSet, tr translator, id string, first bool) *sheetWriter {
	w := &sheetWriter{f: f, sheet: tr.msg(id), st: st, tr: tr}
	if first {
		name := f.GetSheetName(0)
		w.do(func() error { return f.SetSheetName(name, w.sheet) })
	} else {
		w.do(func() error { _, err := f.NewSheet(w.sheet); return err })
	}
	return w
}
