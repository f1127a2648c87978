package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
	"partnerdesk/reports"
)

// Self-billing documents: for each payout to a partner, the invoice (or
// credit note, for a negative payout) the vendor writes in the partner's
// name, numbered when the payout is recorded (data.Tx.NumberPayouts, called
// by Pay). A rep's payout gets none: see engine.SelfBilled.

// PayoutDocs lists the payouts f selects with their self-billing numbers,
// by date then id.
func (s *Service) PayoutDocs(f views.PayoutDocFilter) ([]views.PayoutDoc, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var per *engine.Period
	if strings.TrimSpace(f.Period) != "" {
		p, err := engine.ParsePeriod(f.Period, co.FiscalYearStart)
		if err != nil {
			return nil, &engine.ValidationError{Field: "period", Reason: err.Error()}
		}
		per = &p
	}
	var out []views.PayoutDoc
	err = s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		nos, err := tx.InvoiceNumbers()
		if err != nil {
			return err
		}
		return data.Each(tx, func(po *engine.Payout) error {
			if per != nil && !per.Contains(po.Date) {
				return nil
			}
			if f.Year != 0 && engine.InvoiceYear(*po) != f.Year {
				return nil
			}
			name := nm.payee(po.Payee)
			if f.Payee != "" && !matchPayee(f.Payee, po.Payee, name) {
				return nil
			}
			out = append(out, payoutDoc(*po, nm, nos, co.Currency))
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].PayoutID < out[j].PayoutID
	})
	return out, err
}

func payoutDoc(po engine.Payout, nm *names, nos map[engine.ID]engine.InvoiceNo, cur engine.Currency) views.PayoutDoc {
	d := views.PayoutDoc{PayoutID: po.ID, Date: po.Date, Payee: po.Payee, PayeeName: nm.payee(po.Payee), Amount: po.Amount,
		Currency: cur, Method: po.Method, Reference: po.Reference, Lines: len(po.LineIDs), Number: nos[po.ID].String()}
	if po.Payee.Kind == engine.PayeeRep {
		d.PartnerName = nm.partners[nm.reps[po.Payee.ID].PartnerID]
	} else {
		d.PartnerName = d.PayeeName
	}
	if engine.SelfBilled(po) {
		d.Kind = engine.DocKindOf(po.Amount)
	}
	return d
}

// findPayout reads a payout named by its id ("12", "#12") or by its
// self-billing number ("SB-2026-00042").
func findPayout(tx *data.Tx, ref string) (*engine.Payout, error) {
	ref = strings.TrimSpace(ref)
	id, err := strconv.ParseUint(strings.TrimPrefix(ref, "#"), 10, 64)
	if err != nil {
		n, perr := engine.ParseInvoiceNo(ref)
		if perr != nil {
			return nil, &engine.ValidationError{Field: "payout", Reason: fmt.Sprintf("%q is neither a payout id nor a self-billing number (SB-2026-00042)", ref)}
		}
		pid, ok := tx.PayoutOfInvoice(n)
		if !ok {
			return nil, &engine.ValidationError{Field: "payout", Reason: fmt.Sprintf("no payout holds the number %s", n)}
		}
		id = uint64(pid)
	}
	po, err := data.Get[engine.Payout](tx, engine.ID(id))
	if err != nil {
		if errors.Is(err, engine.ErrNotFound) {
			return nil, &engine.ValidationError{Field: "payout", Reason: fmt.Sprintf("there is no payout %d", id)}
		}
		return nil, err
	}
	return po, nil
}

// errRepNoInvoice explains why a rep's payout has no document.
func errRepNoInvoice(po *engine.Payout, name string) error {
	return &engine.ValidationError{Field: "payout", Reason: fmt.Sprintf(
		"payout %d pays the sales rep %s, a person: reps are rewarded through their partner or payroll and get no self-billed invoice; their statement documents the payout", po.ID, name)}
}

// BuildInvoice lays out the self-billed document of the payout ref names,
// in lang (the partner's statement language, then the company's, when
// lang is empty). A payout of a file written before numbering existed is
// numbered first, with every other unnumbered payout, in payout date
// order, in one write transaction.
func (s *Service) BuildInvoice(ref, lang string) (*reports.Invoice, error) {
	var id engine.ID
	numbered := false
	err := s.view(func(tx *data.Tx) error {
		po, err := findPayout(tx, ref)
		if err != nil {
			return err
		}
		id = po.ID
		_, numbered = tx.InvoiceNumber(po.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !numbered {
		err := s.update(func(tx *data.Tx) error {
			po, err := data.Get[engine.Payout](tx, id)
			if err != nil {
				return err
			}
			if !engine.SelfBilled(*po) {
				nm, err := loadNames(tx)
				if err != nil {
					return err
				}
				return errRepNoInvoice(po, nm.payee(po.Payee))
			}
			_, err = tx.NumberPayouts()
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	var inv *reports.Invoice
	err = s.view(func(tx *data.Tx) error {
		var err error
		inv, err = s.invoiceOf(tx, id, lang)
		return err
	})
	return inv, err
}

// invoiceOf fills the document of payout id from the store.
func (s *Service) invoiceOf(tx *data.Tx, id engine.ID, lang string) (*reports.Invoice, error) {
	co, err := tx.Company()
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return nil, err
	}
	co = withCompanyDefaults(co)
	po, err := data.Get[engine.Payout](tx, id)
	if err != nil {
		return nil, fmt.Errorf("payout %d: %w", id, err)
	}
	nm, err := loadNames(tx)
	if err != nil {
		return nil, err
	}
	if !engine.SelfBilled(*po) {
		return nil, errRepNoInvoice(po, nm.payee(po.Payee))
	}
	no, ok := tx.InvoiceNumber(po.ID)
	if !ok {
		return nil, fmt.Errorf("payout %d has no self-billing number yet", po.ID)
	}
	partner, err := data.Get[engine.Partner](tx, po.Payee.ID)
	if err != nil {
		return nil, fmt.Errorf("partner %d of payout %d: %w", po.Payee.ID, po.ID, err)
	}
	if strings.TrimSpace(lang) == "" {
		lang = co.Language
		if partner.Language != "" {
			lang = partner.Language
		}
	} else if i18n.Normalize(lang) != strings.ToLower(strings.TrimSpace(lang)) {
		return nil, &engine.ValidationError{Field: "lang", Reason: fmt.Sprintf("%q is not a statement language (%s)", lang, strings.Join(i18n.Languages, ", "))}
	}
	lang = i18n.Normalize(lang)
	partnerNo := fmt.Sprintf("P%d", partner.ID)
	if partner.ReferralCode != "" {
		partnerNo += " · " + partner.ReferralCode
	}
	inv := &reports.Invoice{
		Company:  reports.Company{Name: co.Name, Address: co.Address, TaxID: co.TaxID, Logo: co.Logo, Currency: co.Currency},
		Language: lang,
		Kind:     engine.DocKindOf(po.Amount),
		Number:   no.String(),
		Date:     po.Date,
		Supplier: reports.Supplier{Name: partner.Name, PartnerNo: partnerNo, Contact: partner.Contact, Email: partner.Email, Country: partner.Country,
			Address: partner.Address, TaxID: partner.TaxID},
		ReverseCharge: engine.ReverseCharge(co, *partner),
		Payout:        reports.InvoicePayout{ID: po.ID, Method: po.Method, Reference: po.Reference},
		Total:         po.Amount,
		// The document's print date is the day it is printed; its own
		// date is the payout's.
		PrintedOn: s.Today(),
	}
	for _, lid := range po.LineIDs {
		l, err := data.Get[engine.RewardLine](tx, lid)
		if err != nil {
			return nil, fmt.Errorf("line %d of payout %d: %w", lid, po.ID, err)
		}
		v := nm.view(*l, co.Currency)
		inv.Lines = append(inv.Lines, reports.InvoiceLine{Program: v.ProgramName, Rule: v.RuleName, Period: l.Period,
			Explanation: i18n.Explain(l.Explanation, lang), Amount: l.Amount})
	}
	inv.Fingerprint = inv.ComputeFingerprint()
	return inv, nil
}

// WriteInvoice writes the self-billed document of the payout ref names as
// a PDF.
func (s *Service) WriteInvoice(ref, lang string, w io.Writer) (*reports.Invoice, error) {
	inv, err := s.BuildInvoice(ref, lang)
	if err != nil {
		return nil, err
	}
	return inv, reports.WriteInvoicePDF(w, inv)
}

// SaveInvoice writes the self-billed document of the payout ref names to
// path (atomically, mode 0600) and returns its number.
func (s *Service) SaveInvoice(ref, lang, path string) (string, error) {
	inv, err := s.BuildInvoice(ref, lang)
	if err != nil {
		return "", err
	}
	err = writeFileAtomic(path, func(w io.Writer) error { return reports.WriteInvoicePDF(w, inv) })
	return inv.Number, err
}

// SaveInvoices writes the self-billed document of every partner payout f
// selects into dir, each named NUMBER_partner.pdf, and returns the files
// written. Rep payouts are left out (they get none).
func (s *Service) SaveInvoices(f views.PayoutDocFilter, lang, dir string) ([]string, error) {
	docs, err := s.PayoutDocs(f)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("invoices folder %s: %w", dir, err)
	}
	var files []string
	for _, d := range docs {
		if d.Kind == "" {
			continue
		}
		inv, err := s.BuildInvoice(strconv.FormatUint(uint64(d.PayoutID), 10), lang)
		if err != nil {
			return files, err
		}
		path := filepath.Join(dir, reports.InvoiceFileName(inv.Number, inv.Supplier.Name))
		if err := writeFileAtomic(path, func(w io.Writer) error { return reports.WriteInvoicePDF(w, inv) }); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

// WriteInvoicePDF writes the self-billed document of the payout ref names
// to w and returns its number: the window's way to WriteInvoice.
func (s *Service) WriteInvoicePDF(ref, lang string, w io.Writer) (string, error) {
	inv, err := s.WriteInvoice(ref, lang, w)
	if inv == nil {
		return "", err
	}
	return inv.Number, err
}
