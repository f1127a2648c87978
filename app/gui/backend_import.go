package gui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"partnerdesk/app"
	"partnerdesk/data/atomicfile"
	"partnerdesk/data/imports"
	"partnerdesk/ui"
)

// sampleRows is how many data rows the import screen previews.
const sampleRows = 5

// ImportKinds implements ui.ImportBackend.
func (b *Backend) ImportKinds() []string {
	out := make([]string, len(imports.Kinds))
	for i, k := range imports.Kinds {
		out[i] = string(k)
	}
	return out
}

// GuessMapping implements ui.ImportBackend.
func (b *Backend) GuessMapping(kind, path string) (ui.ImportPreview, error) {
	k, err := imports.ParseKind(kind)
	if err != nil {
		return ui.ImportPreview{}, err
	}
	t, err := app.ReadTable(path, nil)
	if err != nil {
		return ui.ImportPreview{}, err
	}
	m, remembered, err := b.Service.ResolveMapping(k, "", t.Header)
	if err != nil {
		return ui.ImportPreview{}, fmt.Errorf("mapping for %s: %w", k, err)
	}
	p := ui.ImportPreview{Kind: string(k), Columns: t.Header, Mapping: ui.Mapping{}, Remembered: remembered}
	for i := 0; i < len(t.Rows) && i < sampleRows; i++ {
		row := make([]string, len(t.Header))
		for j := range row {
			row[j] = t.Rows[i].Cell(j)
		}
		p.Sample = append(p.Sample, row)
	}
	for _, f := range imports.Fields(k) {
		p.Fields = append(p.Fields, ui.ImportField{Key: f.Name, Label: fieldLabel(f), Required: f.Required})
	}
	for field, header := range m.Columns {
		if header != "" {
			p.Mapping[field] = header
		}
	}
	return p, nil
}

// fieldLabel is how the screen names a field: "Partner (the partner's
// name, id (P12) or referral code)".
func fieldLabel(f imports.Field) string {
	name := strings.ReplaceAll(f.Name, "_", " ")
	if r, n := utf8.DecodeRuneInString(name); n > 0 {
		name = string(unicode.ToUpper(r)) + name[n:]
	}
	if f.Help == "" {
		return name
	}
	return name + " (" + f.Help + ")"
}

// SaveMapping implements ui.ImportBackend.
func (b *Backend) SaveMapping(kind string, m ui.Mapping) error {
	im, err := b.mapping(kind, m)
	if err != nil {
		return err
	}
	return b.Service.SaveMapping(im)
}

// mapping turns the screen's field -> header map into the kind's mapping,
// keeping the number and date notation the remembered one overrides.
func (b *Backend) mapping(kind string, m ui.Mapping) (imports.Mapping, error) {
	k, err := imports.ParseKind(kind)
	if err != nil {
		return imports.Mapping{}, err
	}
	im := imports.Mapping{Name: app.DefaultMapping, Kind: k, Columns: map[string]string{}}
	for field, header := range m {
		if header != "" {
			im.Columns[field] = header
		}
	}
	if saved, ok, err := b.Service.ResolveMapping(k, app.DefaultMapping, nil); err == nil && ok {
		im.DecimalComma, im.MonthFirst = saved.DecimalComma, saved.MonthFirst
	}
	return im, nil
}

// DryRun implements ui.ImportBackend. Bad rows come back in the report,
// not as an error: the screen lists them.
func (b *Backend) DryRun(kind, path string, m ui.Mapping) (ui.ImportReport, error) {
	im, err := b.mapping(kind, m)
	if err != nil {
		return ui.ImportReport{}, err
	}
	rep, err := b.Service.Import(im.Kind, path, &im, true, nil)
	out := importReport(rep, rep.Rows)
	if err != nil && !errors.Is(err, app.ErrImportRejected) {
		return out, err
	}
	return out, nil
}

// Import implements ui.ImportBackend. A rejected file returns the report
// with its errors and app.ErrImportRejected.
func (b *Backend) Import(kind, path string, m ui.Mapping, progress func(done, total int)) (ui.ImportReport, error) {
	im, err := b.mapping(kind, m)
	if err != nil {
		return ui.ImportReport{}, err
	}
	rep, err := b.Service.Import(im.Kind, path, &im, false, app.Progress(progress))
	if err != nil {
		return importReport(rep, rep.Rows), err
	}
	return importReport(rep, rep.Written), nil
}

func importReport(rep app.ImportReport, rows int) ui.ImportReport {
	out := ui.ImportReport{Rows: rows}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, ui.RowError{Line: e.Line, Column: e.Column, Reason: e.Reason})
	}
	return out
}

// SaveTemplate implements ui.ImportBackend: the extension picks CSV or
// XLSX, and the file is written through a temporary one so that a failure
// leaves nothing half-written.
func (b *Backend) SaveTemplate(kind, path string) error {
	k, err := imports.ParseKind(kind)
	if err != nil {
		return err
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if format != "csv" && format != "xlsx" {
		return fmt.Errorf("a template is a .csv or .xlsx file, not %q", filepath.Base(path))
	}
	err = atomicfile.Write(path, 0o600, func(w io.Writer) error { return imports.WriteTemplate(w, k, format) })
	if err != nil {
		return fmt.Errorf("save template: %w", err)
	}
	return nil
}
