package gofpdf

// Partnerdesk patch (see PATCHES.md): a TrueType font parsed once and
// shared, read-only, by every document that embeds it. Upstream parses the
// whole font twice per document (once when it is added, once more to
// subset it when the document is written), which was most of the cost of a
// one-page statement.

import (
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
)

// UTF8Font is a TrueType font parsed once, for any number of documents,
// concurrently. Its bytes must not change after ParseUTF8Font.
type UTF8Font struct {
	data   []byte
	parsed *utf8FontFile // metrics and widths, as addFontFromBytes parses them
	cut    *cutTables    // what GenerateCutFont reads from the whole font

	mu  sync.Mutex
	ids map[string]string // font key -> generateFontID's answer
}

// cutTables are the parts of a font that GenerateCutFont used to parse
// again for every document; they depend on the font's bytes only.
type cutTables struct {
	tableDescriptions    map[string]*tableDescription
	charSymbolDictionary map[int]int
	symbolPosition       []int

	mu      sync.Mutex
	subsets map[string]*fontSubset // by subsetKey
}

// fontSubset is what a document writes for a font beside the font's
// metrics: the subset of the runes it uses, zlib-compressed, with its
// length before compression, its /W widths array and its compressed
// CIDToGIDMap. It depends on the font and the set of runes only, so
// documents that use the same runes (a batch of statements in one
// language) share one, read only.
type fontSubset struct {
	stream   []byte
	size     int
	widths   string
	cidToGID []byte
}

// maxSubsets bounds the subsets kept per font (some 30 KB each).
const maxSubsets = 256

// ParseUTF8Font parses a TrueType font for AddUTF8FontParsed.
func ParseUTF8Font(b []byte) (*UTF8Font, error) {
	p := newUTF8Font(&fileReader{array: b})
	if err := p.parseFile(); err != nil {
		return nil, err
	}
	// The tables GenerateCutFont reads, parsed here once, as it parses
	// them (generateCMAP, parseLOCATable).
	c := newUTF8Font(&fileReader{array: b})
	c.skip(4)
	c.generateTableDescriptions()
	c.SeekTable("head")
	c.skip(50)
	locaFormat := c.readUint16()
	c.SeekTable("maxp")
	c.skip(4)
	numSymbols := c.readUint16()
	if c.generateCMAP() == nil {
		return nil, fmt.Errorf("font has no Unicode cmap")
	}
	c.parseLOCATable(locaFormat, numSymbols)
	return &UTF8Font{data: b, parsed: p, ids: map[string]string{},
		cut: &cutTables{tableDescriptions: c.tableDescriptions, charSymbolDictionary: c.charSymbolDictionary,
			symbolPosition: c.symbolPosition, subsets: map[string]*fontSubset{}}}, nil
}

// AddUTF8FontParsed is AddUTF8FontFromBytes for a font parsed once: the
// document gets the same font definition, and writes the same subset, as
// if it had been given the font's bytes.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	f.addUTF8Font(fontFamilyEscape(familyStr), styleStr, font)
}

// fontID is generateFontID(def), computed once per font key: it
// marshals the 65,536-entry width table to JSON and hashes it.
func (font *UTF8Font) fontID(def fontDefType) string {
	font.mu.Lock()
	defer font.mu.Unlock()
	id, ok := font.ids[def.Name]
	if !ok {
		id, _ = generateFontID(def)
		font.ids[def.Name] = id
	}
	return id
}

// forDocument is a fresh utf8FontFile over the shared font: its own
// reader position and subsetting state, the parsed tables shared.
func (font *UTF8Font) forDocument() *utf8FontFile {
	p := *font.parsed
	p.fileReader = &fileReader{array: font.data}
	p.shared = font.cut
	p.symbolData, p.CodeSymbolDictionary, p.outTablesData = nil, nil, nil
	return &p
}

// addUTF8Font is the UTF-8 branch of addFontFromBytes over a parsed font.
func (f *Fpdf) addUTF8Font(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	fontkey := getFontKey(familyStr, styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	utf8File := font.forDocument()
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      desc,
		Up:        int(round(utf8File.UnderlinePosition)),
		Ut:        round(utf8File.UnderlineThickness),
		Cw:        utf8File.CharWidths, // shared: read only
		utf8File:  utf8File,
		usedRunes: sbarr,
	}
	def.i = font.fontID(def)
	f.fonts[fontkey] = def
}

// utf8Subset is the subset of font that a document using usedRunes
// writes: built as upstream's putfonts built it, or taken from the font's
// subsets when another document used the same runes. An encrypted
// document encrypts its streams in place, so it always builds its own.
func (f *Fpdf) utf8Subset(font *fontDefType, usedRunes map[int]int) *fontSubset {
	shared := font.utf8File.shared
	if shared == nil || f.protect.encrypted {
		return buildSubset(font, usedRunes)
	}
	key := subsetKey(usedRunes)
	shared.mu.Lock()
	sub := shared.subsets[key]
	shared.mu.Unlock()
	if sub != nil {
		return sub
	}
	sub = buildSubset(font, usedRunes)
	shared.mu.Lock()
	if len(shared.subsets) >= maxSubsets {
		clear(shared.subsets)
	}
	shared.subsets[key] = sub
	shared.mu.Unlock()
	return sub
}

// buildSubset is upstream putfonts' subsetting of a UTF-8 font.
func buildSubset(font *fontDefType, usedRunes map[int]int) *fontSubset {
	stream := font.utf8File.GenerateCutFont(usedRunes)
	sub := &fontSubset{size: len(stream), stream: sliceCompress(stream)}
	code := font.utf8File.CodeSymbolDictionary
	delete(code, 0)
	sub.widths = cidFontWidths(font, font.utf8File.LastRune)
	cidToGidMap := make([]byte, 256*256*2)
	for cc, glyph := range code {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	sub.cidToGID = sliceCompress(cidToGidMap)
	return sub
}

// subsetKey names a set of used runes: every key and value of the map,
// in key order (the values matter too: the first 57 keys are there with
// value 0 until their rune is used, and GenerateCutFont reads values).
func subsetKey(usedRunes map[int]int) string {
	keys := make([]int, 0, len(usedRunes))
	for k := range usedRunes {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	b := make([]byte, 0, 4*len(keys))
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k))
		b = binary.AppendUvarint(b, uint64(usedRunes[k]))
	}
	return string(b)
}
