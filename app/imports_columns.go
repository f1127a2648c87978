package app

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"partnerdesk/data/atomicfile"
	"partnerdesk/data/imports"
	"partnerdesk/engine/views"
)

// This file drives an import by column names, as the import screen does:
// preview a file with a proposed mapping, remember a mapping, check a file,
// import it, write a template. Kinds and mappings travel as plain text and
// maps, so the screen needs nothing from the data packages.

// sampleRows is how many data rows a preview shows.
const sampleRows = 5

// ImportKinds lists the kinds of file the app imports ("partners",
// "sales", ...) in the order they are best imported.
func (s *Service) ImportKinds() []string {
	out := make([]string, len(imports.Kinds))
	for i, k := range imports.Kinds {
		out[i] = string(k)
	}
	return out
}

// ImportPreview reads the file's header and first rows and proposes a
// column for each field of kind (the remembered mapping when it fits).
func (s *Service) ImportPreview(kind, path string) (views.ImportPreview, error) {
	k, err := imports.ParseKind(kind)
	if err != nil {
		return views.ImportPreview{}, err
	}
	t, err := ReadTable(path, nil)
	if err != nil {
		return views.ImportPreview{}, err
	}
	m, remembered, err := s.ResolveMapping(k, "", t.Header)
	if err != nil {
		return views.ImportPreview{}, fmt.Errorf("mapping for %s: %w", k, err)
	}
	p := views.ImportPreview{Kind: string(k), Columns: t.Header, Mapping: views.ColumnMap{}, Remembered: remembered}
	for i := 0; i < len(t.Rows) && i < sampleRows; i++ {
		row := make([]string, len(t.Header))
		for j := range row {
			row[j] = t.Rows[i].Cell(j)
		}
		p.Sample = append(p.Sample, row)
	}
	for _, f := range imports.Fields(k) {
		p.Fields = append(p.Fields, views.ImportField{Key: f.Name, Label: fieldLabel(f), Required: f.Required})
	}
	for field, header := range m.Columns {
		if header != "" {
			p.Mapping[field] = header
		}
	}
	return p, nil
}

// fieldLabel is how a field is named to the user: "Partner (the partner's
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

// SaveColumns remembers columns as kind's default mapping.
func (s *Service) SaveColumns(kind string, columns views.ColumnMap) error {
	im, err := s.columnMapping(kind, columns)
	if err != nil {
		return err
	}
	return s.SaveMapping(im)
}

// columnMapping turns a field -> header map into kind's mapping, keeping
// the number and date notation of the remembered one.
func (s *Service) columnMapping(kind string, columns views.ColumnMap) (imports.Mapping, error) {
	k, err := imports.ParseKind(kind)
	if err != nil {
		return imports.Mapping{}, err
	}
	im := imports.Mapping{Name: DefaultMapping, Kind: k, Columns: map[string]string{}}
	for field, header := range columns {
		if header != "" {
			im.Columns[field] = header
		}
	}
	if saved, ok, err := s.ResolveMapping(k, DefaultMapping, nil); err == nil && ok {
		im.DecimalComma, im.MonthFirst = saved.DecimalComma, saved.MonthFirst
	}
	return im, nil
}

// CheckFile reads every row of the file as an import would, writing
// nothing. Bad rows come back in the summary, not as an error.
func (s *Service) CheckFile(kind, path string, columns views.ColumnMap) (views.ImportSummary, error) {
	im, err := s.columnMapping(kind, columns)
	if err != nil {
		return views.ImportSummary{}, err
	}
	rep, err := s.Import(im.Kind, path, &im, true, nil)
	out := importSummary(rep, rep.Rows)
	if err != nil && !errors.Is(err, ErrImportRejected) {
		return out, err
	}
	return out, nil
}

// ImportFile writes the file in one transaction, calling progress as rows
// are read and written. A file with a bad row writes nothing: it returns
// the summary with every bad row and ErrImportRejected.
func (s *Service) ImportFile(kind, path string, columns views.ColumnMap, progress func(done, total int)) (views.ImportSummary, error) {
	im, err := s.columnMapping(kind, columns)
	if err != nil {
		return views.ImportSummary{}, err
	}
	rep, err := s.Import(im.Kind, path, &im, false, progress)
	if err != nil {
		return importSummary(rep, rep.Rows), err
	}
	return importSummary(rep, rep.Written), nil
}

func importSummary(rep ImportReport, rows int) views.ImportSummary {
	out := views.ImportSummary{Rows: rows}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, views.RowError{Line: e.Line, Column: e.Column, Reason: e.Reason})
	}
	return out
}

// SaveTemplate writes an empty file of kind (headers and example rows) to
// path; the extension (.csv or .xlsx) picks the format. The file is
// written through a temporary one, so a failure leaves nothing
// half-written.
func (s *Service) SaveTemplate(kind, path string) error {
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
