// Package i18n renders Partnerdesk's figures and explanations in the
// statement languages: numbers, money, percentages, points, dates, period
// titles, and the one-line explanation of a reward line.
//
// Screens and PDF statements both call it, so a partner reads the same words
// on paper as the account manager sees on screen. It is Partnerdesk's one
// catalogue, in three parts that share the seven languages:
//
//   - the explanations' templates: English in engine.Messages, the other
//     languages in messages_<lang>.go;
//   - the words of statements and self-billing invoices (StatementLabels,
//     read by reports.Label);
//   - the window's words (window_<area>.go, read by Text and ui.T), keyed by
//     their English wording.
//
// Tests keep every language of every part complete.
//
// # Caveats
//
// Every function takes a language code and never fails: an unknown code
// renders English, an unknown message key renders the key and its arguments,
// and a missing argument leaves its {placeholder} in place. French groups
// digits with U+202F (narrow no-break space); the bundled DejaVuSans and
// Fyne's NotoSans both have the glyph.
package i18n
