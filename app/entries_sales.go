package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds what fast sale entry needs beyond AddSale: correcting
// and removing a sale of an open period, what a typed date means (a closed
// period's date is a late sale) and the net shown while typing.
//
// A correction or a removal changes the inputs of the open period the sale
// counts in exactly as a new sale does: the stored lines are not touched,
// the period's next compute reconciles them (engine.Reconcile) and closing
// refuses until it ran (staleLines). Each is audited with the sale before
// and after (data.Tx.Put and Delete).

// SaleInputOf returns stored sale id as the sale form shows it, picked
// values with their ids. A sale dated (or booked) in a closed period is
// refused with the reason and what to do instead.
func (s *Service) SaleInputOf(id engine.ID) (views.SaleInput, error) {
	co, err := s.Company()
	if err != nil {
		return views.SaleInput{}, err
	}
	var in views.SaleInput
	err = s.view(func(tx *data.Tx) error {
		old, err := storedSale(tx, id)
		if err != nil {
			return err
		}
		if err := saleFrozen(tx, old); err != nil {
			return err
		}
		in = views.SaleInput{Date: old.Date.String(), Customer: old.Customer, NewCustomer: old.NewCustomer, NewProduct: old.NewProduct,
			Quantity: old.Quantity.String(), UnitPrice: old.UnitPrice.StringFixed(co.Currency.MinorUnits),
			Net: old.Net.StringFixed(co.Currency.MinorUnits), Invoice: old.Invoice, Line: strconv.Itoa(old.Line),
			ReferralCode: old.ReferralCode, OriginalInvoice: old.OriginalInvoice,
			PartnerID: old.PartnerID, RepID: old.RepID, ProductID: old.ProductID, Late: old.Booked != 0}
		if old.RegistrationID != 0 {
			in.Registration = strconv.FormatUint(uint64(old.RegistrationID), 10)
		}
		if p, err := data.Get[engine.Partner](tx, old.PartnerID); err == nil {
			in.Partner = p.Name
		}
		if old.RepID != 0 {
			if r, err := data.Get[engine.Rep](tx, old.RepID); err == nil {
				in.Rep = r.Name
			}
		}
		if p, err := data.Get[engine.Product](tx, old.ProductID); err == nil {
			in.Product = p.SKU
		}
		return nil
	})
	return in, err
}

// EditSale corrects stored sale id with the typed line, checked as a new
// sale is (engine.CheckSale; the sale's own invoice line is no duplicate
// of itself). Only a sale of an open period can change, and only within
// open periods (a late sale stays booked where it was); a line that
// returns name cannot sell less than they gave back. The audit trail keeps
// the sale before and after.
func (s *Service) EditSale(id engine.ID, in views.SaleInput) (engine.Sale, error) {
	in.Partner, in.Rep = pickedRef(in.Partner, in.PartnerID, "P"), pickedRef(in.Rep, in.RepID, "R")
	in.Product = pickedRef(in.Product, in.ProductID, "")
	co, err := s.Company()
	if err != nil {
		return engine.Sale{}, err
	}
	var sale engine.Sale
	err = s.update(func(tx *data.Tx) error {
		old, err := storedSale(tx, id)
		if err != nil {
			return err
		}
		if err := saleFrozen(tx, old); err != nil {
			return err
		}
		if sale, err = s.checkSale(tx, co, in, true, old); err != nil {
			return err
		}
		if err := returnsCovered(tx, old, &sale); err != nil {
			return err
		}
		if err := tx.Put(&sale); err != nil {
			return fmt.Errorf("correct sale %d: %w", id, err)
		}
		return nil
	})
	return sale, err
}

// RemoveSale deletes stored sale id of an open period, audited with what
// it was. A line that returns name is refused: remove the returns first.
func (s *Service) RemoveSale(id engine.ID) (engine.Sale, error) {
	var old *engine.Sale
	err := s.update(func(tx *data.Tx) error {
		var err error
		if old, err = storedSale(tx, id); err != nil {
			return err
		}
		if err := saleFrozen(tx, old); err != nil {
			return err
		}
		if err := returnsCovered(tx, old, nil); err != nil {
			return err
		}
		if err := tx.Delete(data.KindSale, id); err != nil {
			return fmt.Errorf("remove sale %d: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return engine.Sale{}, err
	}
	return *old, nil
}

// CheckSaleDate says what a typed sale date means: an open period's day,
// or a closed period's, which only a late sale booked today can take (and
// none when today is closed too).
func (s *Service) CheckSaleDate(text string) (views.SaleDate, error) {
	d, err := sheet.ParseDate(text, sheet.DMY)
	if err != nil {
		return views.SaleDate{}, &engine.ValidationError{Field: FieldDate, Reason: err.Error()}
	}
	out := views.SaleDate{Date: d}
	err = s.view(func(tx *data.Tx) error {
		st, ok, err := closedStateAt(tx, d)
		if err != nil || !ok {
			return err
		}
		out.Closed, out.ClosedOn, out.ClosedBy = st.Key, st.ClosedOn, st.ClosedBy
		today := s.Today()
		if tx.IsClosed(today) {
			out.Reason = fmt.Sprintf("%s was closed%s, and so is today's period: no open period can take a sale dated %s", st.Key, byOnText(st.ClosedBy, st.ClosedOn), d)
			return nil
		}
		out.BookOn = today
		out.Reason = fmt.Sprintf("%s was closed%s: a sale dated %s can only be a late sale, booked on %s as an adjustment in the open period", st.Key, byOnText(st.ClosedBy, st.ClosedOn), d, today)
		return nil
	})
	return out, err
}

// SaleNet is the net a typed line would store with no net typed (quantity
// x unit price in the company's rounding, saleNet), for the form to show
// while the user types; false when either is not a number yet.
func (s *Service) SaleNet(quantity, unitPrice string) (decimal.Decimal, bool) {
	co, err := s.Company()
	if err != nil {
		return decimal.Zero, false
	}
	q, err := sheet.ParseAmount(quantity)
	if err != nil {
		return decimal.Zero, false
	}
	p, err := sheet.ParseMoneyIn(unitPrice, false, co.Currency.Code)
	if err != nil {
		return decimal.Zero, false
	}
	return saleNet(co.Currency, q, p), true
}

func storedSale(tx *data.Tx, id engine.ID) (*engine.Sale, error) {
	old, err := data.Get[engine.Sale](tx, id)
	if err != nil {
		return nil, &engine.ValidationError{Field: "sale", Reason: fmt.Sprintf("there is no sale %d", id)}
	}
	return old, nil
}

// saleFrozen refuses a change to a sale that counts in a closed period,
// with who closed it and what to enter instead.
func saleFrozen(tx *data.Tx, old *engine.Sale) error {
	st, closed, err := closedStateAt(tx, old.BookDate())
	if err != nil || !closed {
		return err
	}
	return fmt.Errorf("sale #%d (invoice %s line %d, %s) counts in %s, closed%s: it can no longer change; enter a return (a negative quantity naming invoice %s) or a late sale instead: %w",
		old.ID, old.Invoice, old.Line, old.BookDate(), st.Key, byOnText(st.ClosedBy, st.ClosedOn), old.Invoice, engine.ErrPeriodClosed)
}

// closedStateAt returns the closed period holding d, the longest when
// several do (a quarter closed with its months).
func closedStateAt(tx *data.Tx, d engine.Date) (engine.PeriodState, bool, error) {
	states, err := tx.PeriodStates()
	if err != nil {
		return engine.PeriodState{}, false, err
	}
	var best engine.PeriodState
	found := false
	for _, st := range states {
		if st.Closed && st.Start <= d && d <= st.End && (!found || st.End-st.Start > best.End-best.Start) {
			best, found = st, true
		}
	}
	return best, found, nil
}

// byOnText is " by X on D", leaving out what is unknown.
func byOnText(by string, on engine.Date) string {
	s := ""
	if by != "" {
		s += " by " + by
	}
	if !on.IsZero() {
		s += " on " + on.String()
	}
	return s
}

// returnsCovered refuses a correction (next) or a removal (next nil) of
// sold line old that would leave the returns naming its invoice giving
// back more of its product than the invoice then sells.
func returnsCovered(tx *data.Tx, old, next *engine.Sale) error {
	if old.IsReturn() {
		return nil
	}
	invoice := strings.TrimSpace(old.Invoice)
	var backQty, backNet decimal.Decimal
	var first engine.ID
	err := tx.SalesOfPartner(old.PartnerID, engine.Date(-1<<31), engine.Date(1<<31-1), func(x *engine.Sale) error {
		if x.IsReturn() && strings.TrimSpace(x.OriginalInvoice) == invoice && x.ProductID == old.ProductID {
			backQty, backNet = backQty.Add(x.Quantity.Abs()), backNet.Add(x.Net.Abs())
			if first == 0 {
				first = x.ID
			}
		}
		return nil
	})
	if err != nil || first == 0 {
		return err
	}
	lines, err := tx.SalesByInvoice(old.PartnerID, invoice)
	if err != nil {
		return err
	}
	soldQty, soldNet := decimal.Zero, decimal.Zero
	for _, l := range lines {
		if l.ID == old.ID {
			if next == nil || next.PartnerID != old.PartnerID || strings.TrimSpace(next.Invoice) != invoice || next.ProductID != old.ProductID {
				continue
			}
			l = *next
		}
		if !l.IsReturn() && l.ProductID == old.ProductID {
			soldQty, soldNet = soldQty.Add(l.Quantity), soldNet.Add(l.Net)
		}
	}
	if soldQty.LessThan(backQty) || soldNet.LessThan(backNet) {
		what := "removed"
		if next != nil {
			what = "changed so"
		}
		return &engine.ValidationError{Field: FieldQuantity, Reason: fmt.Sprintf(
			"returns of invoice %s (sale #%d and any after it) gave back %s of this product: the line cannot be %s that the invoice sells less; correct or remove the returns first",
			invoice, first, backQty, what)}
	}
	return nil
}
