package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// FundView is a partner's fund on a day, read from engine.FundLedger.
type FundView struct {
	PartnerID  engine.ID
	Partner    string
	Accrued    decimal.Decimal // accruals up to the day, net of claw-backs
	Balance    decimal.Decimal // negative while a claw-back is not covered
	Debt       decimal.Decimal // claw-backs no accrual covered yet
	Expiring30 decimal.Decimal // what expires in the next 30 days unless claimed
	NextExpiry engine.Date
	Accruals   []engine.FundAccrualState
	Clawbacks  []engine.FundEntry
	Claims     []engine.FundEntry
	Expiries   []engine.FundEntry
	// Waiting counts the claims requested and not yet decided.
	Waiting int
	// Ledger is every entry behind the balance, oldest first.
	Ledger []LedgerRow
}

// PointsView is one payee's points on a day, read from engine.PointsLedger.
type PointsView struct {
	Payee    engine.Payee
	Name     string
	Partner  string // for a rep, the partner it works at
	Balance  int64
	Earned   int64 // net of claw-backs
	Redeemed int64 // as a positive number
	Expired  int64 // as a positive number, posted or due
	Spent    int64 // redeemed and expired, as a positive number
	// NextExpiry is the next day points lapse unless redeemed, and
	// Expiring how many do then (0 and 0 when none will).
	NextExpiry engine.Date
	Expiring   int64
	// Expiring30 is what lapses in the next 30 days unless redeemed.
	Expiring30 int64
	Lots       []engine.PointsLot // oldest first
	// Ledger is every entry behind the balance, oldest first.
	Ledger []LedgerRow
}

// The kinds of ledger row, as LedgerRow.Kind names them.
const (
	LedgerAccrual  = "accrual"
	LedgerClawback = "claw-back"
	LedgerClaim    = "claim"
	LedgerExpiry   = "expiry"
	LedgerEarned   = "earned"
	LedgerRedeemed = "redeemed"
	LedgerExpired  = "expired"
)

// LedgerRow is one entry of a fund or points ledger as a list shows it:
// Amount (funds) or Points moves the balance by that much (accruals and
// earnings positive, claims, expiries and redemptions negative; a claim
// not approved moves nothing).
type LedgerRow struct {
	ID     engine.ID
	Date   engine.Date
	Kind   string // one of the Ledger* kinds
	Amount decimal.Decimal
	Points int64
	// Requested is a claim's requested amount; Status its decision.
	Requested decimal.Decimal
	Status    engine.ClaimStatus
	// Left is what an accrual or a lot still holds that can be used;
	// ExpiresOn when it lapses (0: never).
	Left       decimal.Decimal
	LeftPoints int64
	ExpiresOn  engine.Date
	// Detail is the period that earned it, the claim's reference or what
	// the points were redeemed against.
	Detail string
}

// ClaimInput is a fund claim as typed.
type ClaimInput struct {
	Partner   string // id ("P12"), name or referral code
	Amount    string
	Date      string // empty: today
	Reference string // proof of spend
	Approve   bool   // decide it at once
}

// RedeemInput is a redemption as typed.
type RedeemInput struct {
	Payee   string // "P12", "R7" or a name
	Points  int64
	Against string // voucher, co-branded material...
	Date    string
}

// ClaimRow is a fund claim with its partner's name, for the list of
// claims to decide or reimburse.
type ClaimRow struct {
	Claim   engine.FundEntry
	Partner string
	// Approvable is, for a requested claim, what approving it now would
	// approve: the request, or less when the fund holds less on its date.
	Approvable decimal.Decimal
}

// FundsOverview is what the funds and points screen shows: every fund and
// points balance on AsOf, in the company's currency and language.
type FundsOverview struct {
	AsOf     engine.Date
	Funds    []FundView
	Points   []PointsView
	Currency engine.Currency
	Language string
	// FundsExpiring30 and PointsExpiring30 add up what lapses in the next
	// 30 days, unclaimed and unredeemed.
	FundsExpiring30  decimal.Decimal
	PointsExpiring30 int64
}

// ProductInput is a product as typed in the products form or on the
// command line; ID 0 adds a new product, another ID edits that one.
type ProductInput struct {
	ID           engine.ID
	SKU          string
	Name         string
	Category     string
	ListPrice    string // empty: 0
	Subscription bool   // false: one-time
}
