// Package schema1 writes a Partnerdesk file laid out as schema 1 was, for
// the tests of the upgrade path (data's own, and the crash harness that
// kills a process in the middle of an upgrade). The app never imports it.
//
// The layout is frozen here on purpose, not borrowed from package data:
// an old file does not change when the current code does, so a writer
// that used data's current codec and bucket list would drift away from
// the files real users hold. Schema 1 had the records (JSON, sales in the
// binary codec version 1), the audit, the date and invoice indexes of the
// sales, and no by-partner index (schema 2 added it).
package schema1

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// buckets are the top-level buckets of a schema-1 file.
var buckets = []string{
	"meta", "singletons", "settings", "mappings", "audit", "periods",
	"sales_by_date", "sales_by_invoice", "lines_by_period", "changes",
	"partners", "reps", "products", "sales", "registrations", "trainings",
	"activities", "programs", "tier_changes", "reward_lines", "fund_entries",
	"points_entries", "payouts",
}

// Write creates a new schema-1 file at path holding sales (numbered from 1
// in order; their ID fields are set) and a partner and a product for each
// id they name. It refuses a path that exists.
func Write(path string, sales []engine.Sale) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("create v1 file: %s exists", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(btx *bolt.Tx) error {
		for _, name := range buckets {
			if _, err := btx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		partners, products, sb := btx.Bucket([]byte("partners")), btx.Bucket([]byte("products")), btx.Bucket([]byte("sales"))
		dates, invoices := map[string][]byte{}, map[string][]byte{}
		for i := range sales {
			s := &sales[i]
			if partners.Get(key(s.PartnerID)) == nil {
				p := engine.Partner{ID: s.PartnerID, Name: fmt.Sprintf("Partner %d", s.PartnerID), Kind: engine.KindReseller, Status: engine.StatusActive}
				if err := putJSON(partners, p.ID, &p); err != nil {
					return err
				}
			}
			if products.Get(key(s.ProductID)) == nil {
				p := engine.Product{ID: s.ProductID, SKU: fmt.Sprintf("SKU-%d", s.ProductID), Name: "Product"}
				if err := putJSON(products, p.ID, &p); err != nil {
					return err
				}
			}
			id, _ := sb.NextSequence()
			s.ID = engine.ID(id)
			if err := sb.Put(key(s.ID), encodeSale(s)); err != nil {
				return err
			}
			// The date index held keys only: bookdate(4) id(8).
			dk := binary.BigEndian.AppendUint32(nil, dateKey(s.BookDate()))
			dates[string(append(dk, key(s.ID)...))] = []byte{}
			if s.Invoice != "" {
				// partner(8) len(2) invoice line(4) -> id(8)
				ik := binary.BigEndian.AppendUint16(key(s.PartnerID), uint16(len(s.Invoice)))
				ik = binary.BigEndian.AppendUint32(append(ik, s.Invoice...), uint32(int32(s.Line))^0x80000000)
				invoices[string(ik)] = key(s.ID)
			}
		}
		for _, ix := range []struct {
			name string
			m    map[string][]byte
		}{{"sales_by_date", dates}, {"sales_by_invoice", invoices}} {
			keys := make([]string, 0, len(ix.m))
			for k := range ix.m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			b := btx.Bucket([]byte(ix.name))
			for _, k := range keys {
				if err := b.Put([]byte(k), ix.m[k]); err != nil {
					return err
				}
			}
		}
		return btx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("1"))
	})
}

func putJSON(b *bolt.Bucket, id engine.ID, rec any) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := b.Put(key(id), v); err != nil {
		return err
	}
	return b.SetSequence(max(b.Sequence(), uint64(id)))
}

// key is a record's key: 8 big-endian bytes.
func key(id engine.ID) []byte { return binary.BigEndian.AppendUint64(nil, uint64(id)) }

// dateKey maps a date to 4 bytes that sort like the dates.
func dateKey(d engine.Date) uint32 { return uint32(d) ^ 0x80000000 }

// encodeSale is the sale codec version 1: version, date, partner, rep,
// customer, flags, product, quantity, unit price, net, invoice, line,
// registration, referral code, original invoice, booked, splits; integers
// as varints, strings and decimals as length-prefixed bytes.
func encodeSale(s *engine.Sale) []byte {
	b := []byte{1}
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

func appendDecimal(b []byte, d decimal.Decimal) []byte { return appendString(b, d.String()) }
