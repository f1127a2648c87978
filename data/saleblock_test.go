package data

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// memCodes is a customers dictionary in memory.
type memCodes struct {
	codes map[string]uint64
	names []string
}

func (m *memCodes) customerCode(name string) (uint64, error) {
	if c, ok := m.codes[name]; ok {
		return c, nil
	}
	if m.codes == nil {
		m.codes, m.names = map[string]uint64{}, []string{""}
	}
	m.names = append(m.names, name)
	m.codes[name] = uint64(len(m.names) - 1)
	return m.codes[name], nil
}

func (m *memCodes) customerName(c uint64) (string, error) {
	return customerList(m.names).customerName(c)
}

// TestSaleBlockReadsAsTheOldCodec: random sales written as a block read
// back exactly as the schema 3 codec read them (the same canonical
// decimals, exponents included, strings, splits, optional fields), so a
// sale reads the same after the upgrade.
func TestSaleBlockReadsAsTheOldCodec(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 17))
	cc := &memCodes{}
	long := string(bytes.Repeat([]byte("x"), maxDictName+1))
	pick := func(ss ...string) string { return ss[r.IntN(len(ss))] }
	dec := func() decimal.Decimal {
		switch r.IntN(6) {
		case 0:
			return decimal.New(r.Int64N(1e6)-5e5, -r.Int32N(4)) // trailing zeros in the fraction
		case 1:
			return decimal.New(r.Int64N(100), r.Int32N(3)) // a positive exponent
		case 2:
			return decimal.RequireFromString("123456789012345678901234.5") // beyond 18 digits
		case 3:
			return decimal.Zero
		}
		return decimal.New(r.Int64N(1e9), -2)
	}
	for round := 0; round < 200; round++ {
		n := 1 + r.IntN(saleBlockCap)
		base := engine.ID(r.Int64N(1e6)) << saleBlockBits
		offs := r.Perm(saleBlockCap)[:n]
		var rows []engine.Sale
		for off := 0; off < saleBlockCap; off++ {
			keep := false
			for _, o := range offs {
				keep = keep || o == off
			}
			if !keep {
				continue
			}
			s := engine.Sale{ID: base | engine.ID(off), Date: engine.Date(r.Int32N(80000) - 20000), PartnerID: engine.ID(r.Int64N(1e7)),
				Customer: pick("", "A", "Müller GmbH", "東京", long), NewCustomer: r.IntN(2) == 0, NewProduct: r.IntN(3) == 0,
				ProductID: engine.ID(r.Int64N(300)), Quantity: dec(), UnitPrice: dec(), Net: dec(),
				Invoice: pick("", "INV-2026-0000001", "INV-2026-0000002", "INV-2026-0000010", "INV", "é"), Line: r.IntN(5) - 1}
			if r.IntN(2) == 0 {
				s.RepID = engine.ID(1 + r.Int64N(1e5))
			}
			if r.IntN(4) == 0 {
				s.RegistrationID = engine.ID(1 + r.Int64N(100))
			}
			if r.IntN(4) == 0 {
				s.ReferralCode = pick("REF-1", "ü")
			}
			if r.IntN(4) == 0 {
				s.OriginalInvoice = pick("INV-2026-0000001", "X")
			}
			if r.IntN(4) == 0 {
				s.Booked = s.Date + engine.Date(r.Int32N(400))
			}
			if r.IntN(5) == 0 {
				s.Splits = []engine.CreditSplit{{PartnerID: 3, RepID: 4, Share: decimal.RequireFromString("60.50")}, {PartnerID: 5, Share: decimal.New(395, -1)}}
			}
			rows = append(rows, s)
		}
		v, err := encodeBlock(rows, cc)
		if err != nil {
			t.Fatal(err)
		}
		var got []engine.Sale
		if err := newBlockDecoder(cc).decode(blockOf(base), v, func(s *engine.Sale) error {
			got = append(got, *s)
			return nil
		}); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if len(got) != len(rows) {
			t.Fatalf("round %d: %d rows back, want %d", round, len(got), len(rows))
		}
		for i := range rows {
			var old engine.Sale
			if err := decodeSale(encodeSale(&rows[i]), &old); err != nil {
				t.Fatal(err)
			}
			old.ID = rows[i].ID
			jo, _ := json.Marshal(&old)
			jn, _ := json.Marshal(&got[i])
			if !bytes.Equal(jo, jn) || !sameExponents(&old, &got[i]) {
				t.Fatalf("round %d sale %d:\n block %s\n old   %s", round, rows[i].ID, jn, jo)
			}
		}
	}
}

func sameExponents(a, b *engine.Sale) bool {
	return a.Quantity.Exponent() == b.Quantity.Exponent() && a.UnitPrice.Exponent() == b.UnitPrice.Exponent() &&
		a.Net.Exponent() == b.Net.Exponent()
}

// TestSaleBlockRefusesDamage: a truncated or reordered block is an error,
// never a panic or a wrong sale.
func TestSaleBlockRefusesDamage(t *testing.T) {
	cc := &memCodes{}
	rows := []engine.Sale{{ID: 64, Date: 100, PartnerID: 1, Invoice: "A1", Net: decimal.NewFromInt(5)},
		{ID: 70, Date: 101, PartnerID: 2, Invoice: "A2", Customer: "C", Net: decimal.NewFromInt(6)}}
	v, err := encodeBlock(rows, cc)
	if err != nil {
		t.Fatal(err)
	}
	for cut := 1; cut < len(v); cut++ {
		err := newBlockDecoder(cc).decode(1, v[:cut], func(*engine.Sale) error { return nil })
		if err == nil {
			t.Errorf("a block cut at %d of %d bytes read without error", cut, len(v))
		}
	}
	// The second row's offset (6) rewritten to 0 puts it before the first.
	bad := bytes.Clone(v)
	i := bytes.IndexByte(bad[3:], 6) + 3
	bad[i] = 0
	if err := newBlockDecoder(cc).decode(1, bad, func(*engine.Sale) error { return nil }); err == nil {
		t.Error("rows out of order read without error")
	}
}

// TestIDSetRoundTrip: runs and scattered ids encode and decode exactly.
func TestIDSetRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		var ids []engine.ID
		id := engine.ID(0)
		for range r.IntN(300) {
			if r.IntN(3) == 0 {
				id += engine.ID(2 + r.Int64N(1e6))
			} else {
				id++
			}
			ids = append(ids, id)
		}
		v := appendIDSet(nil, ids)
		got, err := decodeIDSet(nil, v)
		if err != nil || len(got) != len(ids) {
			t.Fatalf("round %d: %v, %d ids back of %d", round, err, len(got), len(ids))
		}
		for i := range ids {
			if got[i] != ids[i] {
				t.Fatalf("round %d: id %d is %d, want %d", round, i, got[i], ids[i])
			}
		}
		if n, _ := idSetLen(v); n != len(ids) {
			t.Fatalf("idSetLen %d, want %d", n, len(ids))
		}
	}
	// 1..1000 in order is one run: two bytes and a varint.
	var run []engine.ID
	for i := engine.ID(1); i <= 1000; i++ {
		run = append(run, i)
	}
	if v := appendIDSet(nil, run); len(v) != 3 {
		t.Errorf("1..1000 took %d bytes, want 3 (gap 1, length 999)", len(v))
	}
}
