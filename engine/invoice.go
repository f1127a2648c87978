package engine

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Self-billing: the vendor writes, for each payout to a partner, the
// invoice the partner would otherwise have to send (a credit note when the
// payout is negative). Every such document of one calendar year carries the
// next number of one gap-free sequence; invoices and credit notes share it.

// InvoiceNo is the number of a self-billed document: the Seq-th of Year.
type InvoiceNo struct {
	Year int
	Seq  int
}

// invoicePrefix marks a self-billed number apart from the partner's own
// invoice numbers, which it must never look like.
const invoicePrefix = "SB-"

// String is "SB-2026-00042"; the zero number is "".
func (n InvoiceNo) String() string {
	if n.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s%04d-%05d", invoicePrefix, n.Year, n.Seq)
}

// IsZero reports whether n was never assigned.
func (n InvoiceNo) IsZero() bool { return n.Year == 0 && n.Seq == 0 }

// ParseInvoiceNo reads "SB-2026-00042" (or "2026-42").
func ParseInvoiceNo(s string) (InvoiceNo, error) {
	t := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), invoicePrefix)
	y, n, ok := strings.Cut(t, "-")
	year, err1 := strconv.Atoi(y)
	seq, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || year < 1 || year > 9999 || seq < 1 {
		return InvoiceNo{}, fmt.Errorf("%q is not a self-billing number (SB-YEAR-NUMBER, e.g. SB-2026-00042)", s)
	}
	return InvoiceNo{Year: year, Seq: seq}, nil
}

// SelfBilled reports whether a payout gets a self-billed document. A
// partner is a business that would invoice its rewards: it does. A rep is
// a person, rewarded through the partner or through payroll: a rep payout
// gets no invoice and no number (its statement documents it).
func SelfBilled(po Payout) bool { return po.Payee.Kind == PayeePartner }

// InvoiceYear is the year whose sequence numbers a payout's document: the
// calendar year of the payout date, the document's date (tax authorities
// count invoices by calendar year whatever the fiscal year).
func InvoiceYear(po Payout) int {
	y, _, _ := po.Date.YMD()
	return y
}

// DocKind is a self-billed invoice or a self-billed credit note.
type DocKind string

// The document kinds.
const (
	DocInvoice    DocKind = "invoice"
	DocCreditNote DocKind = "credit_note"
)

// DocKindOf is a credit note for a negative amount (a payout that claws
// rewards back), an invoice otherwise, zero included.
func DocKindOf(amount decimal.Decimal) DocKind {
	if amount.IsNegative() {
		return DocCreditNote
	}
	return DocInvoice
}

// NumberedPayout pairs a payout with its document number, for checks.
type NumberedPayout struct {
	Payout ID
	Date   Date
	No     InvoiceNo
}

// InvoiceSequenceProblems returns, in a stable order, what is wrong with
// the numbers given: per year the numbers must be exactly 1..n (no gap, no
// number twice), each payout must hold at most one number, and a number's
// year must be its payout date's year.
func InvoiceSequenceProblems(ns []NumberedPayout) []string {
	var out []string
	byYear := map[int][]int{}
	perPayout := map[ID][]InvoiceNo{}
	for _, n := range ns {
		byYear[n.No.Year] = append(byYear[n.No.Year], n.No.Seq)
		perPayout[n.Payout] = append(perPayout[n.Payout], n.No)
		if y, _, _ := n.Date.YMD(); n.Date != 0 && y != n.No.Year {
			out = append(out, fmt.Sprintf("%s numbers payout %d dated %s, in another year", n.No, n.Payout, n.Date))
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		seqs := byYear[y]
		sort.Ints(seqs)
		want := 1
		for i, s := range seqs {
			if i > 0 && s == seqs[i-1] {
				out = append(out, fmt.Sprintf("%s is given twice", InvoiceNo{y, s}))
				continue
			}
			if s != want {
				out = append(out, fmt.Sprintf("self-billing numbers of %d jump from %d to %d (a gap)", y, want-1, s))
			}
			want = s + 1
		}
	}
	ids := make([]ID, 0, len(perPayout))
	for id, n := range perPayout {
		if len(n) > 1 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		var s []string
		for _, n := range perPayout[id] {
			s = append(s, n.String())
		}
		out = append(out, fmt.Sprintf("payout %d holds %d numbers (%s)", id, len(s), strings.Join(s, ", ")))
	}
	return out
}

// TaxIDCountry is the country an EU-style VAT id names by its first two
// letters (DE123456789 is DE; Greece writes EL, Northern Ireland XI: GR
// and GB), or "" when the id does not begin with a country code (a US EIN,
// an Indonesian NPWP).
func TaxIDCountry(taxID string) string {
	id := NormalizeTaxID(taxID)
	if len(id) < 3 {
		return ""
	}
	cc := id[:2]
	switch cc {
	case "EL":
		return "GR"
	case "XI":
		return "GB"
	}
	if !IsCountryCode(cc) {
		return ""
	}
	return cc
}

// ReverseCharge reports whether a partner's self-billed invoices carry the
// reverse-charge note: both the company and the partner have a tax id and
// they are in different countries. The company stores no country of its
// own, so its country is the one its VAT id names (TaxIDCountry); the
// partner's is its country field, else the one its tax id names. Where
// either country is unknown there is no note (nothing to decide it from).
func ReverseCharge(co Company, p Partner) bool {
	if NormalizeTaxID(co.TaxID) == "" || NormalizeTaxID(p.TaxID) == "" {
		return false
	}
	own := TaxIDCountry(co.TaxID)
	theirs := strings.ToUpper(strings.TrimSpace(p.Country))
	if theirs == "" {
		theirs = TaxIDCountry(p.TaxID)
	}
	return own != "" && theirs != "" && own != theirs
}
