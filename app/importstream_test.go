package app_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// TestStreamedImportReportsAsConversion: Service.Import writes each good
// sale as soon as it is checked and checks later rows against the store
// (issue 17), while imports.Convert keeps the file's rows in memory. On
// random small files full of problems (duplicates in the file and in the
// store, rows without line numbers, returns of lines of the same file,
// closed periods, unknown partners and products, bad numbers) both must
// report the same problems, line for line, and a good file must store
// exactly the sales Convert returns. Good files are imported, so later
// files meet more stored sales.
func TestStreamedImportReportsAsConversion(t *testing.T) {
	svc := streamWorld(t)
	dir := t.TempDir()
	r := rand.New(rand.NewSource(17))
	imported := 0
	for i := 0; i < 300; i++ {
		text := randomSalesFile(r)
		path := filepath.Join(dir, fmt.Sprintf("f%d.csv", i))
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		want, wantErrs := convertFromStore(t, svc, text)
		rep, err := svc.Import("sales", path, nil, true, nil)
		if len(wantErrs) > 0 {
			if err != app.ErrImportRejected || fmt.Sprint(rep.Errors) != fmt.Sprint(wantErrs) {
				t.Fatalf("file:\n%s\nimport (dry run): %v\n%v\nconvert:\n%v", text, err, rep.Errors, wantErrs)
			}
			continue
		}
		if err != nil || rep.Written != 0 || rep.Rows != len(want.Sales) {
			t.Fatalf("file:\n%s\ndry run: %v, %d written, %d rows; want %d rows", text, err, rep.Written, rep.Rows, len(want.Sales))
		}
		last := lastSaleID(t, svc)
		rep, err = svc.Import("sales", path, nil, false, nil)
		if err != nil || rep.Written != len(want.Sales) {
			t.Fatalf("file:\n%s\nimport: %v, %d written, want %d", text, err, rep.Written, len(want.Sales))
		}
		var got []engine.Sale
		err = svc.Store().View(func(tx *data.Tx) error {
			return data.Each(tx, func(s *engine.Sale) error {
				if s.ID > last {
					c := *s
					c.ID, c.CustomerCode = 0, 0 // the store's numbers; a conversion has none
					got = append(got, c)
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want.Sales) {
			t.Fatalf("file:\n%s\nstored:  %v\nconvert: %v", text, got, want.Sales)
		}
		imported++
	}
	if imported < 10 {
		t.Errorf("only %d of the random files were good; the test checks too little of the writing", imported)
	}
}

// streamWorld: Acme (rep Ada) and Beta (referral code BET, rep Bob)
// active, Gone ended; products P1 and P2; invoice S1 of Acme (2 x P1,
// July 1) and its return R0; June 2026 closed.
func streamWorld(t *testing.T) *app.Service {
	t.Helper()
	svc := badWorld(t)
	st := svc.Store()
	err := st.Update("tester", func(tx *data.Tx) error {
		acme := &engine.Partner{Name: "Acme", ReferralCode: "ACM", Kind: engine.KindReseller, Status: engine.StatusActive}
		beta := &engine.Partner{Name: "Beta", ReferralCode: "BET", Kind: engine.KindReseller, Status: engine.StatusActive}
		gone := &engine.Partner{Name: "Gone", Kind: engine.KindReseller, Status: engine.StatusEnded}
		for _, p := range []*engine.Partner{acme, beta, gone} {
			if err := tx.Put(p); err != nil {
				return err
			}
		}
		for _, rp := range []*engine.Rep{{PartnerID: acme.ID, Name: "Ada", Active: true}, {PartnerID: beta.ID, Name: "Bob", Active: true}} {
			if err := tx.Put(rp); err != nil {
				return err
			}
		}
		p1 := &engine.Product{SKU: "P1", Name: "One"}
		p2 := &engine.Product{SKU: "P2", Name: "Two"}
		for _, p := range []*engine.Product{p1, p2} {
			if err := tx.Put(p); err != nil {
				return err
			}
		}
		ten := decimal.NewFromInt(10)
		s1 := &engine.Sale{Date: engine.MustDate("2026-07-01"), PartnerID: acme.ID, ProductID: p1.ID, Customer: "X",
			Quantity: decimal.NewFromInt(2), UnitPrice: ten, Net: decimal.NewFromInt(20), Invoice: "S1", Line: 1}
		r0 := &engine.Sale{Date: engine.MustDate("2026-07-02"), PartnerID: acme.ID, ProductID: p1.ID, Customer: "X",
			Quantity: decimal.NewFromInt(-1), UnitPrice: ten, Net: ten.Neg(), Invoice: "R0", Line: 1, OriginalInvoice: "S1"}
		for _, s := range []*engine.Sale{s1, r0} {
			if err := tx.Put(s); err != nil {
				return err
			}
		}
		return tx.ClosePeriod(engine.PeriodState{Key: "2026-06", Start: engine.MustDate("2026-06-01"), End: engine.MustDate("2026-06-30")})
	})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// convertFromStore converts text with imports.Convert against everything
// the store holds, loaded into memory.
func convertFromStore(t *testing.T, svc *app.Service, text string) (imports.Batch, []imports.RowError) {
	t.Helper()
	tab, err := sheet.Read(bytes.NewReader([]byte(text)), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	look := imports.NewMemLookup(engine.NewCurrency("EUR"))
	err = svc.Store().View(func(tx *data.Tx) error {
		if err := data.Each(tx, func(p *engine.Partner) error { look.AddPartner(*p); return nil }); err != nil {
			return err
		}
		if err := data.Each(tx, func(r *engine.Rep) error { look.AddRep(*r); return nil }); err != nil {
			return err
		}
		if err := data.Each(tx, func(p *engine.Product) error { look.AddProduct(*p); return nil }); err != nil {
			return err
		}
		if err := data.Each(tx, func(s *engine.Sale) error { look.AddSale(*s); return nil }); err != nil {
			return err
		}
		states, err := tx.PeriodStates()
		for _, st := range states {
			if st.Closed {
				look.AddClosed(engine.Period{Key: st.Key, Start: st.Start, End: st.End})
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return imports.Convert(imports.Sales, tab, imports.Mapping{}, look)
}

func lastSaleID(t *testing.T, svc *app.Service) engine.ID {
	t.Helper()
	var id engine.ID
	err := svc.Store().View(func(tx *data.Tx) error {
		var err error
		id, err = tx.LastSaleID()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func pickOne(r *rand.Rand, xs ...string) string { return xs[r.Intn(len(xs))] }

// randomSalesFile writes 1 to 12 rows, most of them plausible (every one,
// in a "clean" file, but for duplicates and returns beyond what was sold),
// with the line, rep and splits/booked/referral columns each present or not.
func randomSalesFile(r *rand.Rand) string {
	withLine, withRep, withExtra := r.Intn(3) > 0, r.Intn(2) == 0, r.Intn(3) == 0
	clean := r.Intn(2) == 0
	pick := func(good int, xs ...string) string {
		if clean {
			return xs[r.Intn(good)]
		}
		return xs[r.Intn(len(xs))]
	}
	var b strings.Builder
	b.WriteString("date,partner,customer,product,quantity,unit_price,net,invoice,original_invoice")
	if withLine {
		b.WriteString(",line")
	}
	if withRep {
		b.WriteString(",rep")
	}
	if withExtra {
		b.WriteString(",splits,booked,referral_code")
	}
	b.WriteString("\n")
	// Invoices numbered per file (and some shared by every file), so
	// that a good file can be imported and the next is not all duplicates.
	tag := fmt.Sprint(r.Intn(1 << 30))
	inv := []string{"F" + tag, "G" + tag, "S1", "", "F" + tag, "R" + tag, "SHARED"}
	for n := 1 + r.Intn(12); n > 0; n-- {
		qty, price, net, orig := pick(3, "1", "2", "3", "", "1", "x"), pick(2, "10", "10.00", "", "5", "10"), pick(3, "", "", "", "20"), ""
		if r.Intn(4) == 0 { // a return
			qty, price, net = pickOne(r, "-1", "-2", "-3"), "10", ""
			orig = pick(3, inv[0], inv[1], "S1", "R0", "")
		}
		invoice := inv[r.Intn(len(inv))]
		if clean {
			invoice = inv[r.Intn(2)]
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s,%s",
			pick(3, "2026-07-03", "2026-07-04", "2026-07-01", "2026-06-10", "bad", "2026-07-03"),
			pick(3, "Acme", "ACM", "Beta", "Nobody", "", "Gone", "Acme", "Acme"),
			pick(2, "C", "D", "", "C"),
			pick(2, "P1", "P2", "P1", "P3"),
			qty, price, net, invoice, orig)
		if withLine {
			b.WriteString("," + pick(4, "1", "2", "", "3", "x", "1"))
		}
		if withRep {
			b.WriteString("," + pick(1, "", "Ada", "Bob", ""))
		}
		if withExtra {
			b.WriteString("," + pick(1, "", "", "Acme:50;Beta:50", "Acme:60;Beta:50", "Acme/Ada:100", "Nobody:100"))
			b.WriteString("," + pick(1, "", "", "2026-07-05", "2026-06-20", "x"))
			b.WriteString("," + pick(1, "", "", "ACM", "BET", "ZZZ"))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestImportNumbersTheLinesOfALongInvoice: a file without line numbers
// gives each row of an invoice its position among the invoice's rows. The
// position is counted as the rows stream by, never by reading the
// invoice's earlier lines back per row: 20,000 lines of one invoice would
// read 200 million sales.
func TestImportNumbersTheLinesOfALongInvoice(t *testing.T) {
	svc := streamWorld(t)
	var b strings.Builder
	b.WriteString("date,partner,customer,product,quantity,unit_price,invoice\n")
	const n = 20_000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "2026-07-03,Beta,C%d,P2,1,10,BIG\n", i)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	last := lastSaleID(t, svc)
	rep, err := svc.Import("sales", path, nil, false, nil)
	if err != nil || rep.Written != n {
		t.Fatalf("import: %v, %d written", err, rep.Written)
	}
	err = svc.Store().View(func(tx *data.Tx) error {
		return data.Each(tx, func(s *engine.Sale) error {
			// Row i (customer C<i>) is the invoice's line i+1.
			if s.ID > last && s.Customer != fmt.Sprintf("C%d", s.Line-1) {
				return fmt.Errorf("sale %d: line %d, customer %s", s.ID, s.Line, s.Customer)
			}
			return nil
		})
	})
	if err != nil {
		t.Error(err)
	}
}
