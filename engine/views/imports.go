package views

// ColumnMap maps an import field key to the file's column header; a field
// missing from the map is not imported.
type ColumnMap map[string]string

// ImportField is one field an import kind can fill.
type ImportField struct {
	Key      string // e.g. "partner"
	Label    string // e.g. "Partner (name, id or referral code)"
	Required bool
}

// ImportPreview is a file about to be imported: its header, its first
// rows and the column proposed for each field.
type ImportPreview struct {
	Kind    string
	Columns []string   // the file's header cells, in file order
	Sample  [][]string // up to the first 5 data rows
	Fields  []ImportField
	Mapping ColumnMap // the guess, or the remembered mapping
	// Remembered is true when Mapping is the one saved for the kind.
	Remembered bool
}

// RowError is one problem of one row of an imported file.
type RowError struct {
	Line   int    // line (row) number in the file, the header being line 1
	Column string // the file's column header; empty for the whole row
	Reason string // a sentence the user can act on
}

// ImportSummary is what a dry run or an import of a file found.
type ImportSummary struct {
	Rows   int // data rows read (dry run) or written (import)
	Errors []RowError
}
