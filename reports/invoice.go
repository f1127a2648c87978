package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/filename"
	"partnerdesk/engine/i18n"
)

// Invoice is the layout model of one self-billed invoice (or credit note):
// the document the vendor writes in the partner's name for one payout,
// listing the reward lines the payout settles. Like Statement, every
// figure is already rounded and every text already rendered by the caller.
type Invoice struct {
	Company  Company
	Language string
	Kind     engine.DocKind
	Number   string      // "SB-2026-00042"
	Date     engine.Date // the payout date: the document's date
	Supplier Supplier
	Payout   InvoicePayout
	Lines    []InvoiceLine
	// Total is what the payout paid; Check refuses one that is not the sum
	// of the lines.
	Total decimal.Decimal
	// ReverseCharge adds the reverse-charge note (engine.ReverseCharge:
	// both parties have a tax id and are in different countries).
	ReverseCharge bool
	PrintedOn     engine.Date
	// Fingerprint is a short hash of what the document prints, filled by
	// ComputeFingerprint when the caller has none.
	Fingerprint string
}

// Supplier is the partner the document is written for.
type Supplier struct {
	Name      string
	PartnerNo string // "P12", or the referral code
	Contact   string
	Email     string
	Country   string
	Address   string // the legal postal address, lines separated by "\n"
	TaxID     string // empty prints "not given"
}

// InvoicePayout is the payout the document records.
type InvoicePayout struct {
	ID        engine.ID
	Method    string
	Reference string
}

// InvoiceLine is one reward line the payout settles.
type InvoiceLine struct {
	Program     string
	Rule        string
	Period      string // the line's period key; an adjustment names its invoice in the explanation
	Explanation string
	Amount      decimal.Decimal
}

// LinesTotal is the sum of the lines.
func (inv *Invoice) LinesTotal() decimal.Decimal {
	t := decimal.Zero
	for _, l := range inv.Lines {
		t = t.Add(l.Amount)
	}
	return t
}

// Check refuses a document that could not stand as an invoice: no number,
// an amount with more decimals than the currency has, a total that is not
// the sum of its lines, or a kind that disagrees with the total's sign.
func (inv *Invoice) Check() error {
	if strings.TrimSpace(inv.Number) == "" {
		return fmt.Errorf("self-billed document of payout %d has no number", inv.Payout.ID)
	}
	mu := inv.Company.Currency.MinorUnits
	for i, l := range inv.Lines {
		if !l.Amount.Equal(l.Amount.Round(mu)) {
			return fmt.Errorf("%s: line %d amount %s has more than %d decimals: round it before printing", inv.Number, i+1, l.Amount, mu)
		}
	}
	if !inv.Total.Equal(inv.LinesTotal()) {
		return fmt.Errorf("%s: total %s is not the sum of its lines (%s)", inv.Number, inv.Total, inv.LinesTotal())
	}
	if inv.Kind != engine.DocKindOf(inv.Total) {
		return fmt.Errorf("%s: a total of %s makes it a %s, not a %s", inv.Number, inv.Total, engine.DocKindOf(inv.Total), inv.Kind)
	}
	return nil
}

// ComputeFingerprint returns 12 hex digits of a SHA-256 over everything the
// document prints except the print date.
func (inv *Invoice) ComputeFingerprint() string {
	h := sha256.New()
	w := func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
	c := inv.Company
	w("company", c.Name, c.Address, c.TaxID, c.Currency.Code, strconv.Itoa(int(c.Currency.MinorUnits)), hex.EncodeToString(sha256Sum(c.Logo)))
	w("doc", inv.Language, string(inv.Kind), inv.Number, inv.Date.String(), inv.Total.String())
	s := inv.Supplier
	w("supplier", s.Name, s.PartnerNo, s.Contact, s.Email, s.Country, s.Address, s.TaxID, strconv.FormatBool(inv.ReverseCharge))
	w("payout", strconv.FormatUint(uint64(inv.Payout.ID), 10), inv.Payout.Method, inv.Payout.Reference)
	for _, l := range inv.Lines {
		w("line", l.Program, l.Rule, l.Period, l.Explanation, l.Amount.String())
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func (inv *Invoice) texts() []string {
	t := []string{inv.Company.Name, inv.Company.Address, inv.Number, inv.Supplier.Name, inv.Supplier.PartnerNo,
		inv.Supplier.Contact, inv.Supplier.Email, inv.Supplier.Country, inv.Supplier.Address, inv.Supplier.TaxID,
		inv.Company.TaxID, inv.Payout.Method, inv.Payout.Reference}
	for _, l := range inv.Lines {
		t = append(t, l.Program, l.Rule, l.Period, l.Explanation)
	}
	return t
}

// InvoiceFileName is NUMBER_partner-name.pdf, valid on every system.
func InvoiceFileName(number, partner string) string {
	return filename.SafeName(number) + "_" + filename.SafeName(partner) + ".pdf"
}

// WriteInvoicePDF draws inv as an A4 PDF on w, in inv.Language, with the
// statements' fonts, header and footer.
func WriteInvoicePDF(w io.Writer, inv *Invoice) error {
	l, err := layoutInvoice(inv)
	if err != nil {
		return err
	}
	if err := l.pdf().Output(w); err != nil {
		return fmt.Errorf("write self-billed document %s: %w", inv.Number, err)
	}
	return nil
}

// InvoicePages lays inv out without writing it and returns what each page
// holds.
func InvoicePages(inv *Invoice) ([]Page, error) {
	l, err := layoutInvoice(inv)
	if err != nil {
		return nil, err
	}
	return l.pages, nil
}

func invoiceTitle(lang string, k engine.DocKind) string {
	if k == engine.DocCreditNote {
		return Label(lang, "inv_title_credit")
	}
	return Label(lang, "inv_title")
}

func layoutInvoice(inv *Invoice) (*layout, error) {
	if err := inv.Check(); err != nil {
		return nil, err
	}
	lang := i18n.Normalize(inv.Language)
	fp := inv.Fingerprint
	if fp == "" {
		fp = inv.ComputeFingerprint()
	}
	title := invoiceTitle(lang, inv.Kind)
	d := docInfo{
		co: inv.Company, lang: lang, printed: inv.PrintedOn, fp: fp,
		title: title, subtitle: inv.Number,
		running: inv.Company.Name + " · " + title + " " + inv.Number + " · " + inv.Supplier.Name,
		texts:   inv.texts(),
	}
	l := newLayout(d, title+" "+inv.Number+" "+inv.Supplier.Name)
	l.inv = inv
	l.drawInvoice()
	l.footers()
	return l, l.pdf().Error()
}

// drawInvoice lays out the parties side by side, the document's facts,
// the self-billing notice, and the lines it settles with their total.
func (l *layout) drawInvoice() {
	inv := l.inv
	l.header()
	// The two parties, side by side: the customer issues the document,
	// the supplier (the partner) is the one it is written for.
	half := (contentW - 8) / 2
	co := append([]string{clean(inv.Company.Name)}, addressLines(inv.Company.Address)...)
	co = append(co, l.taxIDLine(inv.Company.TaxID))
	sup := append([]string{clean(inv.Supplier.Name)}, addressLines(inv.Supplier.Address)...)
	sup = append(sup, l.taxIDLine(inv.Supplier.TaxID))
	add := func(key, v string) {
		if v = strings.TrimSpace(clean(v)); v != "" {
			sup = append(sup, l.f.label(key)+": "+v)
		}
	}
	add("inv_partner_no", inv.Supplier.PartnerNo)
	add("inv_contact", inv.Supplier.Contact)
	add("inv_email", inv.Supplier.Email)
	add("country", inv.Supplier.Country)
	top := l.y
	bottom := top
	for i, party := range []struct {
		title string
		lines []string
	}{{l.f.label("inv_customer"), co}, {l.f.label("inv_supplier"), sup}} {
		x := marginL + float64(i)*(half+8)
		y := top
		l.t.set(bodySize, false)
		l.color(colMuted)
		l.t.text(x, y+ascent(bodySize), l.fit(party.title, half))
		y += lineH(bodySize) + 0.5
		for j, s := range party.lines {
			size := bodySize
			if j == 0 {
				size = headingSize
			}
			l.t.set(size, j == 0)
			l.color(colInk)
			for _, w := range l.t.wrap(s, half) {
				l.t.text(x, y+ascent(size), w)
				y += lineH(size)
			}
		}
		if y > bottom {
			bottom = y
		}
	}
	l.y = bottom + 4
	l.mark("text", "parties")
	// The facts' labels in the widest language still fit beside them.
	l.t.set(bodySize, false)
	l.kw = 32
	for _, k := range []string{"inv_number", "inv_date", "inv_payout", "inv_reference"} {
		if w := l.t.width(l.f.label(k)) + 3; w > l.kw && w < 60 {
			l.kw = w
		}
	}
	l.keyValue("facts", l.f.label("inv_number"), clean(inv.Number))
	l.keyValue("facts", l.f.label("inv_date"), l.f.date(inv.Date))
	l.keyValue("facts", l.f.label("inv_payout"), strconv.FormatUint(uint64(inv.Payout.ID), 10)+" · "+
		l.f.label("inv_paid", "date", l.f.date(inv.Date), "method", clean(inv.Payout.Method)))
	if inv.Payout.Reference != "" {
		l.keyValue("facts", l.f.label("inv_reference"), clean(inv.Payout.Reference))
	}
	// The mention the law asks of a self-billed invoice, and what the
	// document means.
	l.y += 2
	l.t.set(bodySize, true)
	l.color(colAccent)
	l.t.text(marginL, l.y+ascent(bodySize), l.f.label("inv_self_billing"))
	l.y += lineH(bodySize)
	l.t.set(bodySize, false)
	l.color(colInk)
	notice := l.f.label("inv_notice")
	if inv.Kind == engine.DocCreditNote {
		notice += " " + l.f.label("inv_notice_credit")
	}
	for _, s := range l.t.wrap(notice, contentW) {
		l.t.text(marginL, l.y+ascent(bodySize), s)
		l.y += lineH(bodySize)
	}
	l.mark("text", "notice")
	if inv.ReverseCharge {
		l.y += 1
		l.t.set(bodySize, true)
		for _, s := range l.t.wrap(l.f.label("inv_reverse_charge"), contentW) {
			l.t.text(marginL, l.y+ascent(bodySize), s)
			l.y += lineH(bodySize)
		}
		l.t.set(bodySize, false)
		l.mark("text", "reverse-charge")
	}
	l.y += 2
	cols := []column{
		{head: l.f.label("col_program"), w: 32},
		{head: l.f.label("col_rule"), w: 28},
		{head: l.f.label("col_period"), w: 20},
		{head: l.f.label("col_explanation"), w: contentW - 32 - 28 - 20 - 32, flex: true},
		{head: l.f.label("col_amount"), w: 32, right: true},
	}
	rows := make([]row, 0, len(inv.Lines)+1)
	for _, ln := range inv.Lines {
		rows = append(rows, row{cells: []string{ln.Program, ln.Rule, ln.Period, ln.Explanation, l.f.money(ln.Amount)}})
	}
	rows = append(rows, row{cells: []string{l.f.label("inv_total"), "", "", "", l.f.money(inv.Total)}, total: true})
	l.table("lines", l.f.label("inv_lines"), cols, rows, 0)
}

// addressLines are a postal address's non-empty lines, as printed.
func addressLines(a string) []string {
	var out []string
	for _, s := range strings.Split(clean(a), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// taxIDLine is "VAT / tax ID: DE123456789", or "... : not given" when the
// id is missing, so that the gap shows on the document.
func (l *layout) taxIDLine(id string) string {
	if id = strings.TrimSpace(clean(id)); id == "" {
		id = l.f.label("inv_not_given")
	}
	return l.f.label("inv_tax_id") + ": " + id
}
