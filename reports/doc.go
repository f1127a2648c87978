// Package reports turns a payee's period into a PDF statement and the same
// data into CSV and XLSX: first a small layout model (Statement) with every
// figure already rounded and every text already rendered, then drawing.
//
// # Caveats
//
// gofpdf never substitutes a font for a missing glyph, so every text is
// split into runs by script and each run is drawn in a font that has it:
// DejaVu Sans for Latin, Greek and Cyrillic, Droid Sans Fallback for Han,
// Kana and Hangul. Right-to-left scripts (Arabic, Hebrew) print their
// letters unshaped and in logical order; Thai, Devanagari and other scripts
// that neither font covers print as empty boxes, although the PDF's text
// layer still holds the right characters. Bold is regular DejaVu Sans drawn
// filled and stroked: every embedded face costs gofpdf a parse per document.
package reports
