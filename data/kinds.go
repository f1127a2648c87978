package data

import (
	"encoding/binary"
	"fmt"

	"partnerdesk/engine"
)

// The record kinds, as Tx.Delete and audit entries name them.
const (
	KindPartner      = "partner"
	KindRep          = "rep"
	KindProduct      = "product"
	KindSale         = "sale"
	KindRegistration = "registration"
	KindTraining     = "training"
	KindActivity     = "activity"
	KindProgram      = "program"
	KindTierChange   = "tierchange"
	KindRewardLine   = "rewardline"
	KindFundEntry    = "fundentry"
	KindPointsEntry  = "pointsentry"
	KindPayout       = "payout"
)

// Bucket names. Records live in one bucket per kind, keyed by their id as
// 8 big-endian bytes, so a cursor walks them in creation order; sales live
// in blocks of 64 (salestore.go).
var (
	bMeta          = []byte("meta")
	bSingletons    = []byte("singletons") // company, ladder
	bSettings      = []byte("settings")
	bMappings      = []byte("mappings")
	bAudit         = []byte("audit")
	bPeriods       = []byte("periods")
	bLinesByPeriod = []byte("lines_by_period") // len(2) period id(8) -> nil
)

// kindInfo describes one record kind.
type kindInfo struct {
	name   string
	bucket []byte
}

var kinds = []*kindInfo{
	{KindPartner, []byte("partners")},
	{KindRep, []byte("reps")},
	{KindProduct, []byte("products")},
	{KindSale, bSaleBlocks}, // see saleblock.go
	{KindRegistration, []byte("registrations")},
	{KindTraining, []byte("trainings")},
	{KindActivity, []byte("activities")},
	{KindProgram, []byte("programs")},
	{KindTierChange, []byte("tier_changes")},
	{KindRewardLine, []byte("reward_lines")},
	{KindFundEntry, []byte("fund_entries")},
	{KindPointsEntry, []byte("points_entries")},
	{KindPayout, []byte("payouts")},
}

var kindByName = func() map[string]*kindInfo {
	m := make(map[string]*kindInfo, len(kinds))
	for _, k := range kinds {
		m[k.name] = k
	}
	return m
}()

func kindNamed(name string) *kindInfo { return kindByName[name] }

// allBuckets is every top-level bucket of the current schema.
func allBuckets() [][]byte {
	bs := [][]byte{bMeta, bSingletons, bSettings, bMappings, bAudit, bPeriods,
		bCustomers, bSaleDays, bSaleMonths, bSaleInvoices, bLinesByPeriod, bChanges}
	for _, k := range kinds {
		bs = append(bs, k.bucket)
	}
	return bs
}

// kindOf returns the kind of rec (a pointer to an engine record) and a
// pointer to its ID field.
func kindOf(rec any) (*kindInfo, *engine.ID, error) {
	var name string
	var id *engine.ID
	switch r := rec.(type) {
	case *engine.Partner:
		name, id = KindPartner, &r.ID
	case *engine.Rep:
		name, id = KindRep, &r.ID
	case *engine.Product:
		name, id = KindProduct, &r.ID
	case *engine.Sale:
		name, id = KindSale, &r.ID
	case *engine.Registration:
		name, id = KindRegistration, &r.ID
	case *engine.Training:
		name, id = KindTraining, &r.ID
	case *engine.Activity:
		name, id = KindActivity, &r.ID
	case *engine.Program:
		name, id = KindProgram, &r.ID
	case *engine.TierChange:
		name, id = KindTierChange, &r.ID
	case *engine.RewardLine:
		name, id = KindRewardLine, &r.ID
	case *engine.FundEntry:
		name, id = KindFundEntry, &r.ID
	case *engine.PointsEntry:
		name, id = KindPointsEntry, &r.ID
	case *engine.Payout:
		name, id = KindPayout, &r.ID
	default:
		return nil, nil, fmt.Errorf("the store keeps no records of type %T", rec)
	}
	return kindByName[name], id, nil
}

// newRecord returns a pointer to a zero record of kind k.
func newRecord(k *kindInfo) any {
	switch k.name {
	case KindPartner:
		return new(engine.Partner)
	case KindRep:
		return new(engine.Rep)
	case KindProduct:
		return new(engine.Product)
	case KindSale:
		return new(engine.Sale)
	case KindRegistration:
		return new(engine.Registration)
	case KindTraining:
		return new(engine.Training)
	case KindActivity:
		return new(engine.Activity)
	case KindProgram:
		return new(engine.Program)
	case KindTierChange:
		return new(engine.TierChange)
	case KindRewardLine:
		return new(engine.RewardLine)
	case KindFundEntry:
		return new(engine.FundEntry)
	case KindPointsEntry:
		return new(engine.PointsEntry)
	case KindPayout:
		return new(engine.Payout)
	}
	return nil
}

// itob is the key of id: 8 big-endian bytes sort like the numbers.
func itob(id engine.ID) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(id))
	return b
}

func btoi(b []byte) engine.ID { return engine.ID(binary.BigEndian.Uint64(b)) }

// dateKey maps a Date to 4 bytes that sort like the dates, negative
// (before 1970) ones included.
func dateKey(d engine.Date) uint32 { return uint32(d) ^ 0x80000000 }
