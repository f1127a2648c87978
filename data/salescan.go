package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"partnerdesk/engine"
)

// dayIDs is one day of sale_days: the ids of the sales booked that day.
type dayIDs struct {
	day engine.Date
	ids []engine.ID
}

// daysBetween reads the day groups from..to and counts their ids.
func (tx *Tx) daysBetween(from, to engine.Date) ([]dayIDs, int, error) {
	if to < from {
		return nil, 0, nil
	}
	if err := tx.flush(); err != nil {
		return nil, 0, err
	}
	b, err := tx.bucket(bSaleDays)
	if err != nil {
		return nil, 0, err
	}
	var out []dayIDs
	total := 0
	end := dateKey(to)
	c := b.Cursor()
	for k, v := c.Seek(dayKey(from)); k != nil; k, v = c.Next() {
		if len(k) != 4 {
			return nil, 0, fmt.Errorf("the day index has a bad key %x: run check", k)
		}
		dk := binary.BigEndian.Uint32(k)
		if dk > end {
			break
		}
		ids, err := decodeIDSet(nil, v)
		if err != nil {
			return nil, 0, fmt.Errorf("the day index: %w: run check", err)
		}
		out = append(out, dayIDs{day: engine.Date(dk ^ 0x80000000), ids: ids})
		total += len(ids)
	}
	return out, total, nil
}

// parallelBlocks is the number of blocks from which a read decodes on
// every core; below it one goroutine is quicker than starting others.
const parallelBlocks = 256

// appendDays appends the sales of days (a run of daysBetween's result) to
// dst, in booking day then id order. Each block is read once and decoded
// straight into place: a sale's place is its day's offset plus its rank
// among the day's ids. Large reads decode on every core.
func (tx *Tx) appendDays(dst []engine.Sale, days []dayIDs) ([]engine.Sale, error) {
	total := 0
	for _, d := range days {
		total += len(d.ids)
	}
	if total == 0 {
		return dst, nil
	}
	base := len(dst)
	dst = slices.Grow(dst, total)[:base+total]
	out := dst[base:]
	offs := make([]int, len(days))
	var ns []uint64
	o := 0
	for i, d := range days {
		offs[i] = o
		o += len(d.ids)
		for _, id := range d.ids {
			if n := blockOf(id); len(ns) == 0 || ns[len(ns)-1] != n {
				ns = append(ns, n)
			}
		}
	}
	slices.Sort(ns)
	ns = slices.Compact(ns)
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return dst, err
	}
	vals := blockValues(bk, ns)
	for i, v := range vals {
		if v == nil {
			return dst, fmt.Errorf("the day index names sales of block %d, which does not exist: run check", ns[i])
		}
	}
	from, to := days[0].day, days[len(days)-1].day
	var cc customerCodes = tx
	workers := 1
	if len(ns) >= parallelBlocks {
		workers = min(runtime.GOMAXPROCS(0), 4)
		names, err := tx.allCustomerNames()
		if err != nil {
			return dst, err
		}
		cc = names
	}
	// A day's index in days: a table by date for a range of days up to a
	// few years, a search beyond.
	var byDay []int32
	if span := int(to - from + 1); span <= 1<<12 {
		byDay = make([]int32, span)
		for i := range byDay {
			byDay[i] = -1
		}
		for i, d := range days {
			byDay[d.day-from] = int32(i)
		}
	}
	dayIndex := func(bd engine.Date) int {
		if byDay != nil {
			return int(byDay[bd-from])
		}
		i := sort.Search(len(days), func(j int) bool { return days[j].day >= bd })
		if i == len(days) || days[i].day != bd {
			return -1
		}
		return i
	}
	filled := make([]int, workers)
	errs := make([]error, workers)
	work := func(w int) {
		dec := newBlockDecoder(cc)
		lo, hi := len(ns)*w/workers, len(ns)*(w+1)/workers
		if lo == hi {
			return
		}
		// Rows come in id order, so each day's next sale is the next id of
		// its list: a cursor per day, started at the first id of the
		// worker's blocks, places each row without a search.
		next := make([]int, len(days))
		first := engine.ID(ns[lo] << saleBlockBits)
		for i, d := range days {
			next[i], _ = slices.BinarySearch(d.ids, first)
		}
		for i := lo; i < hi; i++ {
			err := dec.decode(ns[i], vals[i], func(s *engine.Sale) error {
				bd := s.BookDate()
				if bd < from || bd > to {
					return nil
				}
				di := dayIndex(bd)
				if di < 0 {
					return nil // booked on a day between that has no sales: counted below
				}
				r := next[di]
				if r >= len(days[di].ids) || days[di].ids[r] != s.ID {
					return nil // in range but not in the index: counted below
				}
				next[di]++
				out[offs[di]+r] = *s
				filled[w]++
				return nil
			})
			if err != nil {
				errs[w] = err
				return
			}
		}
	}
	if workers == 1 {
		work(0)
	} else {
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() { defer wg.Done(); work(w) }()
		}
		wg.Wait()
	}
	if err := errors.Join(errs...); err != nil {
		return dst, err
	}
	n := 0
	for _, f := range filled {
		n += f
	}
	if n != total {
		return dst, fmt.Errorf("the day index names %d sales booked %s..%s, the blocks hold %d of them: run check", total, from, to, n)
	}
	return dst, nil
}

// windowIDs bounds the sales a callback read holds decoded at once (about
// 55 MB): a window reads every block its days touch, so sales entered out
// of date order are read in a few passes of all their blocks, not dozens.
const windowIDs = 1 << 18

// eachSaleBetween calls fn for every sale booked from..to in day then id
// order, decoding a window of days at a time; Stop from fn ends early.
func (tx *Tx) eachSaleBetween(from, to engine.Date, fn func(*engine.Sale) error) error {
	days, _, err := tx.daysBetween(from, to)
	if err != nil {
		return err
	}
	for i := 0; i < len(days); {
		j, n := i, 0
		for j < len(days) && (j == i || n+len(days[j].ids) <= windowIDs) {
			n += len(days[j].ids)
			j++
		}
		// A new slice for each window, never reused: fn may keep the
		// pointers it gets (see the package's caveats), and one slice a
		// window costs far less than a copy on the heap for each sale.
		buf, err := tx.appendDays(nil, days[i:j])
		if err != nil {
			return err
		}
		for k := range buf {
			if err := fn(&buf[k]); err != nil {
				if errors.Is(err, Stop) {
					return nil
				}
				return err
			}
		}
		i = j
	}
	return nil
}
