package imports

import (
	"fmt"
	"io"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// templateRows are example rows, one slice per row in field order. They
// refer to the demo partners Acme and Beta, so a user sees each format once.
var templateRows = map[Kind][][]string{
	Partners: {
		{"Acme Srl", "reseller", "SMB", "North", "IT", "Maria Rossi", "maria@acme.example", "Luca", "ACME10", "active", "2026-01-15", "it", "", "Via Roma 12\n20121 Milano MI\nItalia", "IT01234567890"},
		{"Beta BV", "msp", "Enterprise", "Benelux", "NL", "Jan de Vries", "jan@beta.example", "Luca", "", "active", "2026-03-01", "nl", "signed at the partner day", "Keizersgracht 100\n1015 CV Amsterdam\nNederland", "NL123456789B01"},
	},
	Reps: {
		{"Acme Srl", "Giulia Bianchi", "giulia@acme.example", "sales", "yes"},
		{"Beta BV", "Piet Jansen", "piet@beta.example", "presales", "yes"},
	},
	Products: {
		{"CLOUD-PRO", "Cloud Pro subscription", "cloud", "49.00", "yes"},
		{"APPL-1", "Appliance model 1", "hardware", "1200.00", "no"},
	},
	Sales: {
		{"2026-07-03", "Acme Srl", "Giulia Bianchi", "Rossi Costruzioni", "yes", "yes", "CLOUD-PRO", "10", "49.00", "490.00", "F-2026-0153", "1", "", "", "", "", ""},
		{"2026-07-03", "Acme Srl", "Giulia Bianchi", "Rossi Costruzioni", "yes", "no", "APPL-1", "2", "1150.00", "2300.00", "F-2026-0153", "2", "", "", "", "Acme Srl:60;Beta BV:40", ""},
		{"2026-07-20", "Acme Srl", "", "Rossi Costruzioni", "no", "no", "APPL-1", "-1", "1150.00", "-1150.00", "NC-2026-0009", "1", "", "", "F-2026-0153", "", ""},
	},
	Registrations: {
		{"Acme Srl", "Giulia Bianchi", "Verdi Logistica", "25000.00", "2026-06-10", "approved", "Luca", "2026-06-12", "90", "open"},
		{"Beta BV", "", "Van Dijk Transport", "8000.00", "2026-06-20", "pending", "", "", "", "open"},
	},
	Trainings: {
		{"Acme Srl", "Giulia Bianchi", "Cloud Pro Sales", "2026-05-18", "yes", "2027-05-18"},
		{"Beta BV", "Piet Jansen", "Appliance Technical", "2026-06-02", "no", ""},
	},
	Activities: {
		{"Acme Srl", "Giulia Bianchi", "demo", "2026-07-08", "Verdi Logistica"},
		{"Beta BV", "", "qbr", "2026-07-15", "Q2 review"},
	},
}

// Template returns kind's template: its field names as the header and a few
// example rows. A file with this header needs no mapping.
func Template(kind Kind) ([]string, [][]string) {
	fields := Fields(kind)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Name
	}
	rows := make([][]string, len(templateRows[kind]))
	for i, r := range templateRows[kind] {
		rows[i] = append([]string(nil), r...)
	}
	return header, rows
}

// WriteTemplate writes kind's template as "csv" or "xlsx". In XLSX the
// examples are typed cells: amounts as numbers, dates as dates.
func WriteTemplate(w io.Writer, kind Kind, format string) error {
	fields := Fields(kind)
	if fields == nil {
		return fmt.Errorf("template: %q is not an import kind", kind)
	}
	header, rows := Template(kind)
	cells := make([][]sheet.Cell, len(rows))
	for i, r := range rows {
		cells[i] = make([]sheet.Cell, len(r))
		for j, v := range r {
			cells[i][j] = typedCell(fields[j].Type, v)
		}
	}
	switch format {
	case "csv":
		return sheet.WriteCSV(w, header, cells, sheet.CSVOptions{})
	case "xlsx":
		return sheet.WriteXLSX(w, string(kind), header, cells)
	}
	return fmt.Errorf("template: %q is not a format: use csv or xlsx", format)
}

func typedCell(t FieldType, v string) sheet.Cell {
	switch t {
	case TypeAmount:
		if d, err := sheet.ParseAmount(v); err == nil {
			return sheet.NumberCell(d)
		}
	case TypeInt:
		if d, err := sheet.ParseAmount(v); err == nil && d.IsInteger() {
			return sheet.IntCell(d.IntPart())
		}
	case TypeDate:
		if d, err := engine.ParseDate(v); err == nil {
			return sheet.DateCell(d)
		}
	}
	return sheet.TextCell(v)
}
