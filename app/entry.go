package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// SaleInput is a sale as typed in a form or on the command line: text,
// parsed and checked here so the screen and the command line refuse the
// same things with the same words.
type SaleInput struct {
	Date            string
	Partner         string // id, name or referral code
	Rep             string // optional: id or name
	Customer        string
	NewCustomer     bool
	NewProduct      bool
	Product         string // SKU or id
	Quantity        string
	UnitPrice       string
	Net             string // empty: quantity x unit price
	Invoice         string
	Line            string // empty: the next line of the invoice
	Registration    string // optional registration id
	OriginalInvoice string // required on returns
	ReferralCode    string
}

// Field names used in validation errors; the form maps them to its widgets.
const (
	FieldDate         = "date"
	FieldPartner      = "partner"
	FieldRep          = "rep"
	FieldCustomer     = "customer"
	FieldProduct      = "product"
	FieldQuantity     = "quantity"
	FieldUnitPrice    = "unit_price"
	FieldNet          = "net"
	FieldInvoice      = "invoice"
	FieldLine         = "line"
	FieldRegistration = "registration"
	FieldOriginal     = "original_invoice"
)

// AddSale checks a typed sale and stores it. A sale dated in a closed period
// needs confirmed: it is then booked today, in the open period, as a late
// sale (an adjustment of the closed one). Every problem is reported at once,
// each naming its field.
func (s *Service) AddSale(in SaleInput, confirmed bool) (engine.Sale, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Sale{}, err
	}
	var sale engine.Sale
	err = s.update(func(tx *data.Tx) error {
		var verr error
		sale, verr = s.checkSale(tx, co, in, confirmed)
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

func (s *Service) checkSale(tx *data.Tx, co engine.Company, in SaleInput, confirmed bool) (engine.Sale, error) {
	var errs engine.ValidationErrors
	bad := func(field, format string, args ...any) {
		errs = append(errs, &engine.ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)})
	}
	var sale engine.Sale
	var needConfirm error

	d, err := sheet.ParseDate(in.Date, sheet.DMY)
	if err != nil {
		bad(FieldDate, "%v", err)
	} else {
		sale.Date = d
		if tx.IsClosed(d) {
			today := s.Today()
			switch {
			case tx.IsClosed(today):
				bad(FieldDate, "%s lies in a closed period and so does today: no open period can take it", d)
			case !confirmed:
				needConfirm = fmt.Errorf("%w: %s lies in a closed period; save it as a late sale booked on %s, an adjustment in the open period?", engine.ErrConfirmationNeeded, d, today)
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
		if p.Status == engine.StatusEnded || p.Status == engine.StatusSuspended {
			bad(FieldPartner, "%s is %s: reactivate the partner before entering sales", p.Name, p.Status)
		}
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
	if sale.Customer == "" {
		bad(FieldCustomer, "name the customer the partner sold to")
	}
	sale.NewCustomer, sale.NewProduct = in.NewCustomer, in.NewProduct
	sale.ReferralCode = strings.TrimSpace(in.ReferralCode)

	prod, err := findProduct(tx, in.Product)
	if err != nil {
		bad(FieldProduct, "%v", err)
	} else {
		sale.ProductID = prod.ID
	}

	qty, err := sheet.ParseAmount(in.Quantity)
	switch {
	case err != nil:
		bad(FieldQuantity, "%v", err)
	case qty.IsZero():
		bad(FieldQuantity, "the quantity cannot be zero")
	default:
		sale.Quantity = qty
	}
	price, err := sheet.ParseAmount(in.UnitPrice)
	switch {
	case err != nil:
		bad(FieldUnitPrice, "%v", err)
	case price.IsNegative():
		bad(FieldUnitPrice, "a price cannot be negative; for a return enter a negative quantity and the original invoice")
	default:
		sale.UnitPrice = price
	}
	if strings.TrimSpace(in.Net) == "" {
		sale.Net = co.Currency.Round(sale.Quantity.Mul(sale.UnitPrice))
	} else if net, err := sheet.ParseAmount(in.Net); err != nil {
		bad(FieldNet, "%v", err)
	} else {
		if !net.IsZero() && !sale.Quantity.IsZero() && net.Sign() != sale.Quantity.Sign() {
			bad(FieldNet, "the net amount %s and the quantity %s have different signs", net, sale.Quantity)
		}
		sale.Net = net
	}

	sale.Invoice = strings.TrimSpace(in.Invoice)
	if sale.Invoice == "" {
		bad(FieldInvoice, "the invoice number is needed to recognise duplicates and returns")
	}

	isReturn := sale.Quantity.IsNegative() || sale.Net.IsNegative()
	sale.OriginalInvoice = strings.TrimSpace(in.OriginalInvoice)
	if isReturn {
		if sale.OriginalInvoice == "" {
			bad(FieldOriginal, "a return (negative quantity or amount) names the original invoice")
		} else if sale.PartnerID != 0 {
			orig, err := tx.SalesByInvoice(sale.PartnerID, sale.OriginalInvoice)
			if err != nil {
				return sale, err
			}
			if len(orig) == 0 {
				bad(FieldOriginal, "the partner has no invoice %s to return", sale.OriginalInvoice)
			} else if sale.ProductID != 0 && !hasProduct(orig, sale.ProductID) {
				bad(FieldOriginal, "invoice %s has no line of this product", sale.OriginalInvoice)
			}
		}
	} else if sale.OriginalInvoice != "" {
		bad(FieldOriginal, "only a return (negative quantity) names an original invoice")
	}

	if in.Registration != "" {
		id, ok := parseID(in.Registration, "D")
		if !ok {
			bad(FieldRegistration, "%q is not a registration id", in.Registration)
		} else if r, err := data.Get[engine.Registration](tx, id); err != nil {
			bad(FieldRegistration, "there is no registration %d", id)
		} else if sale.PartnerID != 0 && r.PartnerID != sale.PartnerID {
			bad(FieldRegistration, "registration %d belongs to another partner", id)
		} else {
			sale.RegistrationID = id
		}
	}

	if sale.PartnerID != 0 && sale.Invoice != "" {
		if strings.TrimSpace(in.Line) == "" {
			existing, err := tx.SalesByInvoice(sale.PartnerID, sale.Invoice)
			if err != nil {
				return sale, err
			}
			sale.Line = nextLine(existing)
		} else if n, err := strconv.Atoi(strings.TrimSpace(in.Line)); err != nil || n < 1 {
			bad(FieldLine, "the invoice line is a whole number from 1")
		} else {
			sale.Line = n
		}
		if sale.Line > 0 {
			if dup, err := tx.SaleByInvoiceLine(sale.PartnerID, sale.Invoice, sale.Line); err == nil {
				bad(FieldLine, "invoice %s line %d is already stored as sale %d of %s", sale.Invoice, sale.Line, dup.ID, dup.Date)
			} else if !errors.Is(err, engine.ErrNotFound) {
				return sale, err
			}
		}
	}

	if len(errs) > 0 {
		return sale, errs
	}
	if needConfirm != nil {
		return sale, needConfirm
	}
	return sale, nil
}

func hasProduct(sales []engine.Sale, pid engine.ID) bool {
	for _, s := range sales {
		if s.ProductID == pid {
			return true
		}
	}
	return false
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

// parseMoney reads an amount typed by a user (decimal point or comma).
func parseMoney(field, s string) (decimal.Decimal, error) {
	d, err := sheet.ParseAmount(s)
	if err != nil {
		return d, &engine.ValidationError{Field: field, Reason: err.Error()}
	}
	return d, nil
}
