package data

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Sales are stored in blocks (schema 4): the sales with ids n*64 ..
// n*64+63 are one value of the sale_blocks bucket under key n, in id
// order. Within a block each sale is a row that leaves out what it shares
// with the row before: the date is a difference, the invoice keeps the
// previous row's prefix, the customer is a number in the customers
// dictionary, decimals are a coefficient and an exponent. A million sales
// take about 30 bytes each, under half of their CSV line; a sale stored
// on its own as a bbolt element took 24 bytes of key and page header
// before its ~70 bytes of value.

const (
	saleBlockBits = 6
	saleBlockCap  = 1 << saleBlockBits // sales a block can hold
	saleBlockV1   = 1                  // the block encoding's version byte
)

// blockOf is the number of the block that holds sale id.
func blockOf(id engine.ID) uint64 { return uint64(id) >> saleBlockBits }

// The row flags: which optional fields follow.
const (
	rowNewCustomer = 1 << iota
	rowNewProduct
	rowRep
	rowRegistration
	rowReferral
	rowOriginal
	rowBooked
	rowSplits
)

// customerCodes turns customer names into dictionary numbers and back.
type customerCodes interface {
	customerCode(name string) (uint64, error) // 0 for ""
	customerName(code uint64) (string, error)
}

// maxDictName is the longest customer name kept in the dictionary (its
// key); a longer one is written into the row itself.
const maxDictName = 4096

// encodeBlock writes rows (one block's sales, ascending ids) as a block.
func encodeBlock(rows []engine.Sale, cc customerCodes) ([]byte, error) {
	b := make([]byte, 0, 2+40*len(rows))
	b = append(b, saleBlockV1)
	b = binary.AppendUvarint(b, uint64(len(rows)))
	var date engine.Date
	var inv string
	for i := range rows {
		s := &rows[i]
		b = append(b, byte(s.ID&(saleBlockCap-1)))
		var f byte
		if s.NewCustomer {
			f |= rowNewCustomer
		}
		if s.NewProduct {
			f |= rowNewProduct
		}
		if s.RepID != 0 {
			f |= rowRep
		}
		if s.RegistrationID != 0 {
			f |= rowRegistration
		}
		if s.ReferralCode != "" {
			f |= rowReferral
		}
		if s.OriginalInvoice != "" {
			f |= rowOriginal
		}
		if s.Booked != 0 {
			f |= rowBooked
		}
		if len(s.Splits) > 0 {
			f |= rowSplits
		}
		b = append(b, f)
		b = binary.AppendVarint(b, int64(s.Date)-int64(date))
		date = s.Date
		b = binary.AppendUvarint(b, uint64(s.PartnerID))
		if f&rowRep != 0 {
			b = binary.AppendUvarint(b, uint64(s.RepID))
		}
		switch {
		case s.Customer == "":
			b = append(b, 0)
		case len(s.Customer) > maxDictName:
			b = binary.AppendUvarint(b, uint64(len(s.Customer))<<1|1)
			b = append(b, s.Customer...)
		default:
			code, err := cc.customerCode(s.Customer)
			if err != nil {
				return nil, err
			}
			b = binary.AppendUvarint(b, code<<1)
		}
		b = binary.AppendUvarint(b, uint64(s.ProductID))
		b = appendDec(b, s.Quantity)
		b = appendDec(b, s.UnitPrice)
		b = appendDec(b, s.Net)
		p := commonPrefix(inv, s.Invoice)
		b = binary.AppendUvarint(b, uint64(p))
		b = appendString(b, s.Invoice[p:])
		inv = s.Invoice
		b = binary.AppendVarint(b, int64(s.Line))
		if f&rowRegistration != 0 {
			b = binary.AppendUvarint(b, uint64(s.RegistrationID))
		}
		if f&rowReferral != 0 {
			b = appendString(b, s.ReferralCode)
		}
		if f&rowOriginal != 0 {
			b = appendString(b, s.OriginalInvoice)
		}
		if f&rowBooked != 0 {
			b = binary.AppendVarint(b, int64(s.Booked)-int64(s.Date))
		}
		if f&rowSplits != 0 {
			b = binary.AppendUvarint(b, uint64(len(s.Splits)))
			for _, sp := range s.Splits {
				b = binary.AppendUvarint(b, uint64(sp.PartnerID))
				b = binary.AppendUvarint(b, uint64(sp.RepID))
				b = appendDec(b, sp.Share)
			}
		}
	}
	return b, nil
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// appendDec writes a decimal as its canonical coefficient and exponent
// (trailing zeros of a fraction dropped, as decimal.String prints it, so
// that a sale reads back as the earlier string encoding read it): a
// uvarint tag, zigzag exponent << 1, then the coefficient as a varint; a
// coefficient beyond 18 digits is written as its string (tag 1).
func appendDec(b []byte, d decimal.Decimal) []byte {
	if d.NumDigits() > 18 {
		b = append(b, 1)
		return appendString(b, d.String())
	}
	coef, exp := d.CoefficientInt64(), d.Exponent()
	if coef == 0 {
		exp = 0
	}
	for exp < 0 && coef%10 == 0 {
		coef /= 10
		exp++
	}
	for exp > 0 && coef < math.MaxInt64/10 && coef > math.MinInt64/10 {
		coef *= 10
		exp--
	}
	if exp > 0 {
		b = append(b, 1)
		return appendString(b, d.String())
	}
	zz := uint64(int64(exp)<<1) ^ uint64(int64(exp)>>63)
	b = binary.AppendUvarint(b, zz<<1)
	return binary.AppendVarint(b, coef)
}

// decKey is a decimal as a block stores it, the key of the decoder's
// shared values.
type decKey struct {
	coef int64
	exp  int32
}

// blockDecoder decodes blocks, sharing the values that repeat across the
// sales of one read (decimals, customers, an invoice's lines): a million
// sales then cost a few thousand decimals instead of three million.
// Decimals are immutable, so sharing one is safe. One decoder serves one
// goroutine.
type blockDecoder struct {
	cc    customerCodes
	list  customerList // the whole dictionary, when a long read loaded it
	names map[uint64]string
	decs  *[decSlots]decSlot
}

// decSlots is the size of the decoder's direct-mapped cache of decimals:
// a slot per hash of coefficient and exponent, the last one seen kept.
// Cheaper than a map for the few thousand prices and nets that repeat.
const decSlots = 1 << 12

type decSlot struct {
	k  decKey
	v  decimal.Decimal
	ok bool
}

// maxShared bounds the decoder's map of customer names.
const maxShared = 1 << 16

func newBlockDecoder(cc customerCodes) *blockDecoder {
	d := &blockDecoder{cc: cc, names: map[uint64]string{}, decs: new([decSlots]decSlot)}
	if l, ok := cc.(customerList); ok {
		d.list = l
	}
	return d
}

// decode calls fn for each row of block number n (v as stored) in id
// order; s is reused between calls: fn copies what it keeps.
func (d *blockDecoder) decode(n uint64, v []byte, fn func(s *engine.Sale) error) error {
	if len(v) == 0 || v[0] != saleBlockV1 {
		return fmt.Errorf("sale block %d: unknown encoding", n)
	}
	r := reader{b: v[1:]}
	count := r.uvarint()
	if r.err == nil && count > saleBlockCap {
		return fmt.Errorf("sale block %d: %d rows", n, count)
	}
	var date engine.Date
	var inv []byte
	invStr := ""
	var s engine.Sale
	lastOff := -1
	for i := uint64(0); i < count && r.err == nil; i++ {
		off := int(r.byte())
		if off <= lastOff || off >= saleBlockCap {
			return fmt.Errorf("sale block %d: row %d out of order", n, i)
		}
		lastOff = off
		s = engine.Sale{ID: engine.ID(n<<saleBlockBits | uint64(off))}
		f := r.byte()
		s.NewCustomer = f&rowNewCustomer != 0
		s.NewProduct = f&rowNewProduct != 0
		date += engine.Date(r.varint())
		s.Date = date
		s.PartnerID = engine.ID(r.uvarint())
		if f&rowRep != 0 {
			s.RepID = engine.ID(r.uvarint())
		}
		s.Customer, s.CustomerCode = d.customer(&r)
		s.ProductID = engine.ID(r.uvarint())
		s.Quantity = d.dec(&r)
		s.UnitPrice = d.dec(&r)
		s.Net = d.dec(&r)
		p := r.uvarint()
		suffix := r.bytes()
		if r.err == nil && p > uint64(len(inv)) {
			r.err = fmt.Errorf("invoice prefix %d longer than the previous invoice", p)
		}
		if r.err == nil && (p != uint64(len(inv)) || len(suffix) > 0) {
			inv = append(inv[:p], suffix...)
			invStr = string(inv)
		}
		s.Invoice = invStr
		s.Line = int(r.varint())
		if f&rowRegistration != 0 {
			s.RegistrationID = engine.ID(r.uvarint())
		}
		if f&rowReferral != 0 {
			s.ReferralCode = r.string()
		}
		if f&rowOriginal != 0 {
			s.OriginalInvoice = r.string()
		}
		if f&rowBooked != 0 {
			s.Booked = s.Date + engine.Date(r.varint())
		}
		if f&rowSplits != 0 {
			k := r.uvarint()
			if r.err == nil && k > uint64(len(r.b)) {
				r.err = errShort
			}
			if r.err == nil {
				s.Splits = make([]engine.CreditSplit, k)
				for j := range s.Splits {
					s.Splits[j].PartnerID = engine.ID(r.uvarint())
					s.Splits[j].RepID = engine.ID(r.uvarint())
					s.Splits[j].Share = d.dec(&r)
				}
			}
		}
		if r.err != nil {
			break
		}
		if err := fn(&s); err != nil {
			return err
		}
	}
	if r.err != nil {
		return fmt.Errorf("sale block %d: %w", n, r.err)
	}
	if len(r.b) != 0 {
		return fmt.Errorf("sale block %d: %d bytes left over", n, len(r.b))
	}
	return nil
}

// customer reads a row's customer: the name, and its number in the
// dictionary for the engine (engine.Sale.CustomerCode; 0 for a name kept
// in the row or a number beyond 32 bits).
func (d *blockDecoder) customer(r *reader) (string, uint32) {
	c := r.uvarint()
	if r.err != nil || c == 0 {
		return "", 0
	}
	if c&1 == 1 {
		n := c >> 1
		if n > uint64(len(r.b)) {
			r.err = errShort
			return "", 0
		}
		s := string(r.b[:n])
		r.b = r.b[n:]
		return s, 0
	}
	code := c >> 1
	short := uint32(code)
	if code > math.MaxUint32 {
		short = 0
	}
	if d.list != nil {
		name, err := d.list.customerName(code)
		if err != nil {
			r.err = err
		}
		return name, short
	}
	if name, ok := d.names[code]; ok {
		return name, short
	}
	name, err := d.cc.customerName(code)
	if err != nil {
		r.err = err
		return "", 0
	}
	if len(d.names) < maxShared {
		d.names[code] = name
	}
	return name, short
}

func (d *blockDecoder) dec(r *reader) decimal.Decimal {
	tag := r.uvarint()
	if r.err != nil {
		return decimal.Decimal{}
	}
	if tag&1 == 1 {
		return r.decimal()
	}
	zz := tag >> 1
	exp := int64(zz>>1) ^ -int64(zz&1)
	coef := r.varint()
	if r.err != nil {
		return decimal.Decimal{}
	}
	if exp < math.MinInt32 || exp > 0 {
		r.err = fmt.Errorf("bad decimal exponent %d", exp)
		return decimal.Decimal{}
	}
	k := decKey{coef, int32(exp)}
	slot := &d.decs[(uint64(coef)*0x9E3779B97F4A7C15^uint64(exp))>>(64-12)]
	if slot.ok && slot.k == k {
		return slot.v
	}
	v := decimal.New(coef, int32(exp))
	*slot = decSlot{k, v, true}
	return v
}
