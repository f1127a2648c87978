package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// Schema 4 buckets of the sales (see saleblock.go and saleindex.go).
var (
	bSaleBlocks   = []byte("sale_blocks")         // block(8) -> up to 64 sales; the bucket's sequence is the last sale id
	bCustomers    = []byte("customers")           // 'n' name -> code (uvarint); 'c' code(8) -> name
	bSaleDays     = []byte("sale_days")           // bookdate(4) -> id set of the sales booked that day
	bSaleMonths   = []byte("sale_partner_months") // partner(8) month(4) -> id set of its sales booked that month
	bSaleInvoices = []byte("sale_invoices")       // group(2) -> invoice entries, see invoiceGroup
)

// saleTx holds what a write transaction changed in the sales until flush
// writes it: the blocks it touched, decoded, and the index groups. A sale
// put is then an append to a slice, and each block and group is encoded
// and written once, in key order, however many of its sales changed.
type saleTx struct {
	blocks map[uint64]*saleBlock
	groups map[groupRef]*idGroup
	invs   []*invoiceGroup   // by group number, once one is read
	codes  map[string]uint64 // customer codes read or made in this transaction

	names    customerList  // the whole dictionary, once a long read loaded it
	lookup   invoiceLookup // the last invoice line looked up
	dec      *blockDecoder // the transaction's decoder, with its shared values
	lastRead *saleBlock    // the block readBlock decoded last, and its number
	lastN    uint64

	lastGroups         [2]lastGroup // the day and the month group used last
	keyBuf             [16]byte     // the day (0:4) and month (4:16) keys of the sale being indexed
	lastDay, lastMonth engine.Date  // the month's first day of the last booking day seen
}

type saleBlock struct {
	rows  []engine.Sale // ascending ids
	dirty bool
}

// maxPendingBlocks bounds the blocks a transaction keeps decoded: past
// it the changed ones are written and all are dropped, so that loading a
// million sales in one transaction holds a few thousand in memory.
const maxPendingBlocks = 2048

func (tx *Tx) saleState() *saleTx {
	if tx.sales == nil {
		tx.sales = &saleTx{blocks: map[uint64]*saleBlock{}, groups: map[groupRef]*idGroup{},
			codes: map[string]uint64{}}
	}
	return tx.sales
}

func blockKey(n uint64) []byte { return itob(engine.ID(n)) }

// decoder is the transaction's block decoder: one per transaction, so that
// a run of look-ups shares its caches instead of building them each time.
func (tx *Tx) decoder() *blockDecoder {
	st := tx.saleState()
	if st.dec == nil {
		st.dec = newBlockDecoder(tx)
	}
	// The whole dictionary, when a long read of this transaction loaded
	// it (and no customer was added since): a block read for a look-up
	// (a return's original invoice) then names its customers without a
	// bbolt read each.
	st.dec.list = st.names
	return st.dec
}

// loadBlock returns block n decoded, from the transaction's changes or
// the file; a block with no sales is empty.
func (tx *Tx) loadBlock(n uint64) (*saleBlock, error) {
	st := tx.saleState()
	if b := st.blocks[n]; b != nil {
		return b, nil
	}
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return nil, err
	}
	// Room for a whole block: the block being filled by new sales grows
	// to 64 without copying its rows six times.
	blk := &saleBlock{rows: make([]engine.Sale, 0, saleBlockCap)}
	if v := bk.Get(blockKey(n)); v != nil {
		err := tx.decoder().decode(n, v, func(s *engine.Sale) error {
			blk.rows = append(blk.rows, *s)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if tx.btx.Writable() {
		st.blocks[n] = blk
	}
	return blk, nil
}

// getSale reads sale id; nil when there is none. The block it decodes is
// kept for the next look-up: the lines of an invoice, or a partner's
// sales entered together, are neighbours.
func (tx *Tx) getSale(id engine.ID) (*engine.Sale, error) {
	b, err := tx.readBlock(blockOf(id))
	if err != nil {
		return nil, err
	}
	return findRow(b.rows, id), nil
}

// salesWithIDs reads the sales ids names, in its order (zero for one
// that does not exist): an invoice's candidate lines. A block the
// transaction holds is read from memory; a stored one is decoded only up
// to the last of the ids it holds and keeps no other row, which a look-up
// per return in a compute (thousands, each in another block) would
// otherwise pay for in whole blocks.
func (tx *Tx) salesWithIDs(ids []engine.ID) ([]engine.Sale, error) {
	st := tx.saleState()
	out := make([]engine.Sale, len(ids))
	for i := 0; i < len(ids); {
		n := blockOf(ids[i])
		j := i + 1
		for j < len(ids) && blockOf(ids[j]) == n {
			j++
		}
		want := ids[i:j]
		if b := st.blocks[n]; b != nil || st.lastRead != nil && st.lastN == n {
			if b == nil {
				b = st.lastRead
			}
			for k, id := range want {
				if s := findRow(b.rows, id); s != nil {
					out[i+k] = *s
				}
			}
			i = j
			continue
		}
		bk, err := tx.bucket(bSaleBlocks)
		if err != nil {
			return nil, err
		}
		v := bk.Get(blockKey(n))
		if v == nil {
			i = j
			continue
		}
		last := slices.Max(want)
		err = tx.decoder().decode(n, v, func(s *engine.Sale) error {
			for k, id := range want {
				if id == s.ID {
					out[i+k] = *s
				}
			}
			if s.ID >= last {
				return errEnoughRows
			}
			return nil
		})
		if err != nil && !errors.Is(err, errEnoughRows) {
			return nil, err
		}
		i = j
	}
	return out, nil
}

// errEnoughRows stops a block's decoding once the rows wanted are read.
var errEnoughRows = errors.New("enough rows")

func findRow(rows []engine.Sale, id engine.ID) *engine.Sale {
	i, ok := slices.BinarySearchFunc(rows, id, func(s engine.Sale, id engine.ID) int { return cmpID(s.ID, id) })
	if !ok {
		return nil
	}
	c := rows[i]
	return &c
}

func cmpID(a, b engine.ID) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// storeSale writes s (its id set) into its block.
func (tx *Tx) storeSale(s *engine.Sale) error {
	n := blockOf(s.ID)
	b, err := tx.loadBlock(n)
	if err != nil {
		return err
	}
	i, ok := slices.BinarySearchFunc(b.rows, s.ID, func(r engine.Sale, id engine.ID) int { return cmpID(r.ID, id) })
	if ok {
		b.rows[i] = *s
	} else {
		b.rows = slices.Insert(b.rows, i, *s)
	}
	b.dirty = true
	tx.sales.lastRead = nil
	if len(tx.sales.blocks) > maxPendingBlocks {
		return tx.flushBlocks()
	}
	return nil
}

// dropSale removes sale id from its block.
func (tx *Tx) dropSale(id engine.ID) error {
	b, err := tx.loadBlock(blockOf(id))
	if err != nil {
		return err
	}
	i, ok := slices.BinarySearchFunc(b.rows, id, func(r engine.Sale, id engine.ID) int { return cmpID(r.ID, id) })
	if ok {
		b.rows = slices.Delete(b.rows, i, i+1)
		b.dirty = true
		tx.sales.lastRead = nil
	}
	return nil
}

// flushBlocks writes the changed blocks in key order and forgets them all.
// The customers they name are numbered first (resolveCustomers), so that
// encoding a block reads the numbers only: a large flush (an import's)
// then encodes its blocks on every core.
func (tx *Tx) flushBlocks() error {
	st := tx.sales
	if st == nil || len(st.blocks) == 0 {
		return nil
	}
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return err
	}
	ns := make([]uint64, 0, len(st.blocks))
	for n, b := range st.blocks {
		if b.dirty {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	if err := tx.resolveCustomers(ns); err != nil {
		return err
	}
	vals := make([][]byte, len(ns))
	errs := make([]error, len(ns))
	encode := func(from, step int) {
		for i := from; i < len(ns); i += step {
			if rows := st.blocks[ns[i]].rows; len(rows) > 0 {
				vals[i], errs[i] = encodeBlock(rows, resolvedCodes(st.codes))
			}
		}
	}
	if workers := min(runtime.GOMAXPROCS(0), 4); workers > 1 && len(ns) >= parallelFlush {
		var wg sync.WaitGroup
		for w := 1; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				encode(w, workers)
			}()
		}
		encode(0, workers)
		wg.Wait()
	} else {
		encode(0, 1)
	}
	for i, n := range ns {
		if errs[i] != nil {
			return fmt.Errorf("sale block %d: %w", n, errs[i])
		}
		if vals[i] == nil {
			err = bk.Delete(blockKey(n))
		} else {
			err = bk.Put(blockKey(n), vals[i])
		}
		if err != nil {
			return fmt.Errorf("sale block %d: %w", n, err)
		}
	}
	clear(st.blocks)
	return nil
}

// blockValues reads the stored blocks numbered ns (ascending) in one
// pass of a cursor; a missing block is nil.
func blockValues(bk *bolt.Bucket, ns []uint64) [][]byte {
	out := make([][]byte, len(ns))
	c := bk.Cursor()
	k, v := c.First()
	for i, n := range ns {
		key := blockKey(n)
		if k == nil || bytes.Compare(k, key) > 0 {
			// already past it: the block is missing
		} else if !bytes.Equal(k, key) {
			// A few blocks on, Next is cheaper than a seek from the root.
			for j := 0; j < 4 && k != nil && bytes.Compare(k, key) < 0; j++ {
				k, v = c.Next()
			}
			if k != nil && bytes.Compare(k, key) < 0 {
				k, v = c.Seek(key)
			}
		}
		if k != nil && bytes.Equal(k, key) {
			out[i] = v
		}
	}
	return out
}

// putSale is Put for a sale: its block and its index groups change in the
// transaction's buffers (see saleTx), its audit entry is written at once.
func (tx *Tx) putSale(s *engine.Sale) error {
	k := kindByName[KindSale]
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return err
	}
	var old any
	var prev *engine.Sale
	if s.ID != 0 {
		if prev, err = tx.getSale(s.ID); err != nil {
			return err
		}
		if prev != nil {
			old = prev
		}
	}
	if err := tx.guardPut(k, old, s); err != nil {
		return err
	}
	if err := tx.precheck(k, s); err != nil {
		return err
	}
	if s.ID == 0 {
		seq, err := bk.NextSequence()
		if err != nil {
			return fmt.Errorf("new sale id: %w", err)
		}
		s.ID = engine.ID(seq)
	} else if uint64(s.ID) > bk.Sequence() {
		// An explicit id beyond the sequence moves it on, so that the
		// sequence never hands the same id out again.
		if err := bk.SetSequence(uint64(s.ID)); err != nil {
			return fmt.Errorf("sale id %d: %w", s.ID, err)
		}
	}
	if prev != nil {
		if err := tx.unindexSale(prev); err != nil {
			return err
		}
	}
	if err := tx.indexSale(s); err != nil {
		return err
	}
	if err := tx.storeSale(s); err != nil {
		return err
	}
	if prev == nil {
		if tx.batch != nil {
			tx.batch.add(k.name, s.ID) // audited once for the import
			return nil
		}
		return tx.Audit("create", k.name, s.ID, nil, nil)
	}
	return tx.Audit("update", k.name, s.ID, prev, s)
}

// deleteSale is Delete for a sale.
func (tx *Tx) deleteSale(id engine.ID) error {
	k := kindByName[KindSale]
	old, err := tx.getSale(id)
	if err != nil {
		return err
	}
	if old == nil {
		return fmt.Errorf("delete sale %d: %w", id, engine.ErrNotFound)
	}
	if err := tx.guard(k, old, "delete"); err != nil {
		return err
	}
	if err := tx.unindexSale(old); err != nil {
		return err
	}
	if err := tx.dropSale(id); err != nil {
		return err
	}
	return tx.Audit("delete", k.name, id, old, nil)
}

// eachSale calls fn for every sale in id order (newest first: backwards).
func (tx *Tx) eachSale(newestFirst bool, fn func(*engine.Sale) error) error {
	if err := tx.flush(); err != nil {
		return err
	}
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return err
	}
	dec := tx.decoder()
	c := bk.Cursor()
	first, next := c.First, c.Next
	if newestFirst {
		first, next = c.Last, c.Prev
	}
	var rows []engine.Sale
	for k, v := first(); k != nil; k, v = next() {
		rows = rows[:0]
		err := dec.decode(binary.BigEndian.Uint64(k), v, func(s *engine.Sale) error {
			rows = append(rows, *s)
			return nil
		})
		if err != nil {
			return err
		}
		if newestFirst {
			slices.Reverse(rows)
		}
		for i := range rows {
			s := rows[i]
			if err := fn(&s); err != nil {
				if errors.Is(err, Stop) {
					return nil
				}
				return err
			}
		}
	}
	return nil
}

// saleCount counts the sales from the day index.
func (tx *Tx) saleCount() (int, error) {
	if err := tx.flush(); err != nil {
		return 0, err
	}
	b, err := tx.bucket(bSaleDays)
	if err != nil {
		return 0, err
	}
	n := 0
	err = b.ForEach(func(k, v []byte) error {
		m, err := idSetLen(v)
		n += m
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("the day index: %w: run check", err)
	}
	return n, nil
}
