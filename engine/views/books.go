package views

import "partnerdesk/engine"

// BooksInput is the company's bookkeeping settings as typed in Settings >
// Books: the journal's chart of accounts, the CSV style of files and what a
// point is worth in the journal (empty or 0: points carry no money).
type BooksInput struct {
	Accounts   engine.ChartOfAccounts
	CSVStyle   string // engine.CSVComma or engine.CSVSemicolon
	PointValue string
}
