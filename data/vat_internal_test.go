package data

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestPartnerTaxFieldsCodec: a partner stored before addresses and tax ids
// reads with both empty and, written again, gives back the very same bytes
// (the new fields are omitted when empty); a partner with both keeps them.
func TestPartnerTaxFieldsCodec(t *testing.T) {
	k := kinds[0]
	if k.name != KindPartner {
		t.Fatalf("kinds[0] is %s", k.name)
	}
	old := `{"id":7,"name":"Acme Srl","kind":"reseller","country":"IT","status":"active"}`
	var p engine.Partner
	if err := decode(k, 7, []byte(old), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "Acme Srl" || p.Country != "IT" || p.Address != "" || p.TaxID != "" {
		t.Fatalf("old partner read as %+v", p)
	}
	b, err := encode(k, &p)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != old {
		t.Errorf("old partner re-encoded as %s, want %s", b, old)
	}
	p.Address, p.TaxID = "Via Roma 12\n20121 Milano MI\nItalia", "IT01234567890"
	if b, err = encode(k, &p); err != nil {
		t.Fatal(err)
	}
	var q engine.Partner
	if err := decode(k, 7, b, &q); err != nil {
		t.Fatal(err)
	}
	if q.Address != p.Address || q.TaxID != p.TaxID {
		t.Errorf("round trip gave address %q tax id %q, want %q %q", q.Address, q.TaxID, p.Address, p.TaxID)
	}
}

// TestOldCompanyReadsWithoutTaxID: a company stored before the tax id
// reads with an empty one and everything else as it was; a tax id saved
// reads back.
func TestOldCompanyReadsWithoutTaxID(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "pd.db"), Options{Now: func() time.Time { return time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old := `{"name":"Nordlicht Software GmbH","address":"Am Sandtorkai 54\n20457 Hamburg","currency":{"code":"EUR","minor_units":2},"fiscal_year_start":1,"language":"en"}`
	if err := s.db.Update(func(btx *bolt.Tx) error {
		b, err := btx.CreateBucketIfNotExists(bSingletons)
		if err != nil {
			return err
		}
		return b.Put([]byte("company"), []byte(old))
	}); err != nil {
		t.Fatal(err)
	}
	var c engine.Company
	if err := s.View(func(tx *Tx) error { c, err = tx.Company(); return err }); err != nil {
		t.Fatal(err)
	}
	if c.Name != "Nordlicht Software GmbH" || c.Address != "Am Sandtorkai 54\n20457 Hamburg" || c.Currency.Code != "EUR" || c.TaxID != "" {
		t.Fatalf("old company read as %+v", c)
	}
	c.TaxID = "DE298765431"
	if err := s.Update("t", func(tx *Tx) error { return tx.PutCompany(c) }); err != nil {
		t.Fatal(err)
	}
	if err := s.View(func(tx *Tx) error { c, err = tx.Company(); return err }); err != nil {
		t.Fatal(err)
	}
	if c.TaxID != "DE298765431" {
		t.Errorf("tax id read back as %q", c.TaxID)
	}
}
