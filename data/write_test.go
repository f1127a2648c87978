package data_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

func audit(tb testing.TB, s *data.Store) []engine.AuditEntry {
	tb.Helper()
	var es []engine.AuditEntry
	err := s.View(func(tx *data.Tx) error {
		var err error
		es, err = tx.RecentAudit(1000)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return es
}

func TestPutAuditsEachChange(t *testing.T) {
	s, _ := openTemp(t)
	var id engine.ID
	err := s.Update("Giulia", func(tx *data.Tx) error {
		p := &engine.Partner{Name: "Café Réseau", Kind: engine.KindVAR, Status: engine.StatusProspect}
		if err := tx.Put(p); err != nil {
			return err
		}
		id = p.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if id != 1 {
		t.Errorf("first partner id = %d, want 1", id)
	}
	err = s.Update("Marco", func(tx *data.Tx) error {
		p, err := data.Get[engine.Partner](tx, id)
		if err != nil {
			return err
		}
		p.Status = engine.StatusActive
		return tx.Put(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("Marco", func(tx *data.Tx) error { return tx.Delete(data.KindPartner, id) }); err != nil {
		t.Fatal(err)
	}
	es := audit(t, s)
	if len(es) != 3 {
		t.Fatalf("audit entries = %d, want 3", len(es))
	}
	// Newest first: delete, update, create.
	want := []struct{ action, op string }{{"delete", "Marco"}, {"update", "Marco"}, {"create", "Giulia"}}
	for i, w := range want {
		e := es[i]
		if e.Action != w.action || e.Operator != w.op || e.Kind != data.KindPartner || e.RecordID != id || !e.At.Equal(clock) {
			t.Errorf("entry %d = %s by %s on %s %d at %v, want %s by %s on partner %d", i, e.Action, e.Operator, e.Kind, e.RecordID, e.At, w.action, w.op, id)
		}
	}
	var before, after engine.Partner
	if err := json.Unmarshal(es[1].Before, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(es[1].After, &after); err != nil {
		t.Fatal(err)
	}
	if before.Status != engine.StatusProspect || after.Status != engine.StatusActive {
		t.Errorf("update before/after status = %s/%s, want prospect/active", before.Status, after.Status)
	}
	if es[2].Before != nil || es[0].After != nil {
		t.Errorf("create has before %s, delete has after %s; want neither", es[2].Before, es[0].After)
	}
}

func TestAuditRollsBackWithChange(t *testing.T) {
	s, _ := openTemp(t)
	boom := errors.New("boom")
	err := s.Update("x", func(tx *data.Tx) error {
		if err := tx.Put(&engine.Partner{Name: "Gone", Kind: engine.KindISV}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	if es := audit(t, s); len(es) != 0 {
		t.Errorf("audit entries after rollback = %d, want 0", len(es))
	}
	s.View(func(tx *data.Tx) error {
		n, _ := tx.Count(data.KindPartner)
		if n != 0 {
			t.Errorf("partners after rollback = %d, want 0", n)
		}
		return nil
	})
}

func TestGetMissingIsNotFound(t *testing.T) {
	s, _ := openTemp(t)
	s.View(func(tx *data.Tx) error {
		_, err := data.Get[engine.Sale](tx, 42)
		if !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("Get missing sale = %v, want ErrNotFound", err)
		}
		return nil
	})
	err := s.Update("x", func(tx *data.Tx) error { return tx.Delete(data.KindRep, 9) })
	if !errors.Is(err, engine.ErrNotFound) {
		t.Errorf("Delete missing rep = %v, want ErrNotFound", err)
	}
	err = s.Update("x", func(tx *data.Tx) error { return tx.Put(&engine.Company{}) })
	if err == nil {
		t.Error("Put of a non-record type succeeded")
	}
}

func TestSaleRoundTripAndEach(t *testing.T) {
	s, _ := openTemp(t)
	pid, rid, prod := seed(t, s)
	in := sale(pid, prod, "2026-07-03", "INV-1", 1, "1234.5")
	in.RepID, in.NewCustomer, in.RegistrationID, in.ReferralCode = rid, true, 7, "REF-ΑΒΓ"
	in.Quantity, in.UnitPrice = dec("3"), dec("411.50")
	in.Splits = []engine.CreditSplit{{PartnerID: pid, RepID: rid, Share: dec("60")}, {PartnerID: pid, Share: dec("40")}}
	if err := s.Update("x", func(tx *data.Tx) error { return tx.Put(in) }); err != nil {
		t.Fatal(err)
	}
	var got []engine.Sale
	s.View(func(tx *data.Tx) error {
		var err error
		got, err = data.All[engine.Sale](tx)
		return err
	})
	if len(got) != 1 {
		t.Fatalf("sales = %d, want 1", len(got))
	}
	g := got[0]
	if g.ID != in.ID || g.Date != in.Date || g.RepID != rid || !g.NewCustomer || g.NewProduct || g.RegistrationID != 7 ||
		g.ReferralCode != "REF-ΑΒΓ" || !g.Net.Equal(dec("1234.50")) || !g.UnitPrice.Equal(dec("411.5")) ||
		len(g.Splits) != 2 || !g.Splits[0].Share.Equal(dec("60")) || g.Splits[1].RepID != 0 || g.Customer != "Müller GmbH" {
		t.Errorf("stored sale = %+v, want %+v", g, *in)
	}
}

func TestDuplicateInvoiceLineRefused(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, prod := seed(t, s)
	first := sale(pid, prod, "2026-07-01", "INV-7", 1, "100")
	if err := s.Update("x", func(tx *data.Tx) error { return tx.Put(first) }); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		sale    *engine.Sale
		wantDup bool
	}{
		{"same partner invoice line", sale(pid, prod, "2026-07-09", "INV-7", 1, "5"), true},
		{"next line", sale(pid, prod, "2026-07-01", "INV-7", 2, "5"), false},
		{"other invoice", sale(pid, prod, "2026-07-01", "INV-70", 1, "5"), false},
		{"the same sale updated", func() *engine.Sale { c := *first; c.Net = dec("90"); return &c }(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Update("x", func(tx *data.Tx) error { return tx.Put(tt.sale) })
			if tt.wantDup {
				if !errors.Is(err, engine.ErrDuplicate) {
					t.Fatalf("Put = %v, want ErrDuplicate", err)
				}
				if !strings.Contains(err.Error(), "sale 1 already holds it") {
					t.Errorf("message %q does not name the stored sale 1", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Put = %v, want success", err)
			}
		})
	}
	s.View(func(tx *data.Tx) error {
		inv, err := tx.SalesByInvoice(pid, "INV-7")
		if err != nil {
			t.Fatal(err)
		}
		// Lines 1 (updated to 90) and 2; INV-70 is another invoice.
		if len(inv) != 2 || inv[0].Line != 1 || inv[1].Line != 2 || !inv[0].Net.Equal(dec("90")) {
			t.Errorf("SalesByInvoice(INV-7) = %+v, want lines 1 (net 90) and 2", inv)
		}
		got, err := tx.SaleByInvoiceLine(pid, "INV-70", 1)
		if err != nil || got.Invoice != "INV-70" {
			t.Errorf("SaleByInvoiceLine(INV-70, 1) = %+v, %v", got, err)
		}
		if _, err := tx.SaleByInvoiceLine(pid, "INV-7", 3); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("SaleByInvoiceLine(INV-7, 3) = %v, want ErrNotFound", err)
		}
		return nil
	})
}

func TestSalesBetweenReadsExactlyThePeriod(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, prod := seed(t, s)
	var other engine.ID
	dates := []string{"2026-06-30", "2026-07-01", "2026-07-15", "2026-07-31", "2026-08-01", "1969-12-31"}
	err := s.Update("x", func(tx *data.Tx) error {
		p := &engine.Partner{Name: "日本パートナー", Kind: engine.KindMSP}
		if err := tx.Put(p); err != nil {
			return err
		}
		other = p.ID
		for i, d := range dates {
			if err := tx.Put(sale(pid, prod, d, "A", i+1, "10")); err != nil {
				return err
			}
			if err := tx.Put(sale(other, prod, d, "B", i+1, "20")); err != nil {
				return err
			}
		}
		// A late sale dated in June but booked in July counts in July.
		late := sale(pid, prod, "2026-06-10", "LATE", 1, "1")
		late.Booked = engine.MustDate("2026-07-20")
		return tx.Put(late)
	})
	if err != nil {
		t.Fatal(err)
	}
	jul := engine.Month(engine.MustDate("2026-07-01"))
	collect := func(fn func(tx *data.Tx, f func(*engine.Sale) error) error) []string {
		var got []string
		s.View(func(tx *data.Tx) error {
			return fn(tx, func(s *engine.Sale) error {
				got = append(got, s.BookDate().String()+"/"+s.Invoice)
				return nil
			})
		})
		return strings.Fields(strings.Join(got, " "))
	}
	got := collect(func(tx *data.Tx, f func(*engine.Sale) error) error { return tx.SalesBetween(jul.Start, jul.End, f) })
	// July: 3 dates x 2 partners + the late sale, in date then id order.
	want := "2026-07-01/A 2026-07-01/B 2026-07-15/A 2026-07-15/B 2026-07-20/LATE 2026-07-31/A 2026-07-31/B"
	if strings.Join(got, " ") != want {
		t.Errorf("SalesBetween(July) = %v\nwant %v", got, want)
	}
	// AppendSalesBetween reads the same sales, decoded into one slice.
	got = collect(func(tx *data.Tx, f func(*engine.Sale) error) error {
		ss, err := tx.AppendSalesBetween(nil, jul.Start, jul.End)
		for i := range ss {
			if err := f(&ss[i]); err != nil {
				return err
			}
		}
		return err
	})
	if strings.Join(got, " ") != want {
		t.Errorf("AppendSalesBetween(July) = %v\nwant %v", got, want)
	}
	got = collect(func(tx *data.Tx, f func(*engine.Sale) error) error {
		return tx.SalesOfPartner(other, jul.Start, jul.End, f)
	})
	if strings.Join(got, " ") != "2026-07-01/B 2026-07-15/B 2026-07-31/B" {
		t.Errorf("SalesOfPartner(other, July) = %v", got)
	}
	got = collect(func(tx *data.Tx, f func(*engine.Sale) error) error {
		return tx.SalesBetween(engine.MustDate("1969-01-01"), engine.MustDate("1970-01-02"), f)
	})
	if len(got) != 2 {
		t.Errorf("sales of 1969 = %v, want the two dated 1969-12-31", got)
	}
	// Stop ends the walk early without an error.
	n := 0
	err = s.View(func(tx *data.Tx) error {
		return tx.SalesBetween(jul.Start, jul.End, func(*engine.Sale) error { n++; return data.Stop })
	})
	if err != nil || n != 1 {
		t.Errorf("walk with Stop: n = %d, err = %v; want 1, nil", n, err)
	}
}

func TestSaleUpdateMovesIndexes(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, prod := seed(t, s)
	x := sale(pid, prod, "2026-07-01", "M", 1, "10")
	if err := s.Update("x", func(tx *data.Tx) error { return tx.Put(x) }); err != nil {
		t.Fatal(err)
	}
	x.Date = engine.MustDate("2026-09-01")
	x.Invoice = "N"
	if err := s.Update("x", func(tx *data.Tx) error { return tx.Put(x) }); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *data.Tx) error {
		jul, sep := 0, 0
		tx.SalesBetween(engine.MustDate("2026-07-01"), engine.MustDate("2026-07-31"), func(*engine.Sale) error { jul++; return nil })
		tx.SalesOfPartner(pid, engine.MustDate("2026-09-01"), engine.MustDate("2026-09-30"), func(*engine.Sale) error { sep++; return nil })
		if jul != 0 || sep != 1 {
			t.Errorf("after moving the sale: July %d, September %d; want 0, 1", jul, sep)
		}
		if _, err := tx.SaleByInvoiceLine(pid, "M", 1); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("old invoice still indexed: %v", err)
		}
		return nil
	})
	// The partner has a sale, so it cannot be deleted.
	if err := s.Update("x", func(tx *data.Tx) error { return tx.Delete(data.KindPartner, pid) }); err == nil {
		t.Error("deleting a partner with sales succeeded")
	}
}

func TestSingletonsSettingsMappings(t *testing.T) {
	s, _ := openTemp(t)
	s.View(func(tx *data.Tx) error {
		if _, err := tx.Company(); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("Company on a new file = %v, want ErrNotFound", err)
		}
		if _, err := tx.Mapping("sale", "default"); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("Mapping on a new file = %v, want ErrNotFound", err)
		}
		return nil
	})
	c := engine.Company{Name: "Acme Srl", Currency: engine.NewCurrency("EUR"), FiscalYearStart: 4, Language: "it"}
	ladder := engine.TierLadder{WindowMonths: 12, Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold", Criteria: engine.TierCriteria{Revenue: dec("100000.00")}}}}
	err := s.Update("x", func(tx *data.Tx) error {
		if err := tx.PutCompany(c); err != nil {
			return err
		}
		if err := tx.PutLadder(ladder); err != nil {
			return err
		}
		if err := tx.PutSetting("operator", "Giulia"); err != nil {
			return err
		}
		if err := tx.PutSetting("operator", "Giulia"); err != nil { // unchanged: not audited
			return err
		}
		return tx.PutMapping("sale", "default", []byte(`{"A":"date"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *data.Tx) error {
		got, err := tx.Company()
		if err != nil || got.Name != "Acme Srl" || got.Currency.MinorUnits != 2 || got.FiscalYearStart != 4 {
			t.Errorf("Company = %+v, %v", got, err)
		}
		l, err := tx.Ladder()
		if err != nil || len(l.Levels) != 2 || !l.Levels[1].Criteria.Revenue.Equal(dec("100000")) {
			t.Errorf("Ladder = %+v, %v", l, err)
		}
		if v := tx.Setting("operator"); v != "Giulia" {
			t.Errorf("Setting(operator) = %q", v)
		}
		m, err := tx.Mapping("sale", "default")
		if err != nil || string(m) != `{"A":"date"}` {
			t.Errorf("Mapping = %s, %v", m, err)
		}
		return nil
	})
	// Company, ladder, one setting, one mapping.
	if n := len(audit(t, s)); n != 4 {
		t.Errorf("audit entries = %d, want 4", n)
	}
}
