package engine

import (
	"strings"
	"unicode"
)

// FoldName is the one way names that select things are compared: partner
// kinds, segments, regions, activity types, product categories, SKUs,
// course names and rep roles match regardless of case and accents
// ("Réseau" = "reseau", "QBR" = "qbr", "Straße" = "STRASSE"). It trims
// surrounding spaces, lowers case, drops combining marks and maps the
// accented Latin and Greek letters to their base letter. Two names match
// when their folds are equal; display keeps the name as written.
func FoldName(s string) string {
	s = strings.TrimSpace(s)
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if base, ok := foldBase[r]; ok {
			r = base
		}
		if w, ok := foldWide[r]; ok {
			b.WriteString(w)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SameName reports whether two names match under FoldName.
func SameName(a, b string) bool { return a == b || FoldName(a) == FoldName(b) }

// foldFrom and foldTo pair each accented lower-case letter with its base
// letter (Unicode canonical decomposition without its combining marks).
const (
	foldFrom = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęě" +
		"ĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżž" +
		"ơưǎǐǒǔǖǘǚǜǟǡǣǧǩǫǭǰǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩ" +
		"ȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅ" +
		"ṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕ" +
		"ẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủ" +
		"ứừửữựỳỵỷỹάέήίόύώΐϊϋΰ"
	foldTo = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeee" +
		"gggghiiiijklllnnnooorrrssssttuuuuuuwyzzz" +
		"ouaiouuuuuaaægkoojgnaæøaaeeiioorruusthae" +
		"ooooyabbbcdddddeeeeefghhhhhiikkkllllmmmn" +
		"nnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzz" +
		"htwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouu" +
		"uuuuuyyyyαεηιουωιιυυ"
)

var foldBase = func() map[rune]rune {
	from, to := []rune(foldFrom), []rune(foldTo)
	m := make(map[rune]rune, len(from))
	for i, r := range from {
		m[r] = to[i]
	}
	return m
}()

// foldWide maps letters with no decomposition to what a reader types for
// them on a plain keyboard.
var foldWide = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'ħ': "h", 'ı': "i", 'ŧ': "t", 'ς': "σ",
}

// foldAll returns the folds of names, for matching many against one list.
func foldAll[S ~string](names []S) map[string]bool {
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[FoldName(string(n))] = true
	}
	return m
}
