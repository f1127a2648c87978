package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
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
		cw.UseCRLF = true // as every CSV Partnerdesk writes (data/sheet.WriteCSV): RFC 4180, as Excel writes
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

// plural is "1 rule" or "3 rules".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// currency is the company's currency, in which the command line prints
// every amount that carries none of its own (sales, products, funds,
// claims, registrations, tier evidence): always through Currency.Format,
// so an amount has exactly the currency's minor units (3000 JPY, 3000.00
// EUR, 3000.000 KWD), never grouped, which scripts read back as a number.
func (c *cmd) currency() (engine.Currency, error) {
	co, err := c.svc.Company()
	return co.Currency, err
}

// moneyTotal adds amounts that each carry their currency (lines: a
// program's currency is the company's, so there is one in practice) and
// prints the sum of each currency with its minor units: "360" for JPY;
// several currencies, which are never added together, read
// "60 JPY + 12.50 EUR".
type moneyTotal struct {
	curs []engine.Currency
	sums []decimal.Decimal
}

func (m *moneyTotal) add(cur engine.Currency, d decimal.Decimal) {
	for i, c := range m.curs {
		if c == cur {
			m.sums[i] = m.sums[i].Add(d)
			return
		}
	}
	m.curs, m.sums = append(m.curs, cur), append(m.sums, d)
}

func (m moneyTotal) String() string {
	switch len(m.curs) {
	case 0:
		return "0"
	case 1:
		return m.curs[0].Format(m.sums[0])
	}
	parts := make([]string, len(m.curs))
	for i, c := range m.curs {
		parts[i] = c.Format(m.sums[i]) + " " + c.Code
	}
	return strings.Join(parts, " + ")
}
