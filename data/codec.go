package data

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// encode turns a record into its stored bytes: sales and reward lines in
// compact binary forms (they are the hot paths: a quarter writes 150,000
// lines), everything else as JSON. Decimals never go through a float.
func encode(k *kindInfo, rec any) ([]byte, error) {
	switch k.name {
	case KindSale:
		return encodeSale(rec.(*engine.Sale)), nil
	case KindRewardLine:
		return encodeLine(rec.(*engine.RewardLine)), nil
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", k.name, err)
	}
	return b, nil
}

// decode fills rec (a pointer of kind k) from stored bytes. The bytes may
// belong to bbolt: everything is copied out.
func decode(k *kindInfo, id engine.ID, b []byte, rec any) error {
	if k.name == KindSale {
		if err := decodeSale(b, rec.(*engine.Sale)); err != nil {
			return fmt.Errorf("decode sale %d: %w", id, err)
		}
		rec.(*engine.Sale).ID = id
		return nil
	}
	if k.name == KindRewardLine && isLineCodec(b) {
		// Lines written as JSON before the compact form decode below.
		if err := decodeLine(b, rec.(*engine.RewardLine)); err != nil {
			return fmt.Errorf("decode %s %d: %w", k.name, id, err)
		}
		rec.(*engine.RewardLine).ID = id
		return nil
	}
	if err := json.Unmarshal(b, rec); err != nil {
		return fmt.Errorf("decode %s %d: %w", k.name, id, err)
	}
	return nil
}

// saleCodecV1 is the version byte of the sale encoding.
const saleCodecV1 = 1

// encodeSale writes a sale as: version, date, partner, rep, customer,
// flags, product, quantity, unit price, net, invoice, line, registration,
// referral code, original invoice, booked, splits. Integers are varints,
// strings and decimals are length-prefixed bytes; the id is the key.
func encodeSale(s *engine.Sale) []byte {
	b := make([]byte, 0, 96+len(s.Customer)+len(s.Invoice))
	b = append(b, saleCodecV1)
	b = binary.AppendVarint(b, int64(s.Date))
	b = binary.AppendUvarint(b, uint64(s.PartnerID))
	b = binary.AppendUvarint(b, uint64(s.RepID))
	b = appendString(b, s.Customer)
	var flags byte
	if s.NewCustomer {
		flags |= 1
	}
	if s.NewProduct {
		flags |= 2
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, uint64(s.ProductID))
	b = appendDecimal(b, s.Quantity)
	b = appendDecimal(b, s.UnitPrice)
	b = appendDecimal(b, s.Net)
	b = appendString(b, s.Invoice)
	b = binary.AppendVarint(b, int64(s.Line))
	b = binary.AppendUvarint(b, uint64(s.RegistrationID))
	b = appendString(b, s.ReferralCode)
	b = appendString(b, s.OriginalInvoice)
	b = binary.AppendVarint(b, int64(s.Booked))
	b = binary.AppendUvarint(b, uint64(len(s.Splits)))
	for _, sp := range s.Splits {
		b = binary.AppendUvarint(b, uint64(sp.PartnerID))
		b = binary.AppendUvarint(b, uint64(sp.RepID))
		b = appendDecimal(b, sp.Share)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendDecimal(b []byte, d decimal.Decimal) []byte {
	return appendString(b, d.String())
}

var errShort = errors.New("record is truncated")

// reader walks an encoded sale; the first error sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if len(r.b) == 0 {
		r.err = errShort
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if uint64(len(r.b)) < n {
		r.err = errShort
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) string() string { return string(r.bytes()) }

func (r *reader) decimal() decimal.Decimal {
	v := r.bytes()
	if r.err != nil {
		return decimal.Decimal{}
	}
	d, err := parseDecimal(v)
	if err != nil {
		r.err = err
	}
	return d
}

// parseDecimal reads a decimal string. Short plain numbers (the usual
// case) are parsed here into coefficient and exponent, exactly; anything
// else goes to decimal.NewFromString.
func parseDecimal(v []byte) (decimal.Decimal, error) {
	if len(v) > 0 && len(v) <= 18 {
		var n int64
		exp, neg, dot, digits := int32(0), false, false, 0
		ok := true
		for i, c := range v {
			switch {
			case c >= '0' && c <= '9':
				n = n*10 + int64(c-'0')
				digits++
				if dot {
					exp--
				}
			case c == '-' && i == 0:
				neg = true
			case c == '.' && !dot:
				dot = true
			default:
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok && digits > 0 {
			if neg {
				n = -n
			}
			return decimal.New(n, exp), nil
		}
	}
	d, err := decimal.NewFromString(string(v))
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("bad decimal %q: %w", v, err)
	}
	return d, nil
}

// decodeSale reads a sale of the v1 codec (schemas 1-3).
func decodeSale(b []byte, s *engine.Sale) error {
	if len(b) == 0 {
		return errShort
	}
	if b[0] != saleCodecV1 {
		return fmt.Errorf("unknown sale encoding %d", b[0])
	}
	r := reader{b: b[1:]}
	*s = engine.Sale{}
	s.Date = engine.Date(r.varint())
	s.PartnerID = engine.ID(r.uvarint())
	s.RepID = engine.ID(r.uvarint())
	s.Customer = r.string()
	flags := r.byte()
	s.NewCustomer = flags&1 != 0
	s.NewProduct = flags&2 != 0
	s.ProductID = engine.ID(r.uvarint())
	s.Quantity = r.decimal()
	s.UnitPrice = r.decimal()
	s.Net = r.decimal()
	s.Invoice = r.string()
	s.Line = int(r.varint())
	s.RegistrationID = engine.ID(r.uvarint())
	s.ReferralCode = r.string()
	s.OriginalInvoice = r.string()
	s.Booked = engine.Date(r.varint())
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errShort
	}
	if n > 0 && r.err == nil {
		s.Splits = make([]engine.CreditSplit, n)
		for i := range s.Splits {
			s.Splits[i].PartnerID = engine.ID(r.uvarint())
			s.Splits[i].RepID = engine.ID(r.uvarint())
			s.Splits[i].Share = r.decimal()
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(r.b))
	}
	return nil
}
