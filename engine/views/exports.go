package views

import "partnerdesk/engine"

// ExportPreview is what an export of a kind for a period holds, before it
// is saved: how many rows, the columns and the first rows as the CSV
// writes them.
type ExportPreview struct {
	Kind   string
	Period engine.Period // the period as the company's fiscal year reads it
	Header []string
	Rows   [][]string // the first rows, each cell as written in the CSV
	Count  int        // all rows the file will hold
	// CSVStyle is the company's CSV style (engine.CSVComma or
	// engine.CSVSemicolon) a CSV is written in.
	CSVStyle string
}
