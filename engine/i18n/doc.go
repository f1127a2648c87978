// Package i18n renders Partnerdesk's figures and explanations in the
// statement languages: numbers, money, percentages, points, dates, period
// titles, and the one-line explanation of a reward line.
//
// Screens and PDF statements both call it, so a partner reads the same words
// on paper as the account manager sees on screen. English templates live in
// engine.Messages; this package holds the other languages' templates, one
// file per language, and a test keeps every language complete.
//
// # Caveats
//
// Every function takes a language code and never fails: an unknown code
// renders English, an unknown message key renders the key and its arguments,
// and a missing argument leaves its {placeholder} in place. French groups
// digits with U+202F (narrow no-break space); the bundled DejaVuSans and
// Fyne's NotoSans both have the glyph.
package i18n
