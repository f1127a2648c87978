package data

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// Report is the outcome of a check: what was counted and every problem
// found, each as a sentence.
type Report struct {
	Path     string
	Schema   int
	Counts   map[string]int // records per kind
	Problems []string
}

// OK reports whether the check found no problem.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// String is a short human summary.
func (r Report) String() string {
	if r.OK() {
		n := 0
		for _, c := range r.Counts {
			n += c
		}
		return fmt.Sprintf("%s: schema %d, %d records, no problems", r.Path, r.Schema, n)
	}
	return fmt.Sprintf("%s: %d problems:\n  %s", r.Path, len(r.Problems), strings.Join(r.Problems, "\n  "))
}

const maxProblems = 200

func (r *Report) addf(format string, args ...any) {
	if len(r.Problems) == maxProblems {
		r.Problems = append(r.Problems, "more problems were left out")
	}
	if len(r.Problems) > maxProblems {
		return
	}
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// CheckFile opens path read-only (waiting up to a second for its lock)
// and checks it. An error means the file could not be checked at all.
func CheckFile(path string) (Report, error) {
	s, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return Report{Path: path}, fmt.Errorf("check %s: %w", path, err)
	}
	defer s.Close()
	return s.Check()
}

// Check verifies the file: bbolt's own consistency check, then the app's
// invariants — every sale's partner, product and rep exist; every reward
// line's payee exists; the indexes agree with the records; fund and points
// balances never go below zero and no accrual is drawn beyond its amount;
// closed periods' reward lines are unchanged since closing.
func (s *Store) Check() (rep Report, err error) {
	rep = Report{Path: s.path, Schema: s.version, Counts: map[string]int{}}
	if s.db == nil {
		return rep, errClosed
	}
	err = s.db.View(func(btx *bolt.Tx) (err error) {
		// A fault reading a damaged map becomes a panic we can report.
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				rep.addf("The file is damaged: reading it failed (%v).", p)
				err = nil
			}
		}()
		for e := range btx.Check() {
			rep.addf("Storage check: %v.", e)
		}
		tx := &Tx{btx: btx, s: s}
		return tx.checkInvariants(&rep)
	})
	return rep, err
}

func (tx *Tx) checkInvariants(rep *Report) error {
	if err := tx.flush(); err != nil {
		return err
	}
	legacy := tx.s.version < 4 // sales of schemas 1-3: see legacy.go
	for _, name := range allBuckets() {
		// A file not yet opened for writing by a version that records
		// changes has no changes bucket; nothing depends on it.
		if legacy && isSaleBucket(name) || bytes.Equal(name, bChanges) {
			continue
		}
		if tx.btx.Bucket(name) == nil {
			rep.addf("The bucket %s is missing.", name)
			return nil
		}
	}
	ids := map[string]*idPresence{}
	for _, kn := range []string{KindPartner, KindRep, KindProduct, KindRegistration} {
		set := &idPresence{}
		tx.btx.Bucket(kindByName[kn].bucket).ForEach(func(k, _ []byte) error {
			set.add(btoi(k))
			return nil
		})
		ids[kn] = set
	}
	for _, k := range kinds {
		if k.name != KindSale {
			rep.Counts[k.name] = tx.btx.Bucket(k.bucket).Stats().KeyN
		}
	}
	check := tx.checkSales
	if legacy {
		check = tx.checkLegacySales
	}
	if err := check(rep, ids); err != nil {
		return err
	}
	if err := tx.checkLines(rep, ids); err != nil {
		return err
	}
	if err := tx.checkFunds(rep); err != nil {
		return err
	}
	if err := tx.checkPoints(rep); err != nil {
		return err
	}
	if err := tx.checkAuditChain(rep); err != nil {
		return err
	}
	if err := tx.checkInvoices(rep); err != nil { // data/invoices.go
		return err
	}
	return tx.checkClosed(rep)
}

// indexSum is an order-independent digest of index entries: the count
// and the sum of a hash of each key and value. Comparing the digest of an
// index with the digest of the entries the records call for proves they
// agree (barring a 64-bit collision) in two sequential scans, where a
// lookup per sale costs seconds for a million.
type indexSum struct {
	n   int
	sum uint64
	h   maphash.Hash
}

func (d *indexSum) add(k, v []byte) {
	d.h.Reset()
	d.h.Write(k)
	d.h.WriteByte(0)
	d.h.Write(v)
	d.n++
	d.sum += d.h.Sum64()
}

// idPresence is the set of a kind's ids, for the check's look-ups of a
// million sales: a bit per id up to 2^26 (ids are handed out from 1 up),
// a map beyond.
type idPresence struct {
	bits   []uint64
	sparse map[engine.ID]bool
}

func (p *idPresence) add(id engine.ID) {
	if id < 1<<26 {
		w := int(id / 64)
		for len(p.bits) <= w {
			p.bits = append(p.bits, 0)
		}
		p.bits[w] |= 1 << (id % 64)
		return
	}
	if p.sparse == nil {
		p.sparse = map[engine.ID]bool{}
	}
	p.sparse[id] = true
}

func (p *idPresence) has(id engine.ID) bool {
	if id < 1<<26 {
		w := int(id / 64)
		return w < len(p.bits) && p.bits[w]&(1<<(id%64)) != 0
	}
	return p.sparse[id]
}

// newIndexSeed seeds the digests of one check.
func newIndexSeed() maphash.Seed { return maphash.MakeSeed() }

// checkSaleRefs reports a sale naming a partner, product or rep that does
// not exist.
func (tx *Tx) checkSaleRefs(rep *Report, ids map[string]*idPresence, s *engine.Sale) {
	if !ids[KindPartner].has(s.PartnerID) {
		rep.addf("Sale %d names partner %d, which does not exist.", s.ID, s.PartnerID)
	}
	if !ids[KindProduct].has(s.ProductID) {
		rep.addf("Sale %d names product %d, which does not exist.", s.ID, s.ProductID)
	}
	if s.RepID != 0 && !ids[KindRep].has(s.RepID) {
		rep.addf("Sale %d names rep %d, who does not exist.", s.ID, s.RepID)
	}
}

func (tx *Tx) checkLines(rep *Report, ids map[string]*idPresence) error {
	idx := tx.btx.Bucket(bLinesByPeriod)
	n := 0
	err := Each(tx, func(l *engine.RewardLine) error {
		n++
		switch l.Payee.Kind {
		case engine.PayeePartner:
			if !ids[KindPartner].has(l.Payee.ID) {
				rep.addf("Reward line %d is payable to partner %d, which does not exist.", l.ID, l.Payee.ID)
			}
		case engine.PayeeRep:
			if !ids[KindRep].has(l.Payee.ID) {
				rep.addf("Reward line %d is payable to rep %d, who does not exist.", l.ID, l.Payee.ID)
			}
		default:
			rep.addf("Reward line %d has no payee kind.", l.ID)
		}
		if idx.Get(lineKey(l.Period, l.ID)) == nil {
			rep.addf("Reward line %d is missing from the index of period %s.", l.ID, l.Period)
		}
		return nil
	})
	if err != nil {
		rep.addf("Reward lines cannot be read: %v.", err)
		return nil
	}
	if c := idx.Stats().KeyN; c != n {
		rep.addf("The period index holds %d entries for %d reward lines.", c, n)
	}
	return nil
}

// checkFunds reads each partner's fund through engine.FundLedger, the one
// model of the ledger: no accrual drawn beyond its amount, no claim drawing
// on an accrual not yet accrued or already expired on its date, every
// approved claim equal to its draws, every draw on the partner's own
// accruals. A negative balance left by a claw-back is no fault.
func (tx *Tx) checkFunds(rep *Report) error {
	es, err := All[engine.FundEntry](tx)
	if err != nil {
		rep.addf("Fund entries cannot be read: %v.", err)
		return nil
	}
	var ids []engine.ID
	by := map[engine.ID][]engine.FundEntry{}
	for _, e := range es {
		if _, ok := by[e.PartnerID]; !ok {
			ids = append(ids, e.PartnerID)
		}
		by[e.PartnerID] = append(by[e.PartnerID], e)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, pid := range ids {
		for _, p := range engine.FundProblems(by[pid], pid) {
			rep.addf("%s", p)
		}
	}
	return nil
}

// checkPoints reads each payee's points through engine.PointsLedger: no
// redemption or expiry may take more points than were available to it
// (valid on its date, oldest first). A negative balance left by a
// claw-back is no fault.
func (tx *Tx) checkPoints(rep *Report) error {
	es, err := All[engine.PointsEntry](tx)
	if err != nil {
		rep.addf("Points entries cannot be read: %v.", err)
		return nil
	}
	var payees []engine.Payee
	by := map[engine.Payee][]engine.PointsEntry{}
	for _, e := range es {
		if _, ok := by[e.Payee]; !ok {
			payees = append(payees, e.Payee)
		}
		by[e.Payee] = append(by[e.Payee], e)
	}
	sort.Slice(payees, func(i, j int) bool {
		if payees[i].Kind != payees[j].Kind {
			return payees[i].Kind < payees[j].Kind
		}
		return payees[i].ID < payees[j].ID
	})
	for _, py := range payees {
		for _, p := range engine.PointsProblems(by[py], py) {
			rep.addf("%s", p)
		}
	}
	return nil
}

func (tx *Tx) checkClosed(rep *Report) error {
	recs, err := tx.periodRecords()
	if err != nil {
		rep.addf("Period states cannot be read: %v.", err)
		return nil
	}
	for _, r := range recs {
		if !r.State.Closed {
			continue
		}
		lines, err := tx.LinesOfPeriod(r.State.Key)
		if err != nil {
			rep.addf("The reward lines of closed period %s cannot be read: %v.", r.State.Key, err)
			continue
		}
		if fp := fingerprint(lines); fp != r.Fingerprint {
			rep.addf("The reward lines of closed period %s changed after it was closed (%d lines at closing, %d now).", r.State.Key, r.Lines, len(lines))
		}
	}
	return nil
}
