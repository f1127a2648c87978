package imports_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// fixture is a store with three partners, two reps, two products, one
// registration, one stored sale (Acme, invoice F-100, line 1) and June
// 2026 closed.
func fixture() *imports.MemLookup {
	l := imports.NewMemLookup(engine.NewCurrency("EUR"))
	l.AddPartner(engine.Partner{ID: 1, Name: "Acme Srl", Kind: engine.KindReseller, ReferralCode: "ACME10"})
	l.AddPartner(engine.Partner{ID: 2, Name: "Beta BV", Kind: engine.KindMSP})
	l.AddPartner(engine.Partner{ID: 3, Name: "Société Générale d'Informatique", Kind: engine.KindVAR})
	l.AddRep(engine.Rep{ID: 7, PartnerID: 1, Name: "Giulia Bianchi", Active: true})
	l.AddRep(engine.Rep{ID: 8, PartnerID: 2, Name: "Piet Jansen", Active: true})
	l.AddProduct(engine.Product{ID: 1, SKU: "CLOUD-PRO", Name: "Cloud Pro", Subscription: true})
	l.AddProduct(engine.Product{ID: 2, SKU: "APPL-1", Name: "Appliance"})
	l.AddRegistration(engine.Registration{ID: 14, PartnerID: 1, Customer: "Verdi", Decision: engine.DecisionApproved})
	l.AddSale(engine.Sale{ID: 501, PartnerID: 1, Invoice: "F-100", Line: 1})
	l.AddClosed(engine.Month(engine.MustDate("2026-06-01")))
	return l
}

func read(tb testing.TB, data string) *sheet.Table {
	tb.Helper()
	t, err := sheet.Read(strings.NewReader(data), "test.csv")
	if err != nil {
		tb.Fatalf("Read: %v", err)
	}
	return t
}

func convertOK(tb testing.TB, kind imports.Kind, data string, look imports.Lookup) imports.Batch {
	tb.Helper()
	b, errs := imports.Convert(kind, read(tb, data), imports.Mapping{}, look)
	if len(errs) > 0 {
		tb.Fatalf("Convert: %v", errs)
	}
	return b
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestSalesAsEuropeanExcelWritesThem(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{
			// Italian Excel: BOM, semicolons, CRLF, decimal comma, dots grouping, Italian headers.
			name: "italian",
			data: "\ufeffData;Rivenditore;Cliente;Articolo;Qtà;Prezzo unitario;Importo;Numero fattura\r\n" +
				"31/07/2026;Acme Srl;Rossi Costruzioni;APPL-1;2;1.150,25;2.300,50;F-2026-0153\r\n" +
				"01/07/2026;ACME10;Bianchi & C.;CLOUD-PRO;3;49,00;147,00;F-2026-0154\r\n",
		},
		{
			// French Excel: narrow no-break space groups, euro sign, French headers.
			name: "french",
			data: "\ufeffDate facture;Partenaire;Client;Référence;Quantité;Prix unitaire;Montant HT;N° facture\r\n" +
				"31/07/2026;acme srl;Rossi Costruzioni;APPL-1;2;1\u202f150,25 €;2\u202f300,50 €;F-2026-0153\r\n" +
				"01/07/2026;P1;Bianchi & C.;CLOUD-PRO;3;49,00 €;147,00 €;F-2026-0154\r\n",
		},
		{
			// Dutch Excel: dd-mm-yyyy dates, "€ 1.150,25" with the symbol first.
			name: "dutch",
			data: "\ufeffFactuurdatum;Wederverkoper;Klant;Artikelcode;Aantal;Stukprijs;Bedrag;Factuurnummer\r\n" +
				"31-07-2026;Acme Srl;Rossi Costruzioni;APPL-1;2;€ 1.150,25;€ 2.300,50;F-2026-0153\r\n" +
				"1-7-2026;#1;Bianchi & C.;CLOUD-PRO;3;€ 49,00;€ 147,00;F-2026-0154\r\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := convertOK(t, imports.Sales, tt.data, fixture())
			if len(b.Sales) != 2 {
				t.Fatalf("%d sales, want 2", len(b.Sales))
			}
			s := b.Sales[0]
			// 2 x 1,150.25 = 2,300.50
			if s.Date != engine.MustDate("2026-07-31") || s.PartnerID != 1 || s.ProductID != 2 ||
				!s.Quantity.Equal(dec("2")) || !s.UnitPrice.Equal(dec("1150.25")) || !s.Net.Equal(dec("2300.50")) ||
				s.Invoice != "F-2026-0153" || s.Line != 1 || s.Customer != "Rossi Costruzioni" {
				t.Errorf("first sale = %+v", s)
			}
			s = b.Sales[1]
			// 3 x 49.00 = 147.00
			if s.Date != engine.MustDate("2026-07-01") || s.PartnerID != 1 || !s.Net.Equal(dec("147")) || s.Customer != "Bianchi & C." {
				t.Errorf("second sale = %+v", s)
			}
			if b.Lines[0] != 2 || b.Lines[1] != 3 {
				t.Errorf("lines %v, want [2 3]", b.Lines)
			}
		})
	}
}

func TestSalesQuotedNewlineKeepsLineNumbers(t *testing.T) {
	// The customer on line 2 spans lines 2-3, so the bad row is on line 4.
	data := "date,partner,customer,product,net,invoice\n" +
		"2026-07-02,Acme Srl,\"Rossi Costruzioni\nUfficio acquisti, Milano\",APPL-1,100.00,F-1\n" +
		"2026-07-02,Nobody,Verdi,APPL-1,100.00,F-2\n"
	_, errs := imports.Convert(imports.Sales, read(t, data), imports.Mapping{}, fixture())
	if len(errs) != 1 || errs[0].Line != 4 || errs[0].Column != "partner" {
		t.Fatalf("errors = %v, want one on line 4, column partner", errs)
	}
}

func TestSalesFiveBadRowsAllReported(t *testing.T) {
	// Seven rows: lines 2 and 8 are good, lines 3-7 each have a different fault,
	// and line 9 repeats line 2's invoice line while line 10 repeats a stored one.
	data := "date;partner;customer;product;quantity;unit_price;net;invoice;line\r\n" +
		"2026-07-01;Acme Srl;Rossi;APPL-1;1;100,00;100,00;F-1;1\r\n" + // 2 good
		"2026-07-01;Nobody Ltd;Rossi;APPL-1;1;100,00;100,00;F-2;1\r\n" + // 3 unknown partner
		"2026-07-32;Acme Srl;Rossi;APPL-1;1;100,00;100,00;F-3;1\r\n" + // 4 no day 32
		"2026-07-01;Acme Srl;Rossi;APPL-1;1;cento;100,00;F-4;1\r\n" + // 5 unparsable amount
		"2026-07-01;Acme Srl;Rossi;APPL-1;1;-100,00;-100,00;F-5;1\r\n" + // 6 negative price, not a return
		"2026-06-15;Beta BV;Rossi;APPL-1;1;100,00;100,00;F-6;1\r\n" + // 7 June is closed
		"2026-07-01;Beta BV;Rossi;APPL-1;2;50,00;100,00;F-7;1\r\n" + // 8 good
		"2026-07-01;Acme Srl;Rossi;APPL-1;1;100,00;100,00;F-1;1\r\n" + // 9 duplicate of line 2
		"2026-07-01;Acme Srl;Rossi;APPL-1;1;100,00;100,00;F-100;1\r\n" // 10 duplicate of stored sale 501
	look := fixture()
	b, errs := imports.Convert(imports.Sales, read(t, data), imports.Mapping{}, look)
	want := []struct {
		line   int
		column string
		reason string
	}{
		{3, "partner", `no partner has the name, id or referral code "Nobody Ltd"`},
		{4, "date", "has no day 32"},
		{5, "unit_price", `"cento" is not an amount`},
		{6, "unit_price", "negative"},
		{7, "date", "2026-06-15 is in a closed period"},
		{9, "line", "duplicate of line 2"},
		{10, "line", "already stored as sale #501"},
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i, w := range want {
		e := errs[i]
		if e.Line != w.line || e.Column != w.column || !strings.Contains(e.Reason, w.reason) {
			t.Errorf("error %d = %v, want line %d column %s reason containing %q", i, e, w.line, w.column, w.reason)
		}
	}
	// Nothing to write: the file is all or nothing.
	if b.Len() != 0 || len(b.Sales) != 0 {
		t.Errorf("batch holds %d records, want none", b.Len())
	}
	if _, ok := look.SaleLineExists(1, "F-1", 1); ok {
		t.Error("the lookup gained a sale")
	}
}

func TestSalesReturnsSplitsAndLines(t *testing.T) {
	data := "date,partner,rep,customer,product,quantity,unit_price,net,invoice,line,original_invoice,splits,registration\n" +
		// Lines default to the running count within the invoice: 1, 2.
		"2026-07-01,Acme Srl,Giulia Bianchi,Rossi,APPL-1,2,,300.00,F-9,,,,DR14\n" +
		"2026-07-01,Acme Srl,,Rossi,CLOUD-PRO,3,10.00,,F-9,,,\"P1:60;Beta BV/Piet Jansen:40\",\n" +
		// A return: negative quantity and net, naming the original invoice.
		"2026-07-20,Acme Srl,,Rossi,APPL-1,-1,150.00,-150.00,NC-1,,F-9,,\n"
	b := convertOK(t, imports.Sales, data, fixture())
	s := b.Sales
	// 300.00 / 2 = 150.00 per unit; registration 14 is Acme's.
	if s[0].Line != 1 || s[0].RepID != 7 || !s[0].UnitPrice.Equal(dec("150")) || s[0].RegistrationID != 14 {
		t.Errorf("sale 0 = %+v", s[0])
	}
	// 3 x 10.00 = 30.00; splits 60 % Acme, 40 % Beta's Piet.
	if s[1].Line != 2 || !s[1].Net.Equal(dec("30")) || len(s[1].Splits) != 2 ||
		s[1].Splits[0].PartnerID != 1 || !s[1].Splits[0].Share.Equal(dec("60")) ||
		s[1].Splits[1].PartnerID != 2 || s[1].Splits[1].RepID != 8 || !s[1].Splits[1].Share.Equal(dec("40")) {
		t.Errorf("sale 1 = %+v", s[1])
	}
	if !s[2].IsReturn() || s[2].OriginalInvoice != "F-9" || !s[2].Net.Equal(dec("-150")) || s[2].Line != 1 {
		t.Errorf("sale 2 = %+v", s[2])
	}
}

func TestSalesRuleViolations(t *testing.T) {
	tests := []struct {
		name   string
		row    string
		column string
		reason string
	}{
		{"negative net without original invoice", "2026-07-01,Acme Srl,Rossi,APPL-1,-1,100.00,-100.00,F-1,,,", "original_invoice", "needs the invoice it gives back"},
		{"original invoice on a sale", "2026-07-01,Acme Srl,Rossi,APPL-1,1,100.00,100.00,F-1,F-0,,", "original_invoice", "only a return"},
		// 3 x 40.00 = 120.00, not 100.00
		{"net does not match", "2026-07-01,Acme Srl,Rossi,APPL-1,3,40.00,100.00,F-1,,,", "net", "120.00"},
		{"splits short of 100", "2026-07-01,Acme Srl,Rossi,APPL-1,1,100.00,100.00,F-1,,P1:60;P2:30,", "splits", "add up to 90"},
		{"split partner unknown", "2026-07-01,Acme Srl,Rossi,APPL-1,1,100.00,100.00,F-1,,Nobody:100,", "splits", "Nobody"},
		{"unknown product", "2026-07-01,Acme Srl,Rossi,NOPE,1,100.00,100.00,F-1,,,", "product", "NOPE"},
		{"closed with booked in closed", "2026-06-10,Acme Srl,Rossi,APPL-1,1,100.00,100.00,F-1,,,2026-06-30", "booked", "closed period too"},
		{"opposite signs", "2026-07-01,Acme Srl,Rossi,APPL-1,-2,,100.00,F-1,,,", "net", "opposite signs"},
		{"a good row has no errors", "2026-07-01,Acme Srl,Rossi,APPL-1,1,100.00,100.00,F-1,,,", "", ""},
	}
	header := "date,partner,customer,product,quantity,unit_price,net,invoice,original_invoice,splits,booked\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := imports.Convert(imports.Sales, read(t, header+tt.row+"\n"), imports.Mapping{}, fixture())
			if tt.column == "" {
				if len(errs) != 0 {
					t.Fatalf("errors %v, want none", errs)
				}
				return
			}
			if len(errs) != 1 || errs[0].Column != tt.column || !strings.Contains(errs[0].Reason, tt.reason) || errs[0].Line != 2 {
				t.Fatalf("errors = %v, want one on line 2 column %s mentioning %q", errs, tt.column, tt.reason)
			}
		})
	}
}

func TestLateSaleWithBookedDate(t *testing.T) {
	data := "date,partner,customer,product,net,invoice,booked\n2026-06-10,Acme Srl,Rossi,APPL-1,100.00,F-1,2026-07-02\n"
	b := convertOK(t, imports.Sales, data, fixture())
	if s := b.Sales[0]; s.Booked != engine.MustDate("2026-07-02") || s.BookDate() != engine.MustDate("2026-07-02") {
		t.Errorf("sale = %+v, want booked 2026-07-02", s)
	}
}

func TestSalesPartnerByReferralCodeColumn(t *testing.T) {
	data := "date,referral_code,customer,product,net,invoice\n2026-07-02,acme10,Rossi,CLOUD-PRO,49.00,F-1\n"
	b := convertOK(t, imports.Sales, data, fixture())
	if s := b.Sales[0]; s.PartnerID != 1 || s.ReferralCode != "acme10" {
		t.Errorf("sale = %+v, want partner 1 with the code", s)
	}
}

func TestSalesXLSXWithSerialDates(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"Date", "Partner", "Customer", "SKU", "Qty", "Net", "Invoice"},
		{time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC), "Beta BV", "Van Dijk", "APPL-1", 2, 2300.5, "INV-77"},
		{46204, "Acme Srl", "Rossi", "CLOUD-PRO", 1, 49, 1001}, // 46204 - 25569 = 20635 days: 2026-07-01
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle(sh, "A2", "A3", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := sheet.Read(&buf, "sales.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	b, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, fixture())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s := b.Sales[0]; s.Date != engine.MustDate("2026-07-31") || !s.Net.Equal(dec("2300.5")) || s.PartnerID != 2 {
		t.Errorf("sale 0 = %+v", s)
	}
	if s := b.Sales[1]; s.Date != engine.MustDate("2026-07-01") || s.Invoice != "1001" || !s.Net.Equal(dec("49")) {
		t.Errorf("sale 1 = %+v", s)
	}
}

func TestTemplatesImportClean(t *testing.T) {
	for _, kind := range imports.Kinds {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(string(kind)+" "+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := imports.WriteTemplate(&buf, kind, format); err != nil {
					t.Fatal(err)
				}
				tab, err := sheet.Read(&buf, "template."+format)
				if err != nil {
					t.Fatal(err)
				}
				look := imports.NewMemLookup(engine.NewCurrency("EUR"))
				if kind != imports.Partners {
					look.AddPartner(engine.Partner{ID: 1, Name: "Acme Srl"}).AddPartner(engine.Partner{ID: 2, Name: "Beta BV"})
				}
				if kind != imports.Partners && kind != imports.Reps {
					look.AddRep(engine.Rep{ID: 7, PartnerID: 1, Name: "Giulia Bianchi"}).AddRep(engine.Rep{ID: 8, PartnerID: 2, Name: "Piet Jansen"})
				}
				if kind != imports.Products {
					look.AddProduct(engine.Product{ID: 1, SKU: "CLOUD-PRO"}).AddProduct(engine.Product{ID: 2, SKU: "APPL-1"})
				}
				m := imports.GuessMapping(kind, tab.Header)
				if len(m.Columns) != len(imports.Fields(kind)) {
					t.Errorf("the template maps %d of %d fields", len(m.Columns), len(imports.Fields(kind)))
				}
				b, errs := imports.Convert(kind, tab, imports.Mapping{}, look)
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				_, want := imports.Template(kind)
				if b.Len() != len(want) || len(b.Ignored) != 0 {
					t.Errorf("%d records, ignored %v; want %d and none", b.Len(), b.Ignored, len(want))
				}
			})
		}
	}
}

func TestOtherKinds(t *testing.T) {
	look := fixture()
	t.Run("partners", func(t *testing.T) {
		data := "name,kind,country,referral_code,email\n" +
			"Gamma GmbH,distributor,de,GAMMA,info@gamma.example\n" +
			"acme srl,reseller,IT,,\n" + // already stored
			"Delta,wholesaler,ITA,ACME10,not-an-email\n" + // four faults
			"Gamma GmbH,isv,DE,,\n" // duplicate of line 2
		_, errs := imports.Convert(imports.Partners, read(t, data), imports.Mapping{}, look)
		want := []string{"3 name already stored", "4 kind", "4 country", "4 email", "4 referral_code", "5 name duplicate of line 2"}
		got := make([]string, len(errs))
		for i, e := range errs {
			got[i] = fmt.Sprintf("%d %s %s", e.Line, e.Column, e.Reason)
		}
		if len(errs) != len(want) {
			t.Fatalf("errors:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
		}
		for i, w := range want {
			f := strings.Fields(w)
			if !strings.HasPrefix(got[i], f[0]+" "+f[1]) || len(f) > 2 && !strings.Contains(got[i], strings.Join(f[2:], " ")) {
				t.Errorf("error %d = %q, want %q", i, got[i], w)
			}
		}
	})
	t.Run("reps", func(t *testing.T) {
		b := convertOK(t, imports.Reps, "partner,name,role,active\nBeta BV,Anna,sales,no\n", look)
		if r := b.Reps[0]; r.PartnerID != 2 || r.Name != "Anna" || r.Active {
			t.Errorf("rep = %+v", r)
		}
	})
	t.Run("products", func(t *testing.T) {
		b := convertOK(t, imports.Products, "sku;name;list_price;subscription\nNEW-1;New;1.234,50;sì\n", look)
		// 1.234,50 with a semicolon file and a decimal comma is 1234.50
		if p := b.Products[0]; !p.ListPrice.Equal(dec("1234.5")) || !p.Subscription {
			t.Errorf("product = %+v", p)
		}
	})
	t.Run("registrations", func(t *testing.T) {
		_, errs := imports.Convert(imports.Registrations, read(t, "partner,customer,submitted,decision\nAcme Srl,Verdi,2026-07-01,approved\n"), imports.Mapping{}, look)
		if len(errs) != 1 || errs[0].Column != "decided_on" {
			t.Errorf("errors %v, want decided_on required", errs)
		}
		b := convertOK(t, imports.Registrations, "partner,customer,submitted\nAcme Srl,Verdi,2026-07-01\n", look)
		if g := b.Registrations[0]; g.WindowDays != imports.DefaultWindowDays || g.Decision != engine.DecisionPending || g.Outcome != engine.OutcomeOpen {
			t.Errorf("registration = %+v", g)
		}
	})
	t.Run("trainings", func(t *testing.T) {
		b := convertOK(t, imports.Trainings, "rep,course,completed,certification,valid_until\nR7,Cloud Pro Sales,2026-07-01,yes,2027-07-01\n", look)
		if tr := b.Trainings[0]; tr.RepID != 7 || !tr.Certification || tr.ValidUntil != engine.MustDate("2027-07-01") {
			t.Errorf("training = %+v", tr)
		}
		_, errs := imports.Convert(imports.Trainings, read(t, "rep,course,completed\nGiulia Bianchi,X,2026-07-01\n"), imports.Mapping{}, look)
		if len(errs) != 1 || errs[0].Column != "rep" {
			t.Errorf("errors %v, want the rep named without a partner refused", errs)
		}
	})
	t.Run("activities", func(t *testing.T) {
		b := convertOK(t, imports.Activities, "partner,rep,type,date\nP2,Piet Jansen,Demo,2026-07-03\n", look)
		if a := b.Activities[0]; a.PartnerID != 2 || a.RepID != 8 || a.Type != "demo" {
			t.Errorf("activity = %+v", a)
		}
		_, errs := imports.Convert(imports.Activities, read(t, "partner,rep,type,date\nP2,Giulia Bianchi,demo,2026-06-03\n"), imports.Mapping{}, look)
		if len(errs) != 2 {
			t.Errorf("errors %v, want a rep of another partner and a closed date", errs)
		}
	})
}

func TestMapping(t *testing.T) {
	header := []string{"N° Fattura", "Data", "Rivenditore", "Cliente", "Codice articolo", "Importo", "Colonna extra"}
	m := imports.GuessMapping(imports.Sales, header)
	want := map[string]string{"invoice": "N° Fattura", "date": "Data", "partner": "Rivenditore", "customer": "Cliente", "product": "Codice articolo", "net": "Importo"}
	for f, h := range want {
		if m.Columns[f] != h {
			t.Errorf("field %s mapped to %q, want %q", f, m.Columns[f], h)
		}
	}
	m.Name = "erp"
	yes := true
	m.DecimalComma = &yes
	raw, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := imports.ParseMapping(raw)
	if err != nil || back.Name != "erp" || back.Columns["net"] != "Importo" || back.DecimalComma == nil || !*back.DecimalComma {
		t.Fatalf("round trip = %+v, %v", back, err)
	}
	// The mapping fits a file with the columns in another order and
	// forced decimal comma reads 1.234 as 1234.
	data := "Importo,Colonna extra,Cliente,Rivenditore,Data,Codice articolo,N° Fattura\n\"1.234\",x,Rossi,Acme Srl,02/07/2026,APPL-1,F-1\n"
	b, errs := imports.Convert(imports.Sales, read(t, data), back, fixture())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !b.Sales[0].Net.Equal(dec("1234")) || len(b.Ignored) != 1 || b.Ignored[0] != "Colonna extra" {
		t.Errorf("sale %+v, ignored %v", b.Sales[0], b.Ignored)
	}
	// A file without a mapped column, and without a required one, is refused at the header.
	_, errs = imports.Convert(imports.Sales, read(t, "Data,Cliente\n02/07/2026,Rossi\n"), back, fixture())
	if len(errs) == 0 || errs[0].Line != 1 {
		t.Errorf("errors %v, want problems on the header line", errs)
	}
	if _, err := imports.ParseMapping([]byte(`{"name":"x","kind":"sales","columns":{"colour":"Colore"}}`)); err == nil {
		t.Error("ParseMapping accepted an unknown field")
	}
}

func TestImportDocListsEveryField(t *testing.T) {
	doc, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range imports.Kinds {
		for _, f := range imports.Fields(k) {
			if !strings.Contains(string(doc), "| `"+f.Name+"` |") {
				t.Errorf("docs/import.md does not list %s column %s", k, f.Name)
			}
		}
	}
}
