package app

import (
	"strings"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ExportToFile writes the table of kind for period to path as csv or xlsx
// (format; empty: the path's extension), atomically and with mode 0600,
// and returns how many rows it holds. The export verb and the window's
// Exports screen both save through it, so both write the same bytes.
func (s *Service) ExportToFile(kind, period, format, path string, progress func(done, total int)) (int, error) {
	sh, err := s.ExportSheet(kind, period)
	if err != nil {
		return 0, err
	}
	if err := WriteSheet(sh, path, format, progress); err != nil {
		return 0, err
	}
	return len(sh.Rows), nil
}

// ExportPreview tells what the export of kind for period would hold: its
// row count, columns and first n rows, written as the company's CSV style
// writes them.
func (s *Service) ExportPreview(kind, period string, n int) (views.ExportPreview, error) {
	sh, err := s.ExportSheet(kind, period)
	if err != nil {
		return views.ExportPreview{}, err
	}
	p, err := s.Period(period)
	if err != nil {
		return views.ExportPreview{}, usagef("%v", err)
	}
	pv := views.ExportPreview{Kind: kind, Period: p, Header: sh.Header, Count: len(sh.Rows), CSVStyle: sh.CSVStyle}
	if pv.CSVStyle == "" {
		pv.CSVStyle = engine.CSVComma
	}
	for _, r := range sh.Rows[:min(n, len(sh.Rows))] {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = previewText(c, pv.CSVStyle == engine.CSVSemicolon)
		}
		pv.Rows = append(pv.Rows, row)
	}
	return pv, nil
}

// previewText is a cell as the CSV holds it (the text before any
// injection quote: the preview is read, not opened by a spreadsheet).
func previewText(c sheet.Cell, decimalComma bool) string {
	var s string
	switch c.Kind {
	case sheet.Money:
		s = c.Dec.StringFixed(c.Places)
	case sheet.Number:
		s = c.Dec.String()
	case sheet.Int:
		s = c.Dec.Truncate(0).String()
	case sheet.Date:
		if c.Date == 0 {
			return ""
		}
		return c.Date.String()
	default:
		return c.Text
	}
	if decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// ExportKinds are the tables ExportSheet builds, in the order to offer
// them (the window lists them).
func (s *Service) ExportKinds() []string { return append([]string(nil), ExportKinds...) }
