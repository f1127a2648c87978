// Package engine is Partnerdesk's domain: the things a channel program keeps,
// periods, money and rounding, the nine rule kinds, tiers and the one-line
// explanations a partner can check.
//
// It imports the standard library and decimal only. It does no I/O and never
// reads the clock: dates come in as arguments, so the same inputs always give
// the same reward lines.
package engine
