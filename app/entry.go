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

// Field names used in validation errors; the form maps them to its
// widgets. They are engine.CheckSale's.
const (
	FieldDate         = engine.SaleFieldDate
	FieldPartner      = engine.SaleFieldPartner
	FieldRep          = engine.SaleFieldRep
	FieldCustomer     = engine.SaleFieldCustomer
	FieldProduct      = engine.SaleFieldProduct
	FieldQuantity     = engine.SaleFieldQuantity
	FieldUnitPrice    = engine.SaleFieldUnitPrice
	FieldNet          = engine.SaleFieldNet
	FieldInvoice      = engine.SaleFieldInvoice
	FieldLine         = engine.SaleFieldLine
	FieldRegistration = engine.SaleFieldRegistration
	FieldOriginal     = engine.SaleFieldOriginal
	FieldSplits       = engine.SaleFieldSplits
)

// AddSale checks a typed sale and stores it. A sale dated in a closed period
// needs confirmed: it is then booked today, in the open period, as a late
// sale (an adjustment of the closed one). Every problem is reported at once,
// each naming its field.
func (s *Service) AddSale(in views.SaleInput, confirmed bool) (engine.Sale, error) {
	in.Partner, in.Rep = pickedRef(in.Partner, in.PartnerID, "P"), pickedRef(in.Rep, in.RepID, "R")
	in.Product = pickedRef(in.Product, in.ProductID, "")
	co, err := s.Company()
	if err != nil {
		return engine.Sale{}, err
	}
	var sale engine.Sale
	err = s.update(func(tx *data.Tx) error {
		var verr error
		sale, verr = s.checkSale(tx, co, in, confirmed, nil)
		if verr != nil {
			return verr
		}
		if err := tx.Put(&sale); err != nil {
			return fmt.Errorf("save sale %s line %d: %w", sale.Invoice, sale.Line, err)
		}
		return nil
	})
	return sale, err
}

// checkSale reads a typed sale (names to ids, text to numbers) and checks
// it with engine.CheckSale, the validation every import uses too.
//
// It is long because it resolves each field of the typed sale in turn
// (partner, rep, product, customer, dates, amounts, splits), one short
// block each, before the one validation in engine.CheckSale. old is the
// stored sale a correction replaces (nil: a new sale): the correction
// keeps its id, splits and, for a late sale, its booking day, and is not
// asked whether it repeats a sale.
func (s *Service) checkSale(tx *data.Tx, co engine.Company, in views.SaleInput, confirmed bool, old *engine.Sale) (engine.Sale, error) {
	var errs engine.ValidationErrors
	bad := func(field, format string, args ...any) {
		errs = append(errs, &engine.ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)})
	}
	var sale engine.Sale
	var confirms []string // what the user must agree to first
	if old != nil {
		sale.ID, sale.Splits = old.ID, old.Splits
	}

	d, err := sheet.ParseDate(in.Date, sheet.DMY)
	if err != nil {
		bad(FieldDate, "%v", err)
	} else {
		sale.Date = d
		if tx.IsClosed(d) {
			today := s.Today()
			switch {
			case old != nil && old.Booked != 0:
				sale.Booked = old.Booked // a late sale stays booked where it was
			case old != nil:
				bad(FieldDate, "%s lies in a closed period: a correction cannot move a sale there; remove it and enter a late sale instead", d)
			case tx.IsClosed(today):
				bad(FieldDate, "%s lies in a closed period and so does today: no open period can take it", d)
			case !confirmed && !in.Late:
				confirms = append(confirms, fmt.Sprintf("%s lies in a closed period: it can only be saved as a late sale booked on %s, an adjustment in the open period", d, today))
				sale.Booked = today // checked as it would be saved
			default:
				sale.Booked = today
			}
		}
	}

	p, err := findPartner(tx, in.Partner)
	if err != nil {
		bad(FieldPartner, "%v", err)
	} else {
		sale.PartnerID = p.ID
		if in.Rep != "" {
			r, err := findRep(tx, p.ID, in.Rep)
			if err != nil {
				bad(FieldRep, "%v", err)
			} else {
				sale.RepID = r.ID
			}
		}
	}

	sale.Customer = strings.TrimSpace(in.Customer)
	sale.NewCustomer, sale.NewProduct = in.NewCustomer, in.NewProduct
	sale.ReferralCode = strings.TrimSpace(in.ReferralCode)

	if prod, err := findProduct(tx, in.Product); err != nil {
		bad(FieldProduct, "%v", err)
	} else {
		sale.ProductID = prod.ID
	}

	amountsOK := true
	if qty, err := sheet.ParseAmount(in.Quantity); err != nil {
		bad(FieldQuantity, "%v", err)
		amountsOK = false
	} else {
		sale.Quantity = qty
	}
	// Prices and the net are money of the company: its own code or sign
	// ("€ 5" in a EUR company) is read, any other currency refused, as an
	// import does. A quantity carries no currency.
	home := co.Currency.Code
	if price, err := sheet.ParseMoneyIn(in.UnitPrice, false, home); err != nil {
		bad(FieldUnitPrice, "%v", err)
		amountsOK = false
	} else {
		sale.UnitPrice = price
	}
	if strings.TrimSpace(in.Net) == "" {
		sale.Net = saleNet(co.Currency, sale.Quantity, sale.UnitPrice)
	} else if net, err := sheet.ParseMoneyIn(in.Net, false, home); err != nil {
		bad(FieldNet, "%v", err)
		amountsOK = false
	} else {
		sale.Net = net
	}

	sale.Invoice = strings.TrimSpace(in.Invoice)
	sale.OriginalInvoice = strings.TrimSpace(in.OriginalInvoice)

	if in.Registration != "" {
		if id, ok := parseID(in.Registration, "D"); ok {
			sale.RegistrationID = id
		} else {
			bad(FieldRegistration, "%q is not a registration id", in.Registration)
		}
	}

	lineKnown := false
	if sale.PartnerID != 0 && sale.Invoice != "" {
		if strings.TrimSpace(in.Line) == "" {
			existing, err := tx.SalesByInvoice(sale.PartnerID, sale.Invoice)
			if err != nil {
				return sale, err
			}
			sale.Line, lineKnown = nextLine(existing), true
		} else if n, err := strconv.Atoi(strings.TrimSpace(in.Line)); err != nil || n < 1 {
			bad(FieldLine, "the invoice line is a whole number from 1")
		} else {
			sale.Line, lineKnown = n, true
		}
	}

	unread := make([]string, 0, len(errs)+4)
	for _, e := range errs {
		unread = append(unread, e.Field)
	}
	if !amountsOK {
		unread = append(unread, FieldQuantity, FieldUnitPrice, FieldNet)
	}
	if !lineKnown {
		unread = append(unread, FieldLine)
	}
	facts := txFacts{newTxSales(tx)}
	errs = append(errs, engine.CheckSale(&sale, co.Currency, facts, unread...)...)
	if facts.err != nil {
		return sale, facts.err
	}

	if len(errs) > 0 {
		return sale, errs
	}
	if old == nil && !confirmed {
		same, err := repeatedSale(tx, &sale)
		if err != nil {
			return sale, err
		}
		if same != nil {
			confirms = append(confirms, fmt.Sprintf("this line repeats sale #%d (invoice %s line %d): same partner, customer, product, quantity, price and date",
				same.ID, same.Invoice, same.Line))
		}
	}
	if len(confirms) > 0 {
		return sale, fmt.Errorf("%w: %s", engine.ErrConfirmationNeeded, strings.Join(confirms, "; "))
	}
	return sale, nil
}

// saleNet is a typed sale's net when none is typed: quantity x unit
// price, rounded once in the currency's rounding.
func saleNet(cur engine.Currency, qty, price decimal.Decimal) decimal.Decimal {
	return cur.Round(qty.Mul(price))
}

// repeatedSale returns a stored sale that s repeats as typed
// (engine.SameSaleTyped), the latest entered; nil when none. It reads the
// partner's sales booked that one day through the partner index.
func repeatedSale(tx *data.Tx, s *engine.Sale) (*engine.Sale, error) {
	var same *engine.Sale
	err := tx.SalesOfPartner(s.PartnerID, s.BookDate(), s.BookDate(), func(x *engine.Sale) error {
		if x.ID != s.ID && engine.SameSaleTyped(x, s) && (same == nil || x.ID > same.ID) {
			c := *x
			same = &c
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("look for a repeated sale: %w", err)
	}
	return same, nil
}

func nextLine(sales []engine.Sale) int {
	n := 0
	for _, s := range sales {
		if s.Line > n {
			n = s.Line
		}
	}
	return n + 1
}

// ParseAmount reads an amount a person typed into a form field, the way
// every form's amounts are read (decimal point or comma, grouped or not:
// 25000.50, 25.000,50, 25 000,50); a bad one is a *engine.ValidationError
// on field. The program screen's budget goes through it. The company's own
// currency code or sign may be written with it ("€ 25.000"); another
// currency is refused.
func (s *Service) ParseAmount(field, text string) (decimal.Decimal, error) {
	co, err := s.Company()
	if err != nil {
		return decimal.Zero, err
	}
	return parseMoneyIn(field, text, co.Currency.Code)
}

// parseMoney reads an amount typed by a user (decimal point or comma).
func parseMoney(field, s string) (decimal.Decimal, error) {
	return parseMoneyIn(field, s, "")
}

// parseMoneyIn is parseMoney for money of the currency with ISO code home,
// which may carry that code or a sign the currency is written with at
// home; any other currency mark is refused (an empty home: every mark).
func parseMoneyIn(field, s, home string) (decimal.Decimal, error) {
	d, err := sheet.ParseMoneyIn(s, false, home)
	if err != nil {
		return d, &engine.ValidationError{Field: field, Reason: err.Error()}
	}
	return d, nil
}
