package data

import (
	"math/rand/v2"
	"slices"
	"testing"

	"partnerdesk/engine"
)

// TestIDGroupAppendsWithoutDecoding: a stored id set with ids appended
// past its end (the runs extended in place), or added between and removed
// (decoded), encodes to exactly the set a plain sorted list gives.
func TestIDGroupAppendsWithoutDecoding(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 2000; round++ {
		var stored []engine.ID
		id := engine.ID(0)
		for range r.IntN(40) {
			if r.IntN(2) == 0 {
				id++
			} else {
				id += engine.ID(2 + r.IntN(50))
			}
			stored = append(stored, id)
		}
		enc := appendIDSet(nil, stored)
		tail, err := scanIDSetTail(enc)
		if err != nil {
			t.Fatal(err)
		}
		g := &idGroup{bucket: bSaleDays, enc: enc, tail: tail}
		want := slices.Clone(stored)
		for range r.IntN(30) {
			switch k := r.IntN(10); {
			case k < 6: // a new sale: past everything
				id += engine.ID(1 + r.IntN(3))
				g.add(id)
				want = addID(want, id)
			case k < 8 && id > 0: // an edit moving a sale here
				x := engine.ID(1 + r.IntN(int(id)))
				g.add(x)
				want = addID(want, x)
			case len(want) > 0:
				x := want[r.IntN(len(want))]
				g.remove(x)
				want = removeID(want, x)
			}
		}
		got, err := decodeIDSet(nil, g.encode())
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !slices.Equal(got, want) || g.empty() != (len(want) == 0) {
			t.Fatalf("round %d (decoded %v):\n got  %v\n want %v", round, g.decoded, got, want)
		}
		if !g.decoded && len(want) > 0 && string(g.encode()) != string(appendIDSet(nil, want)) {
			t.Fatalf("round %d: appended runs %x, canonical %x", round, g.encode(), appendIDSet(nil, want))
		}
	}
}

// TestInvoiceGroupMergesAddedEntries: entries added beside a stored group
// are found by a look-up before any write and merged in order when the
// group is written; a removal decodes the group and still finds them.
func TestInvoiceGroupMergesAddedEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for round := 0; round < 1000; round++ {
		var want []invoiceEntry
		for range r.IntN(120) { // several marks (one per 16 entries)
			want = append(want, invoiceEntry{fp: uint32(r.IntN(20)), line: r.IntN(4), id: engine.ID(1 + r.IntN(1000))})
		}
		slices.SortFunc(want, cmpInvoiceEntry)
		want = slices.Compact(want)
		g := &invoiceGroup{enc: appendInvoiceGroup(nil, want)}
		if r.IntN(2) == 0 {
			// A look-up before the changes reads the stored fps once; the
			// changes after it must still be seen.
			if _, err := g.candidates(uint32(r.IntN(20)), -1); err != nil {
				t.Fatal(err)
			}
		}
		for range r.IntN(20) {
			e := invoiceEntry{fp: uint32(r.IntN(20)), line: r.IntN(4), id: engine.ID(1000 + r.IntN(1000))}
			if r.IntN(6) == 0 && len(want) > 0 {
				e = want[r.IntN(len(want))]
				g.remove(e)
				i, _ := slices.BinarySearchFunc(want, e, cmpInvoiceEntry)
				want = slices.Delete(want, i, i+1)
				continue
			}
			g.insert(e)
			if i, found := slices.BinarySearchFunc(want, e, cmpInvoiceEntry); !found {
				want = slices.Insert(want, i, e)
			}
		}
		for fp := uint32(0); fp < 20; fp++ {
			for line := -1; line < 4; line++ {
				got, err := g.candidates(fp, line)
				if err != nil {
					t.Fatal(err)
				}
				var exp []invoiceEntry
				for _, e := range want {
					if e.fp == fp && (line < 0 || e.line == line) {
						exp = append(exp, e)
					}
				}
				if !slices.Equal(got, exp) {
					t.Fatalf("round %d fp %d line %d: %v, want %v", round, fp, line, got, exp)
				}
			}
		}
		v, err := g.encode()
		if err != nil {
			t.Fatal(err)
		}
		if string(v) != string(appendInvoiceGroup(nil, want)) {
			t.Fatalf("round %d (decoded %v): merged group differs from the sorted one", round, g.decoded)
		}
	}
}

// TestSearchFPAgreesWithBinarySearch: the interpolating search returns
// what a binary search does, for even and for skewed fps (repeats, both
// ends of the range, a group of one).
func TestSearchFPAgreesWithBinarySearch(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 2000; round++ {
		n := r.IntN(300)
		fps := make([]uint32, n)
		for i := range fps {
			switch round % 3 {
			case 0: // hash values
				fps[i] = r.Uint32()
			case 1: // crowded at the low end, with repeats
				fps[i] = uint32(r.IntN(40))
			default: // the extremes
				fps[i] = []uint32{0, 1, 1 << 31, 1<<32 - 2, 1<<32 - 1}[r.IntN(5)]
			}
		}
		slices.Sort(fps)
		probes := []uint32{0, 1, 1 << 31, 1<<32 - 1, r.Uint32(), uint32(r.IntN(40))}
		if n > 0 {
			probes = append(probes, fps[r.IntN(n)], fps[n-1]+1, fps[0]-1)
		}
		for _, fp := range probes {
			wi, wf := slices.BinarySearch(fps, fp)
			if gi, gf := searchFP(fps, fp); gi != wi || gf != wf {
				t.Fatalf("round %d: searchFP(%v, %d) = %d, %v; want %d, %v", round, fps, fp, gi, gf, wi, wf)
			}
		}
	}
}

// TestInvoiceGroupIndexRefusesCutEntries: reading a group's fps accepts
// a stored value cut at an entry's end (fewer entries, the same fps) and
// refuses one cut inside an entry, as decoding the entries does.
func TestInvoiceGroupIndexRefusesCutEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var es []invoiceEntry
	for range 40 {
		es = append(es, invoiceEntry{fp: r.Uint32(), line: r.IntN(300) - 5, id: engine.ID(1 + r.IntN(1<<40))})
	}
	slices.SortFunc(es, cmpInvoiceEntry)
	ends := map[int]int{0: 0} // byte length -> entries
	for i := range es {
		ends[len(appendInvoiceGroup(nil, es[:i+1]))] = i + 1
	}
	v := appendInvoiceGroup(nil, es)
	for cut := 0; cut <= len(v); cut++ {
		g := &invoiceGroup{enc: v[:cut]}
		err := g.index()
		n, atEnd := ends[cut]
		_, decErr := decodeInvoiceGroup(v[:cut])
		if atEnd != (err == nil) || (decErr == nil) != (err == nil) {
			t.Fatalf("cut at %d (an entry's end: %v): index %v, decode %v", cut, atEnd, err, decErr)
		}
		if err == nil {
			for i := range n {
				if g.fps[i] != es[i].fp {
					t.Fatalf("cut at %d: fp %d is %d, want %d", cut, i, g.fps[i], es[i].fp)
				}
			}
			if len(g.fps) != n || len(g.marks) != (n+markEvery-1)/markEvery {
				t.Fatalf("cut at %d: %d fps, %d marks for %d entries", cut, len(g.fps), len(g.marks), n)
			}
		}
	}
}
