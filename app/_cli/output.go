package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"partnerdesk/app"
	"partnerdesk/data/sheet"
)

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// table is what a list verb prints: as aligned columns on a terminal, or as
// CSV or JSON for scripts.
type table struct {
	header []string
	rows   [][]string
	// objects, when set, is what --format json prints instead of the rows.
	objects any
}

func (t *table) add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = fmt.Sprint(c)
	}
	t.rows = append(t.rows, row)
}

func (t *table) print(w io.Writer, format string) error {
	switch format {
	case "", "table":
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(t.header, "\t"))
		for _, r := range t.rows {
			clean := make([]string, len(r))
			for i, c := range r {
				clean[i] = strings.ReplaceAll(strings.ReplaceAll(c, "\t", " "), "\n", " ")
			}
			fmt.Fprintln(tw, strings.Join(clean, "\t"))
		}
		return tw.Flush()
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.header); err != nil {
			return err
		}
		for _, r := range t.rows {
			safe := make([]string, len(r))
			for i, c := range r {
				if plainNumber.MatchString(c) {
					safe[i] = c // a number, not text a spreadsheet would run
				} else {
					safe[i] = sheet.EscapeText(c)
				}
			}
			if err := cw.Write(safe); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if t.objects != nil {
			return enc.Encode(t.objects)
		}
		var out []map[string]string
		for _, r := range t.rows {
			m := map[string]string{}
			for i, h := range t.header {
				if i < len(r) {
					m[h] = r[i]
				}
			}
			out = append(out, m)
		}
		return enc.Encode(out)
	}
	return usagef("--format is table, csv or json, not %q", format)
}
