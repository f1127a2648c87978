package ui

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// The fake's SaleEditService: sales are f.sales by id (index + 1); a date
// before f.closedUntil+1 lies in the closed "2026-06" when closedUntil is
// set; edits are recorded in f.edits.

var _ SaleEditService = (*fakeBackend)(nil)

// fakeEdit is one EditSale call.
type fakeEdit struct {
	id engine.ID
	in views.SaleInput
}

// fakeEditState is what the fake's edit service keeps, beside the
// fakeBackend (whose struct the sale tests share).
type fakeEditState struct {
	closedUntil engine.Date
	edits       []fakeEdit
}

var fakeSalesEdit = map[*fakeBackend]*fakeEditState{}

func (f *fakeBackend) editState() *fakeEditState {
	st := fakeSalesEdit[f]
	if st == nil {
		st = &fakeEditState{}
		fakeSalesEdit[f] = st
	}
	return st
}

func (f *fakeBackend) closeUntil(d string) { f.editState().closedUntil = engine.MustDate(d) }

func (f *fakeBackend) closed(d engine.Date) bool {
	c := f.editState().closedUntil
	return c != 0 && d <= c
}

func (f *fakeBackend) saleAt(id engine.ID) (views.SaleInput, error) {
	if id < 1 || int(id) > len(f.sales) || f.removed[id] {
		return views.SaleInput{}, engine.Invalid("sale", "there is no sale %d", id)
	}
	in := f.sales[id-1]
	if d, err := engine.ParseDate(in.Date); err == nil && f.closed(d) {
		return in, fmt.Errorf("sale #%d counts in 2026-06, closed by Giulia on 2026-07-01: it can no longer change; enter a return or a late sale instead: %w", id, engine.ErrPeriodClosed)
	}
	return in, nil
}

func (f *fakeBackend) SaleInputOf(id engine.ID) (views.SaleInput, error) { return f.saleAt(id) }

func (f *fakeBackend) EditSale(id engine.ID, in views.SaleInput) (engine.Sale, error) {
	if _, err := f.saleAt(id); err != nil {
		return engine.Sale{}, err
	}
	if _, err := decimal.NewFromString(in.Quantity); err != nil {
		return engine.Sale{}, engine.Invalid(SaleQuantity, "%q is not a number", in.Quantity)
	}
	st := f.editState()
	st.edits = append(st.edits, fakeEdit{id, in})
	f.sales[id-1] = in
	line, _ := strconv.Atoi(in.Line)
	q, _ := decimal.NewFromString(in.Quantity)
	return engine.Sale{ID: id, Date: engine.MustDate(in.Date), PartnerID: in.PartnerID, ProductID: in.ProductID, Invoice: in.Invoice, Line: line, Quantity: q}, nil
}

func (f *fakeBackend) RemoveSale(id engine.ID) (engine.Sale, error) {
	in, err := f.saleAt(id)
	if err != nil {
		return engine.Sale{}, err
	}
	if f.removed == nil {
		f.removed = map[engine.ID]bool{}
	}
	f.removed[id] = true
	line, _ := strconv.Atoi(in.Line)
	return engine.Sale{ID: id, Invoice: in.Invoice, Line: line}, nil
}

func (f *fakeBackend) CheckSaleDate(text string) (views.SaleDate, error) {
	d, err := engine.ParseDate(text)
	if err != nil {
		return views.SaleDate{}, engine.Invalid(SaleDate, "%s", err.Error())
	}
	if !f.closed(d) {
		return views.SaleDate{Date: d}, nil
	}
	return views.SaleDate{Date: d, Closed: "2026-06", ClosedBy: "Giulia", ClosedOn: engine.MustDate("2026-07-01"), BookOn: f.today,
		Reason: fmt.Sprintf("2026-06 was closed by Giulia on 2026-07-01: a sale dated %s can only be a late sale, booked on %s", d, f.today)}, nil
}

func (f *fakeBackend) SaleNet(quantity, unitPrice string) (decimal.Decimal, bool) {
	q, err1 := decimal.NewFromString(quantity)
	p, err2 := decimal.NewFromString(unitPrice)
	if err1 != nil || err2 != nil {
		return decimal.Zero, false
	}
	return q.Mul(p).Round(2), true
}
