package cli

import (
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
		// Through the app's one CSV writer (CRLF, text escaped against
		// formula injection and quoted when it holds a comma or a
		// semicolon). Listings on standard output are read by scripts:
		// always comma and decimal point, whatever the company's style for
		// files, and no byte-order mark.
		rows := make([][]sheet.Cell, len(t.rows))
		for i, r := range t.rows {
			rows[i] = make([]sheet.Cell, len(r))
			for j, c := range r {
				rows[i][j] = listingCell(c)
			}
		}
		return sheet.WriteCSV(w, t.header, rows, sheet.CSVOptions{Style: engine.CSVComma, NoBOM: true})
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

// listingCell is a listing's cell: a plain number stays a number with the
// decimals it was printed with (a spreadsheet reads it as one), anything
// else is text.
func listingCell(c string) sheet.Cell {
	if plainNumber.MatchString(c) {
		places := 0
		if _, frac, ok := strings.Cut(c, "."); ok {
			places = len(frac)
		}
		return sheet.MoneyCell(decimal.RequireFromString(c), int32(places))
	}
	return sheet.TextCell(c)
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
