package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// PartnerFilter selects and orders the partner list. Empty fields select
// every partner; Segment, Region and Tier match ignoring case and accents
// (engine.SameName).
type PartnerFilter struct {
	Query   string // as every search finds a partner: engine.PartnerMatches
	Kind    engine.PartnerKind
	Segment string
	Region  string
	Tier    string
	Status  engine.PartnerStatus
	Sort    string // one of PartnerSorts; "" sorts by name
	Desc    bool
}

// The orders of the partner list.
const (
	SortName    = "name"
	SortKind    = "kind"
	SortSegment = "segment"
	SortRegion  = "region"
	SortTier    = "tier"
	SortStatus  = "status"
	SortCountry = "country"
	SortJoined  = "joined"
)

// PartnerSorts lists the orders in the order a screen offers them.
var PartnerSorts = []string{SortName, SortKind, SortSegment, SortRegion, SortTier, SortStatus, SortCountry, SortJoined}

// PartnerRow is a partner of the list with the tier it holds today.
type PartnerRow struct {
	Partner engine.Partner
	Tier    string
}

// PartnerList is the partners a filter selects, and the values each
// filter can take over the whole file (so a filter never offers a value
// that selects nothing, nor hides one that a narrower filter hid).
type PartnerList struct {
	Rows     []PartnerRow
	All      int      // partners in the file
	Segments []string // every segment held, by name
	Regions  []string
	Tiers    []string // the ladder's levels in order, then tiers it no longer has
}

// PartnerDetail is everything the partner screen shows beside the form.
type PartnerDetail struct {
	Partner  engine.Partner
	Currency engine.Currency
	Language string
	AsOf     engine.Date // balances and the tier are read on this day (today)

	Tier        string
	TierHistory []engine.TierChange // newest first

	// Sales are the latest sales of the partner (Sale.PartnerID), newest
	// first, at most DetailSalesLimit; SalesCount and SalesNet count all.
	Sales      []SaleRow
	SalesCount int
	SalesNet   decimal.Decimal

	Registrations []RegistrationView // newest first
	// Rewards are the reward lines of the partner and of its reps, the
	// newest period first.
	Rewards []ReviewedLine

	FundBalance  decimal.Decimal
	FundExpiring decimal.Decimal // the part of the balance lapsing within 30 days of AsOf
	Points       int64           // the partner's own points balance on AsOf
	RepPoints    int64           // its reps' points balances on AsOf

	// Statements are the periods in which the partner has lines of its own,
	// the newest first: each is a statement WriteStatement prints.
	Statements []StatementPeriod
}

// DetailSalesLimit is how many sales a partner's detail lists.
const DetailSalesLimit = 200

// StatementPeriod is one period of a payee's statements and what its own
// lines of that period add up to.
type StatementPeriod struct {
	Period string
	Lines  int
	Amount decimal.Decimal // money lines, every status
	Points int64
	Paid   decimal.Decimal // money lines already paid
	Draft  int             // lines still draft
}
