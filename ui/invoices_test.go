package ui

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// invoicesFake serves two payouts: a partner's, numbered, and a rep's.
type invoicesFake struct {
	filters []views.PayoutDocFilter
	written []string // refs written, with their language
	saved   []string // folders
}

func (f *invoicesFake) PayoutDocs(fl views.PayoutDocFilter) ([]views.PayoutDoc, error) {
	f.filters = append(f.filters, fl)
	eur := engine.NewCurrency("EUR")
	return []views.PayoutDoc{
		{PayoutID: 7, Date: engine.MustDate("2026-04-21"), Payee: engine.Payee{Kind: engine.PayeePartner, ID: 4}, PayeeName: "Sakura KK",
			Amount: decimal.RequireFromString("1228.37"), Currency: eur, Number: "SB-2026-00015", Kind: engine.DocInvoice},
		{PayoutID: 8, Date: engine.MustDate("2026-04-21"), Payee: engine.Payee{Kind: engine.PayeeRep, ID: 9}, PayeeName: "Lena Schäfer",
			PartnerName: "Acme GmbH", Amount: decimal.RequireFromString("100.00"), Currency: eur},
	}, nil
}

func (f *invoicesFake) WriteInvoicePDF(ref, lang string, w io.Writer) (string, error) {
	f.written = append(f.written, ref+"/"+lang)
	_, err := io.Copy(w, bytes.NewReader([]byte("%PDF-1.4")))
	return "SB-2026-00015", err
}

func (f *invoicesFake) SaveInvoice(ref, lang, path string) (string, error) {
	var b bytes.Buffer
	no, err := f.WriteInvoicePDF(ref, lang, &b)
	if err != nil {
		return "", err
	}
	return no, os.WriteFile(path, b.Bytes(), 0o600)
}

func (f *invoicesFake) SaveInvoices(fl views.PayoutDocFilter, lang, dir string) ([]string, error) {
	f.saved = append(f.saved, dir)
	return []string{dir + "/sb-2026-00015_sakura-kk.pdf"}, nil
}

// The screen asks for the year typed, lists each payout with its number
// (the rep's says it gets none), and saves only a partner's document.
func TestInvoicesScreenListsNumbers(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	f := &invoicesFake{}
	s := newInvoicesScreen(w, f)
	w.SetContent(s.Content())
	s.year.SetText("2026")
	s.Shown()
	s.wait()
	if len(f.filters) == 0 || f.filters[len(f.filters)-1].Year != 2026 {
		t.Fatalf("filters sent: %+v, want year 2026", f.filters)
	}
	if len(s.docs) != 2 {
		t.Fatalf("%d payouts listed, want 2", len(s.docs))
	}
	if got := docLine(s.docs[0]); !strings.Contains(got, "SB-2026-00015") || !strings.Contains(got, "1,228.37 EUR") {
		t.Errorf("partner row %q", got)
	}
	if got := docLine(s.docs[1]); !strings.Contains(got, "no invoice (rep)") || !strings.Contains(got, "Acme GmbH") {
		t.Errorf("rep row %q", got)
	}
	if !s.saveBtn.Disabled() {
		t.Error("Save is enabled with nothing chosen")
	}
	s.list.Select(1)
	if !s.saveBtn.Disabled() {
		t.Error("Save is enabled for a rep's payout")
	}
	s.list.Select(0)
	if s.saveBtn.Disabled() {
		t.Error("Save is disabled for a partner's payout")
	}
	s.year.SetText("20x6")
	s.reload()
	if !strings.Contains(s.info.Text, "not a year") {
		t.Errorf("a bad year says %q", s.info.Text)
	}
}
