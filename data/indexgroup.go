package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"partnerdesk/engine"
)

// Index groups are changed in place only as far as a change needs: a new
// sale has the highest id yet, so adding it to a day or a partner's month
// appends to the stored runs without decoding them, and a new invoice line
// is kept beside its group's stored entries and merged into them when the
// group is written. Only a removal (an edit or a deletion) decodes a
// group. An import of 100,000 sales into a file of a million then touches
// every group of the partner and invoice indexes without decoding 2
// million entries and encoding them again.

// idGroup is one id set of sale_days or sale_partner_months.
type idGroup struct {
	bucket []byte
	key    []byte
	dirty  bool

	decoded bool
	ids     []engine.ID // the whole set, once decoded

	enc   []byte      // the stored value, while not decoded
	tail  idSetTail   // where its last run starts, for appending
	added []engine.ID // ids beyond the stored ones, ascending
}

// idSetTail describes the last run of an encoded id set.
type idSetTail struct {
	off        int       // byte offset of the last run
	prevEnd    engine.ID // the last id of the run before it (0: none)
	first, end engine.ID // the last run's first and last id (end 0: empty set)
}

func scanIDSetTail(v []byte) (idSetTail, error) {
	var t idSetTail
	off := 0
	for off < len(v) {
		gap, n := binary.Uvarint(v[off:])
		if n <= 0 || gap == 0 {
			return t, errShort
		}
		run, m := binary.Uvarint(v[off+n:])
		if m <= 0 {
			return t, errShort
		}
		first := t.end + engine.ID(gap)
		t = idSetTail{off: off, prevEnd: t.end, first: first, end: first + engine.ID(run)}
		off += n + m
	}
	return t, nil
}

func (g *idGroup) max() engine.ID {
	if n := len(g.added); n > 0 {
		return g.added[n-1]
	}
	return g.tail.end
}

func (g *idGroup) decode() error {
	if g.decoded {
		return nil
	}
	ids, err := decodeIDSet(nil, g.enc)
	if err != nil {
		return fmt.Errorf("index %s: %w: run check", g.bucket, err)
	}
	g.ids, g.decoded, g.enc, g.added = append(ids, g.added...), true, nil, nil
	return nil
}

func (g *idGroup) add(id engine.ID) error {
	g.dirty = true
	if !g.decoded && id > g.max() {
		g.added = append(g.added, id)
		return nil
	}
	if err := g.decode(); err != nil {
		return err
	}
	g.ids = addID(g.ids, id)
	return nil
}

func (g *idGroup) remove(id engine.ID) error {
	if err := g.decode(); err != nil {
		return err
	}
	g.ids = removeID(g.ids, id)
	g.dirty = true
	return nil
}

func (g *idGroup) empty() bool {
	if g.decoded {
		return len(g.ids) == 0
	}
	return len(g.enc) == 0 && len(g.added) == 0
}

// encode is the group's value: the stored runs up to the last one, then
// the last run extended by the added ids.
func (g *idGroup) encode() []byte {
	if g.decoded {
		return appendIDSet(nil, g.ids)
	}
	if len(g.added) == 0 {
		return g.enc
	}
	out := make([]byte, 0, len(g.enc)+3*len(g.added))
	prev, first, end := engine.ID(0), engine.ID(0), engine.ID(0)
	if g.tail.end != 0 {
		out = append(out, g.enc[:g.tail.off]...)
		prev, first, end = g.tail.prevEnd, g.tail.first, g.tail.end
	}
	for _, id := range g.added {
		if first != 0 && id == end+1 {
			end = id
			continue
		}
		if first != 0 {
			out = binary.AppendUvarint(out, uint64(first-prev))
			out = binary.AppendUvarint(out, uint64(end-first))
			prev = end
		}
		first, end = id, id
	}
	out = binary.AppendUvarint(out, uint64(first-prev))
	return binary.AppendUvarint(out, uint64(end-first))
}

// invoiceGroup is one group of sale_invoices: entries sorted by (fp,
// line, id), stored as the fp's difference from the one before, the line
// and the id, varints.
type invoiceGroup struct {
	n     uint16
	dirty bool

	decoded bool
	entries []invoiceEntry // the whole group, once decoded

	enc   []byte         // the stored value, while not decoded
	added []invoiceEntry // new entries, sorted like the stored ones
	fps   []uint32       // every stored entry's fp, once a look-up needs them
	marks []int32        // the byte offset of every markEvery-th stored entry
}

// markEvery is the distance between marks: a look-up that finds its fp
// among the stored ones decodes at most this many entries before it.
const markEvery = 16

// entryReader walks the stored entries of an invoice group in place.
type entryReader struct {
	r  reader
	at uint64 // the fp of the entry read last
}

// errBadEntry: an invoice index entry does not decode.
var errBadEntry = errors.New("bad entry")

// next reads an entry; false at the end.
func (er *entryReader) next() (invoiceEntry, bool, error) {
	if len(er.r.b) == 0 {
		return invoiceEntry{}, false, nil
	}
	er.at += er.r.uvarint()
	l := er.r.varint()
	id := er.r.uvarint()
	if er.r.err != nil || er.at > 1<<32-1 {
		return invoiceEntry{}, false, errBadEntry
	}
	return invoiceEntry{uint32(er.at), int(l), engine.ID(id)}, true, nil
}

// index reads the stored entries once: their fps, sorted as stored, so
// that most look-ups (a new invoice line) end in a binary search without
// decoding anything, and where every markEvery-th entry starts.
func (g *invoiceGroup) index() error {
	v := g.enc
	fps, marks := make([]uint32, 0, len(v)/6), make([]int32, 0, len(v)/(6*markEvery)+1)
	var fp uint64
	for off := 0; off < len(v); {
		if len(fps)%markEvery == 0 {
			marks = append(marks, int32(off))
		}
		d, n := binary.Uvarint(v[off:])
		if n <= 0 {
			return fmt.Errorf("invoice index group %d: %w: run check", g.n, errBadEntry)
		}
		off += n
		if fp += d; fp > math.MaxUint32 {
			return fmt.Errorf("invoice index group %d: %w: run check", g.n, errBadEntry)
		}
		fps = append(fps, uint32(fp))
		// The line and the id are read when a look-up needs the entry:
		// here they are only stepped over (the last byte of a varint
		// has its top bit clear).
		for range 2 {
			for off < len(v) && v[off] >= 0x80 {
				off++
			}
			if off == len(v) {
				return fmt.Errorf("invoice index group %d: %w: run check", g.n, errBadEntry)
			}
			off++
		}
	}
	g.fps, g.marks = fps, marks
	return nil
}

func (g *invoiceGroup) decode() error {
	if g.decoded {
		return nil
	}
	es, err := decodeInvoiceGroup(g.enc)
	if err != nil {
		return fmt.Errorf("invoice index group %d: %w: run check", g.n, err)
	}
	es = append(es, g.added...)
	slices.SortFunc(es, cmpInvoiceEntry)
	g.entries, g.decoded = slices.Compact(es), true
	g.enc, g.added, g.fps, g.marks = nil, nil, nil, nil
	return nil
}

// candidates returns the entries with fp (and line; line < 0: any line),
// by line then id.
func (g *invoiceGroup) candidates(fp uint32, line int) ([]invoiceEntry, error) {
	var out []invoiceEntry
	keep := func(e invoiceEntry) {
		if e.fp == fp && (line < 0 || e.line == line) {
			out = append(out, e)
		}
	}
	if g.decoded {
		i, _ := slices.BinarySearchFunc(g.entries, invoiceEntry{fp: fp, line: -1 << 62}, cmpInvoiceEntry)
		for ; i < len(g.entries) && g.entries[i].fp == fp; i++ {
			keep(g.entries[i])
		}
		return out, nil
	}
	// The stored entries are read in place, from the mark before the
	// first one with fp up to the first larger fp.
	if g.fps == nil && len(g.enc) > 0 {
		if err := g.index(); err != nil {
			return nil, err
		}
	}
	if i, found := searchFP(g.fps, fp); found {
		m := i / markEvery * markEvery
		er := entryReader{r: reader{b: g.enc[g.marks[i/markEvery]:]}}
		if m > 0 {
			er.at = uint64(g.fps[m-1])
		}
		for {
			e, ok, err := er.next()
			if err != nil {
				return nil, fmt.Errorf("invoice index group %d: %w: run check", g.n, err)
			}
			if !ok || e.fp > fp {
				break
			}
			keep(e)
		}
	}
	stored := len(out)
	i, _ := slices.BinarySearchFunc(g.added, invoiceEntry{fp: fp, line: -1 << 62}, cmpInvoiceEntry)
	for ; i < len(g.added) && g.added[i].fp == fp; i++ {
		keep(g.added[i])
	}
	if stored > 0 && len(out) > stored {
		slices.SortFunc(out, cmpInvoiceEntry)
	}
	return out, nil
}

// searchFP returns the index of the first of fps (ascending) that is at
// least fp, and whether it is fp. The fps are hash values, spread evenly
// over 32 bits, so the search starts where fp's share of the range puts
// it and walks: a few steps in one or two cache lines, where a binary
// search of a group's few hundred fps misses the cache at most steps.
func searchFP(fps []uint32, fp uint32) (int, bool) {
	n := len(fps)
	if n == 0 {
		return 0, false
	}
	i := int(uint64(fp) * uint64(n) >> 32)
	for i < n && fps[i] < fp {
		i++
	}
	for i > 0 && fps[i-1] >= fp {
		i--
	}
	return i, i < n && fps[i] == fp
}

func (g *invoiceGroup) insert(e invoiceEntry) {
	g.dirty = true
	if !g.decoded {
		// Kept sorted for look-ups: a group gains a few entries a
		// transaction (an import of 100,000 lines, 25 on average).
		i, found := slices.BinarySearchFunc(g.added, e, cmpInvoiceEntry)
		if !found {
			g.added = slices.Insert(g.added, i, e)
		}
		return
	}
	if i, found := slices.BinarySearchFunc(g.entries, e, cmpInvoiceEntry); !found {
		g.entries = slices.Insert(g.entries, i, e)
	}
}

func (g *invoiceGroup) remove(e invoiceEntry) error {
	if err := g.decode(); err != nil {
		return err
	}
	if i, found := slices.BinarySearchFunc(g.entries, e, cmpInvoiceEntry); found {
		g.entries = slices.Delete(g.entries, i, i+1)
		g.dirty = true
	}
	return nil
}

func (g *invoiceGroup) empty() bool {
	if g.decoded {
		return len(g.entries) == 0
	}
	return len(g.enc) == 0 && len(g.added) == 0
}

// encode merges the added entries into the stored ones as it copies them.
func (g *invoiceGroup) encode() ([]byte, error) {
	if g.decoded {
		return appendInvoiceGroup(nil, g.entries), nil
	}
	if len(g.added) == 0 {
		return g.enc, nil
	}
	added := g.added
	out := make([]byte, 0, len(g.enc)+10*len(added))
	er := entryReader{r: reader{b: g.enc}}
	var prev uint32
	put := func(e invoiceEntry) {
		out = binary.AppendUvarint(out, uint64(e.fp-prev))
		prev = e.fp
		out = binary.AppendVarint(out, int64(e.line))
		out = binary.AppendUvarint(out, uint64(e.id))
	}
	for {
		e, ok, err := er.next()
		if err != nil {
			return nil, fmt.Errorf("invoice index group %d: %w: run check", g.n, err)
		}
		if !ok {
			break
		}
		for len(added) > 0 && cmpInvoiceEntry(added[0], e) < 0 {
			put(added[0])
			added = added[1:]
		}
		if len(added) > 0 && cmpInvoiceEntry(added[0], e) == 0 {
			added = added[1:]
		}
		put(e)
	}
	for _, e := range added {
		put(e)
	}
	return out, nil
}
