package gofpdf

import (
	"bytes"
	"math/rand"
	"slices"
	"sync"
	"testing"
	"time"

	"partnerdesk/icons/fonts"
)

// sample draws text in the fonts of a document: Latin, Greek, Cyrillic,
// and, with the CJK font, Japanese, Chinese and Korean.
func sample(pdf *Fpdf, cjk bool) {
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC))
	pdf.AddPage()
	pdf.SetFont("dejavu", "", 11)
	pdf.Text(20, 20, "Müller & Söhne GmbH — 1.234,56 € · Ελληνική Λύση · ООО «Жуков» ↵ □ …")
	pdf.SetFont("dejavu", "", 8)
	pdf.Text(20, 30, "Seite 1 von 2")
	if cjk {
		pdf.SetFont("cjk", "", 9)
		pdf.Text(20, 40, "株式会社田中システム 北京长城科技有限公司 한국소프트웨어 주식회사")
	}
}

func render(t *testing.T, add func(*Fpdf), cjk bool) []byte {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	add(pdf)
	sample(pdf, cjk)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A font parsed once gives every document the bytes that parsing it for
// that document gave: the same font definition, widths and subset.
func TestParsedFontWritesWhatBytesWrite(t *testing.T) {
	latin, err := ParseUTF8Font(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	cjk, err := ParseUTF8Font(fonts.CJK)
	if err != nil {
		t.Fatal(err)
	}
	for _, withCJK := range []bool{false, true} {
		want := render(t, func(p *Fpdf) {
			p.AddUTF8FontFromBytes("dejavu", "", bytes.Clone(fonts.Regular))
			if withCJK {
				p.AddUTF8FontFromBytes("cjk", "", bytes.Clone(fonts.CJK))
			}
		}, withCJK)
		for range 2 { // twice: the second document must not see the first's subset
			got := render(t, func(p *Fpdf) {
				p.AddUTF8FontParsed("dejavu", "", latin)
				if withCJK {
					p.AddUTF8FontParsed("cjk", "", cjk)
				}
			}, withCJK)
			if !bytes.Equal(got, want) {
				t.Fatalf("cjk %v: a parsed font writes %d bytes unlike the %d of the font's bytes", withCJK, len(got), len(want))
			}
		}
	}
}

// Documents written at once, on every core, share a parsed font and never
// change its bytes (run with -race).
func TestParsedFontSharedByConcurrentDocuments(t *testing.T) {
	orig := bytes.Clone(fonts.Regular)
	font, err := ParseUTF8Font(orig)
	if err != nil {
		t.Fatal(err)
	}
	keep := bytes.Clone(orig)
	var wg sync.WaitGroup
	out := make([][]byte, 4)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf := New("P", "mm", "A4", "")
			pdf.AddUTF8FontParsed("dejavu", "", font)
			sample(pdf, false)
			var b bytes.Buffer
			if err := pdf.Output(&b); err != nil {
				t.Error(err)
			}
			out[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i := range out {
		if !bytes.Equal(out[i], out[0]) {
			t.Errorf("document %d differs from document 0", i)
		}
	}
	if !bytes.Equal(orig, keep) {
		t.Error("writing documents changed the font's bytes")
	}
}

// putSlow is untypedKeyMap.put(nil, v) as upstream wrote it.
func (pa *untypedKeyMap) putSlow(value int) {
	var key interface{}
	for n := 0; ; n++ {
		if pa.getIndex(n) < 0 {
			key = n
			break
		}
	}
	pa.keySet = append(pa.keySet, key)
	pa.valueSet = append(pa.valueSet, value)
}

// put(nil, v) picks the key upstream's picked, whatever was deleted or
// popped before.
func TestUntypedKeyMapPutPicksUpstreamKey(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 300; round++ {
		a, b := &untypedKeyMap{}, &untypedKeyMap{}
		for op := 0; op < 400; op++ {
			switch k := r.Intn(10); {
			case k < 6:
				v := r.Intn(1000)
				a.put(nil, v)
				b.putSlow(v)
			case k == 6:
				a.put("interval", 1)
				b.put("interval", 1)
			case k == 7 && len(a.keySet) > 0:
				a.pop()
				b.pop()
			default:
				key := interface{}(r.Intn(len(a.keySet) + 1))
				if r.Intn(4) == 0 {
					key = "interval"
				}
				a.delete(key)
				b.delete(key)
			}
			if !slices.Equal(a.keySet, b.keySet) || !slices.Equal(a.valueSet, b.valueSet) {
				t.Fatalf("round %d op %d: keys %v, upstream %v", round, op, a.keySet, b.keySet)
			}
		}
	}
}

// Documents that use the same runes share one subset; other runes make
// another.
func TestSubsetsSharedByRunes(t *testing.T) {
	font, err := ParseUTF8Font(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	write := func(text string) []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCreationDate(time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC))
		pdf.AddUTF8FontParsed("dejavu", "", font)
		pdf.AddPage()
		pdf.SetFont("dejavu", "", 10)
		pdf.Text(20, 20, text)
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a := write("Abrechnung Juli")
	if b := write("Abrechnung Juli"); !bytes.Equal(a, b) {
		t.Error("the second document differs from the first")
	}
	if n := len(font.cut.subsets); n != 1 {
		t.Errorf("%d subsets after two documents of the same runes, want 1", n)
	}
	write("Ελληνική")
	if n := len(font.cut.subsets); n != 2 {
		t.Errorf("%d subsets after a third document of other runes, want 2", n)
	}
}
