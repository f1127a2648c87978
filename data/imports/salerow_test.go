package imports_test

import (
	"bytes"
	"runtime"
	"sync/atomic"
	"testing"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// oneAtATime is a Lookup and a Sink that must never be in two calls at
// once, as a store's transaction: the reading goroutine asks it for
// reference records while the conversion writes through the sink.
type oneAtATime struct {
	*imports.MemLookup
	t     *testing.T
	busy  atomic.Bool
	calls atomic.Int64
	n     engine.ID
}

func (o *oneAtATime) enter() func() {
	if !o.busy.CompareAndSwap(false, true) {
		o.t.Error("the lookup or the sink was called during another call")
	}
	o.calls.Add(1)
	runtime.Gosched() // give another caller the time to come in
	return func() { o.busy.Store(false) }
}

func (o *oneAtATime) PartnerByID(id engine.ID) (engine.Partner, bool) {
	defer o.enter()()
	return o.MemLookup.PartnerByID(id)
}

func (o *oneAtATime) PartnerByName(name string) (engine.Partner, bool) {
	defer o.enter()()
	return o.MemLookup.PartnerByName(name)
}

func (o *oneAtATime) PartnerByReferralCode(code string) (engine.Partner, bool) {
	defer o.enter()()
	return o.MemLookup.PartnerByReferralCode(code)
}

func (o *oneAtATime) RepByID(id engine.ID) (engine.Rep, bool) {
	defer o.enter()()
	return o.MemLookup.RepByID(id)
}

func (o *oneAtATime) RepByName(partner engine.ID, name string) (engine.Rep, bool) {
	defer o.enter()()
	return o.MemLookup.RepByName(partner, name)
}

func (o *oneAtATime) ProductByID(id engine.ID) (engine.Product, bool) {
	defer o.enter()()
	return o.MemLookup.ProductByID(id)
}

func (o *oneAtATime) ProductBySKU(sku string) (engine.Product, bool) {
	defer o.enter()()
	return o.MemLookup.ProductBySKU(sku)
}

func (o *oneAtATime) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	defer o.enter()()
	return o.MemLookup.SaleLineExists(partner, invoice, line)
}

func (o *oneAtATime) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	defer o.enter()()
	return o.MemLookup.InvoiceLines(partner, invoice)
}

func (o *oneAtATime) IsClosed(d engine.Date) bool {
	defer o.enter()()
	return o.MemLookup.IsClosed(d)
}

func (o *oneAtATime) Add(rec any, line int) error {
	defer o.enter()()
	o.n++
	s := rec.(*engine.Sale)
	s.ID = o.n
	o.MemLookup.AddSale(*s)
	return nil
}

// The goroutine reading a streamed sales file ahead asks the Lookup for
// the partners, reps and products it has not seen while the conversion
// asks it about stored lines and writes through the sink: never two calls
// at once (with -race, no unguarded access either).
func TestReadAheadSharesTheLookupOneCallAtATime(t *testing.T) {
	// 5,000 partners named in turn: the reader meets a new one on each of
	// the first 5,000 rows, while the conversion writes the rows before.
	data, look := scaleLikeFile(10000)
	st, err := sheet.Stream(bytes.NewReader(data), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	o := &oneAtATime{MemLookup: look, t: t}
	v, errs := imports.Prepare(imports.Sales, st, imports.Mapping{}, o)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	errs, err = v.Run(nil, o)
	if err != nil || len(errs) > 0 {
		t.Fatalf("%v %v", err, errs[:min(3, len(errs))])
	}
	if o.n != 10000 || o.calls.Load() < 20000 {
		t.Errorf("%d sales taken, %d calls", o.n, o.calls.Load())
	}
}
