// Package sheet reads and writes the tabular files Partnerdesk exchanges with
// spreadsheets and ERPs: CSV in the dialects European Excel writes, and XLSX.
//
// Reading gives a Table of text cells with the line a user sees in a text
// editor (or the row number in a spreadsheet), so that every import error can
// name it. ParseAmount and ParseDate turn those cells into decimals and days
// without ever passing through float64. Writing escapes text that a
// spreadsheet would run as a formula and writes money as exact numbers.
//
// # Caveats
//
//   - Files are read whole into memory, up to MaxFileSize. Read keeps every
//     cell as well; Stream keeps a CSV file's text only and parses its rows
//     each time Table.Each is called (an XLSX workbook's rows are kept).
//   - CSV quoting is strict (no lazy quotes), a carriage return that no line
//     feed follows ends a line, and a two-digit year is refused.
//   - An amount may carry a currency only through ParseMoneyIn, and only
//     the one it is told is at home.
//   - Only the first sheet of a workbook is read.
//   - Numbers stored in XLSX with more than 15 significant digits (binary
//     float artefacts such as 1234.5599999999999) are cut to 15 significant
//     digits, as Excel shows them.
package sheet
