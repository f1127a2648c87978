package views

import "partnerdesk/engine"

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

	// Late, set by the form's "late sale" box, asks to book a sale dated
	// in a closed period today, as an adjustment in the open period (the
	// command line's --yes does the same); without it such a sale needs
	// confirmation.
	Late bool

	// PartnerID, RepID and ProductID are set when the value was picked
	// from a completion list and its text not changed since: a name two
	// records share still finds the one the user chose. 0: read the text.
	PartnerID, RepID, ProductID engine.ID
}

// SaleRow is a stored sale with the names a list shows.
type SaleRow struct {
	Sale     engine.Sale
	Partner  string
	Rep      string
	Product  string
	Currency engine.Currency
	// Language is the company's, whose notation the list writes numbers
	// in; "" means English.
	Language string
}

// SaleDate says what a typed sale date means for entry: a date in a closed
// period can only be booked later, as a late sale.
type SaleDate struct {
	Date engine.Date
	// Closed is the key of the closed period that holds Date ("": open),
	// with who closed it and when.
	Closed   string
	ClosedOn engine.Date
	ClosedBy string
	// BookOn is the day a late sale would be booked (today); zero when no
	// open period can take it.
	BookOn engine.Date
	// Reason says it in a sentence for beside the field; "" when open.
	Reason string
}
