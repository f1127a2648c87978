package imports

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Mapping says which column of a file holds each field. Columns are named
// by their header text rather than their position, so a mapping saved for
// an ERP's export still fits when the ERP adds or moves a column.
type Mapping struct {
	Name    string            `json:"name"`
	Kind    Kind              `json:"kind"`
	Columns map[string]string `json:"columns"` // field name -> header text
	// DecimalComma and MonthFirst override what Convert detects from the
	// file; nil means detect.
	DecimalComma *bool `json:"decimal_comma,omitempty"`
	MonthFirst   *bool `json:"month_first,omitempty"`
}

// Marshal encodes the mapping for the store, which keeps it per kind and name.
func (m Mapping) Marshal() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode mapping %q: %w", m.Name, err)
	}
	return b, nil
}

// ParseMapping decodes a mapping saved by Marshal and checks that it names
// fields its kind has.
func ParseMapping(b []byte) (Mapping, error) {
	var m Mapping
	if err := json.Unmarshal(b, &m); err != nil {
		return Mapping{}, fmt.Errorf("decode mapping: %w", err)
	}
	if Fields(m.Kind) == nil {
		return Mapping{}, fmt.Errorf("decode mapping %q: %q is not an import kind", m.Name, m.Kind)
	}
	for f := range m.Columns {
		if _, ok := fieldOf(m.Kind, f); !ok {
			return Mapping{}, fmt.Errorf("decode mapping %q: %s imports have no field %q", m.Name, m.Kind, f)
		}
	}
	return m, nil
}

// FoldHeader reduces a header to lower-case letters and digits without
// accents, so "N° Fattura", "n. fattura" and "N.FATTURA" compare equal.
func FoldHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if a, ok := unaccent[r]; ok {
			b.WriteString(a)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unaccent folds the accented letters of the languages Partnerdesk speaks.
var unaccent = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u",
	'ç': "c", 'ñ': "n", 'ß': "ss", 'œ': "oe", 'æ': "ae", 'ÿ': "y",
	'°': "", 'º': "",
}

// GuessMapping maps a file's header to kind's fields: a header equal to a
// field's name first, then one equal to an alias in any language. Each
// column is used once. A file written from the template maps completely.
func GuessMapping(kind Kind, header []string) Mapping {
	m := Mapping{Name: "guess", Kind: kind, Columns: map[string]string{}}
	used := make([]bool, len(header))
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = FoldHeader(h)
	}
	fields := Fields(kind)
	pick := func(f Field, names []string) bool {
		for _, n := range names {
			fn := FoldHeader(n)
			for i, h := range folded {
				if !used[i] && h != "" && h == fn {
					used[i] = true
					m.Columns[f.Name] = header[i]
					return true
				}
			}
		}
		return false
	}
	// Exact field names win over aliases, so a template header never
	// loses a column to another field's alias.
	for _, f := range fields {
		pick(f, []string{f.Name})
	}
	for _, f := range fields {
		if _, ok := m.Columns[f.Name]; !ok {
			pick(f, f.Aliases)
		}
	}
	return m
}

// columnsFor resolves the mapping against a header: field -> column index.
// It reports mapped headers the file lacks and required fields left
// unmapped, each as a problem on the header line.
func (m Mapping) columnsFor(kind Kind, header []string, headerLine int) (map[string]int, []RowError) {
	cols := map[string]int{}
	var errs []RowError
	folded := make(map[string]int, len(header))
	for i := len(header) - 1; i >= 0; i-- {
		folded[FoldHeader(header[i])] = i
	}
	names := make([]string, 0, len(m.Columns))
	for f := range m.Columns {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		h := m.Columns[f]
		if h == "" {
			continue
		}
		if _, ok := fieldOf(kind, f); !ok {
			errs = append(errs, RowError{Line: headerLine, Column: h, Reason: fmt.Sprintf("the mapping names a field %q that %s imports do not have", f, kind)})
			continue
		}
		i, ok := folded[FoldHeader(h)]
		if !ok {
			errs = append(errs, RowError{Line: headerLine, Column: h, Reason: fmt.Sprintf("the mapping %q expects a column %q for %s, and the file has none", m.Name, h, f)})
			continue
		}
		cols[f] = i
	}
	for _, f := range Fields(kind) {
		if _, ok := cols[f.Name]; !ok && f.Required && !optionalGiven(kind, f.Name, cols) {
			errs = append(errs, RowError{Line: headerLine, Column: f.Name, Reason: fmt.Sprintf("no column holds the required field %q (%s)", f.Name, f.Help)})
		}
	}
	return cols, errs
}

// optionalGiven lets a required field be replaced by another: a sale's
// partner can come from its referral code.
func optionalGiven(kind Kind, field string, cols map[string]int) bool {
	if kind == Sales && field == fPartner {
		_, ok := cols["referral_code"]
		return ok
	}
	return false
}
