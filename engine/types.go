package engine

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"
)

// ID identifies a stored record. IDs come from a per-kind sequence, so they
// are stable and sort in the order records were created; 0 means "none".
type ID uint64

// Company is the vendor running the programs.
type Company struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	// TaxID is the company's VAT or tax identification number, printed on
	// its self-billed invoices (CheckTaxID normalises it). An EU VAT id's
	// two-letter prefix is also the company's country for the invoices'
	// reverse-charge note (ReverseCharge).
	TaxID    string   `json:"tax_id,omitempty"`
	Logo     []byte   `json:"logo,omitempty"` // PNG or JPEG bytes
	Currency Currency `json:"currency"`
	// FiscalYearStart is the month (1-12) the fiscal year starts in.
	FiscalYearStart time.Month `json:"fiscal_year_start"`
	// Language is the statement language default (en, it, fr, nl, id, de, es).
	Language string `json:"language"`
	// Accounts is the chart the accountant's journal books to (empty
	// accounts: DefaultChart's).
	Accounts ChartOfAccounts `json:"accounts"`
	// CSVStyle is how CSV files are written: CSVComma (comma, decimal
	// point; the default) or CSVSemicolon (semicolon, decimal comma).
	CSVStyle string `json:"csv_style,omitempty"`
	// PointValue is what one point is worth in the currency, for the
	// journal's points liability; zero: points carry no money.
	PointValue decimal.Decimal `json:"point_value"`
}

// PartnerKind is what a partner does for the vendor.
type PartnerKind string

// The partner kinds the spec names.
const (
	KindReseller    PartnerKind = "reseller"
	KindDistributor PartnerKind = "distributor"
	KindVAR         PartnerKind = "var"
	KindMSP         PartnerKind = "msp"
	KindISV         PartnerKind = "isv"
	KindReferral    PartnerKind = "referral"
	KindInfluencer  PartnerKind = "influencer"
)

// PartnerKinds lists every kind in display order.
var PartnerKinds = []PartnerKind{KindReseller, KindDistributor, KindVAR, KindMSP, KindISV, KindReferral, KindInfluencer}

// PartnerStatus is where a partner stands in the program.
type PartnerStatus string

// The partner statuses.
const (
	StatusProspect  PartnerStatus = "prospect"
	StatusActive    PartnerStatus = "active"
	StatusSuspended PartnerStatus = "suspended"
	StatusEnded     PartnerStatus = "ended"
)

// Partner is a company that sells, refers or influences for the vendor.
type Partner struct {
	ID             ID            `json:"id"`
	Name           string        `json:"name"` // any Unicode, printed as written
	Kind           PartnerKind   `json:"kind"`
	Segment        string        `json:"segment,omitempty"`
	Region         string        `json:"region,omitempty"`
	Country        string        `json:"country,omitempty"` // ISO 3166 alpha-2
	Contact        string        `json:"contact,omitempty"`
	Email          string        `json:"email,omitempty"`
	AccountManager string        `json:"account_manager,omitempty"`
	ReferralCode   string        `json:"referral_code,omitempty"`
	Status         PartnerStatus `json:"status"`
	Joined         Date          `json:"joined,omitempty"`
	Language       string        `json:"language,omitempty"` // empty: the company default
	Notes          string        `json:"notes,omitempty"`
	// Address is the partner's legal postal address, lines separated by
	// "\n", as its self-billed invoices print it (CheckAddress).
	Address string `json:"address,omitempty"`
	// TaxID is the partner's VAT or tax identification number, free text
	// in the country's format, trimmed, upper-cased, without spaces
	// (CheckTaxID).
	TaxID string `json:"tax_id,omitempty"`
}

// Rep is a person at a partner; SPIFs and training are paid per rep.
type Rep struct {
	ID        ID     `json:"id"`
	PartnerID ID     `json:"partner_id"`
	Name      string `json:"name"`
	Email     string `json:"email,omitempty"`
	Role      string `json:"role,omitempty"` // e.g. sales, presales, manager
	Active    bool   `json:"active"`
}

// TierCriteria are the thresholds a partner must reach over the ladder's
// trailing window to qualify for a tier. A zero criterion is not required.
type TierCriteria struct {
	Revenue          decimal.Decimal `json:"revenue"`
	Units            decimal.Decimal `json:"units"`
	Certifications   int             `json:"certifications"` // active (valid) certifications of the partner's reps
	WonRegistrations int             `json:"won_registrations"`
	// ActivityPoints are the points of the partner's activities in the
	// window, each weighing the ladder's PointsPerActivity of its type.
	ActivityPoints int `json:"activity_points"`
}

// TierLevel is one rung of the ladder.
type TierLevel struct {
	Name     string       `json:"name"`
	Criteria TierCriteria `json:"criteria"`
}

// TierLadder is the ordered list of tiers, lowest first, and the trailing
// window in months over which the criteria are measured.
type TierLadder struct {
	Levels       []TierLevel `json:"levels"`
	WindowMonths int         `json:"window_months"`
	// PointsPerActivity weighs an activity of a type (matched regardless of
	// case and accents) for the activity-points criterion; a type not listed
	// earns nothing. Empty: every activity is 1 point.
	PointsPerActivity map[string]int `json:"points_per_activity,omitempty"`
}

// TierChange records that a partner holds Tier from a date on. Changes are
// proposed by a tier review and applied by a person.
type TierChange struct {
	ID        ID     `json:"id"`
	PartnerID ID     `json:"partner_id"`
	Tier      string `json:"tier"`
	From      Date   `json:"from"`
	Note      string `json:"note,omitempty"`
}

// Product is something the vendor sells through partners.
type Product struct {
	ID           ID              `json:"id"`
	SKU          string          `json:"sku"`
	Name         string          `json:"name"`
	Category     string          `json:"category,omitempty"`
	ListPrice    decimal.Decimal `json:"list_price"`
	Subscription bool            `json:"subscription"` // false: one-time
}

// CreditSplit gives Share percent of a sale's credit to a partner (and,
// optionally, one of its reps). The shares of a sale add up to 100.
type CreditSplit struct {
	PartnerID ID              `json:"partner_id"`
	RepID     ID              `json:"rep_id,omitempty"`
	Share     decimal.Decimal `json:"share"` // percent, e.g. 60
}

// Sale is one invoice line sold through a partner. A return is a sale with
// negative quantity and net amount that names the original invoice.
type Sale struct {
	ID   ID   `json:"id"`
	Date Date `json:"date"`
	// CustomerCode is the store's number for Customer, 0 when not given.
	// It is not part of the record: it only lets a computation number the
	// customers without hashing their names, so one code must always name
	// one customer.
	CustomerCode    uint32          `json:"-"`
	PartnerID       ID              `json:"partner_id"`
	RepID           ID              `json:"rep_id,omitempty"`
	Customer        string          `json:"customer"`
	NewCustomer     bool            `json:"new_customer"`
	NewProduct      bool            `json:"new_product"` // new product for this customer
	ProductID       ID              `json:"product_id"`
	Quantity        decimal.Decimal `json:"quantity"`
	UnitPrice       decimal.Decimal `json:"unit_price"`
	Net             decimal.Decimal `json:"net"`
	Invoice         string          `json:"invoice"`
	Line            int             `json:"line"` // line number on the invoice, from 1
	RegistrationID  ID              `json:"registration_id,omitempty"`
	ReferralCode    string          `json:"referral_code,omitempty"`
	OriginalInvoice string          `json:"original_invoice,omitempty"` // set on returns
	Splits          []CreditSplit   `json:"splits,omitempty"`
	// Booked is set on a late sale dated in a closed period: the day it was
	// entered, in the first open period, where it counts as an adjustment of
	// the period that contains Date.
	Booked Date `json:"booked,omitempty"`
}

// BookDate is the day a sale counts in: Booked for a late sale, else Date.
func (s *Sale) BookDate() Date {
	if s.Booked != 0 {
		return s.Booked
	}
	return s.Date
}

// IsReturn reports whether the sale gives goods back.
func (s *Sale) IsReturn() bool { return s.Net.IsNegative() || s.Quantity.IsNegative() }

// Decision is the vendor's answer to a deal registration.
type Decision string

// The decisions.
const (
	DecisionPending  Decision = "pending"
	DecisionApproved Decision = "approved"
	DecisionRejected Decision = "rejected"
)

// Outcome is how a registered deal ended.
type Outcome string

// The outcomes; OutcomeOpen means not yet known.
const (
	OutcomeOpen    Outcome = "open"
	OutcomeWon     Outcome = "won"
	OutcomeLost    Outcome = "lost"
	OutcomeExpired Outcome = "expired"
)

// Registration is a partner's claim on a deal before it closes.
type Registration struct {
	ID            ID              `json:"id"`
	PartnerID     ID              `json:"partner_id"`
	RepID         ID              `json:"rep_id,omitempty"`
	Customer      string          `json:"customer"`
	ExpectedValue decimal.Decimal `json:"expected_value"`
	Submitted     Date            `json:"submitted"`
	Decision      Decision        `json:"decision"`
	DecidedBy     string          `json:"decided_by,omitempty"`
	DecidedOn     Date            `json:"decided_on,omitempty"`
	WindowDays    int             `json:"window_days"` // days after approval to close the deal
	Outcome       Outcome         `json:"outcome"`
	// OutcomeBy and OutcomeOn say who recorded the outcome and for which
	// day (see DecideRegistration); empty while the outcome is open.
	OutcomeBy string `json:"outcome_by,omitempty"`
	OutcomeOn Date   `json:"outcome_on,omitempty"`
}

// Training is a course a rep completed.
type Training struct {
	ID            ID     `json:"id"`
	RepID         ID     `json:"rep_id"`
	Course        string `json:"course"`
	Completed     Date   `json:"completed"`
	Certification bool   `json:"certification"`
	ValidUntil    Date   `json:"valid_until,omitempty"` // certifications only; zero: no expiry
}

// Activity is something a partner or rep did: a demo, a webinar attended, a
// joint call, a QBR, an event.
type Activity struct {
	ID        ID     `json:"id"`
	PartnerID ID     `json:"partner_id"`
	RepID     ID     `json:"rep_id,omitempty"`
	Type      string `json:"type"`
	Date      Date   `json:"date"`
	Note      string `json:"note,omitempty"`
}

// PayeeKind says whether a payee is a partner or a rep.
type PayeeKind string

// The payee kinds.
const (
	PayeePartner PayeeKind = "partner"
	PayeeRep     PayeeKind = "rep"
)

// Payee names who a reward, payout or ledger entry belongs to.
type Payee struct {
	Kind PayeeKind `json:"kind"`
	ID   ID        `json:"id"`
}

// LineStatus is where a reward line is in the period run.
type LineStatus string

// The line statuses.
const (
	LineDraft    LineStatus = "draft"
	LineApproved LineStatus = "approved"
	LinePaid     LineStatus = "paid"
)

// Unit says whether a reward line is money or points.
type Unit string

// The units.
const (
	UnitMoney  Unit = "money"
	UnitPoints Unit = "points"
)

// Adjustment marks a reward line that corrects a closed period from the
// first open one (a late sale, or a return clawed back at the original rate).
type Adjustment struct {
	OriginalPeriod string          `json:"original_period"`
	Invoice        string          `json:"invoice,omitempty"`
	SaleID         ID              `json:"sale_id,omitempty"`
	EffectiveRate  decimal.Decimal `json:"effective_rate"` // reward / basis of the rule in the original period, as a percentage
}

// RewardLine is one computed reward: what a payee earns from one rule of one
// program in one period, with the basis it came from and why.
type RewardLine struct {
	ID          ID              `json:"id"`
	Period      string          `json:"period"`
	ProgramID   ID              `json:"program_id"`
	RuleKey     string          `json:"rule_key"`
	Payee       Payee           `json:"payee"`
	PartnerID   ID              `json:"partner_id"` // the payee's partner (itself for a partner)
	Unit        Unit            `json:"unit"`
	Amount      decimal.Decimal `json:"amount"` // rounded to the currency; zero for points
	Points      int64           `json:"points"` // floored; zero for money
	Basis       decimal.Decimal `json:"basis"`
	Explanation Explanation     `json:"explanation"`
	Status      LineStatus      `json:"status"`
	Adjustment  *Adjustment     `json:"adjustment,omitempty"`
	PayoutID    ID              `json:"payout_id,omitempty"`
	ApprovedBy  string          `json:"approved_by,omitempty"`
	ApprovedOn  Date            `json:"approved_on,omitempty"`
	// RuleVersion is the version of the program's rules the line was
	// computed with (1 the oldest, see RulesFor); 0 on lines stored before
	// lines named it and on manual adjustments.
	RuleVersion int `json:"rule_version,omitempty"`
}

// FundEntryKind is a movement on a partner's MDF / co-op fund.
type FundEntryKind string

// The fund movements.
const (
	FundAccrual      FundEntryKind = "accrual"
	FundClaim        FundEntryKind = "claim"
	FundExpiry       FundEntryKind = "expiry"
	FundReimbursment FundEntryKind = "reimbursement"
)

// ClaimStatus is where a fund claim stands.
type ClaimStatus string

// The claim statuses.
const (
	ClaimRequested  ClaimStatus = "requested"
	ClaimApproved   ClaimStatus = "approved"
	ClaimRejected   ClaimStatus = "rejected"
	ClaimReimbursed ClaimStatus = "reimbursed"
)

// FundDraw records how much of one accrual a claim or expiry consumed.
type FundDraw struct {
	AccrualID ID              `json:"accrual_id"`
	Amount    decimal.Decimal `json:"amount"`
}

// FundEntry is one movement on a partner's fund. Accruals are positive;
// approved claims and expiries consume accruals, oldest first.
type FundEntry struct {
	ID        ID              `json:"id"`
	PartnerID ID              `json:"partner_id"`
	ProgramID ID              `json:"program_id,omitempty"`
	Kind      FundEntryKind   `json:"kind"`
	Date      Date            `json:"date"`
	Amount    decimal.Decimal `json:"amount"`             // requested amount for a claim
	Approved  decimal.Decimal `json:"approved,omitempty"` // approved part of a claim
	ExpiresOn Date            `json:"expires_on,omitempty"`
	Status    ClaimStatus     `json:"status,omitempty"` // claims only
	Period    string          `json:"period,omitempty"` // accruals: the period that earned them
	LineID    ID              `json:"line_id,omitempty"`
	Reference string          `json:"reference,omitempty"` // proof of spend, invoice
	Draws     []FundDraw      `json:"draws,omitempty"`
	// ReimbursedOn is the day an approved claim was paid back to the
	// partner (claims only; 0 before, or for a claim reimbursed before the
	// day was recorded, which the journal then books on the claim's date).
	ReimbursedOn Date `json:"reimbursed_on,omitempty"`
}

// PointsEntryKind is a movement on a points balance.
type PointsEntryKind string

// The points movements.
const (
	PointsEarned   PointsEntryKind = "earned"
	PointsRedeemed PointsEntryKind = "redeemed"
	PointsExpired  PointsEntryKind = "expired"
)

// PointsEntry is one movement on a partner's or rep's points. Earned points
// are positive, redeemed and expired negative.
type PointsEntry struct {
	ID      ID              `json:"id"`
	Payee   Payee           `json:"payee"`
	Kind    PointsEntryKind `json:"kind"`
	Date    Date            `json:"date"`
	Points  int64           `json:"points"`
	Against string          `json:"against,omitempty"` // what was redeemed
	LineID  ID              `json:"line_id,omitempty"`
	Period  string          `json:"period,omitempty"`
	// ExpiresOn is the first day earned points are gone unless redeemed
	// (0: they never expire).
	ExpiresOn Date `json:"expires_on,omitempty"`
	// Lot names the earned entry an expiry empties.
	Lot ID `json:"lot,omitempty"`
}

// Payout is money paid to a payee that settles approved reward lines.
type Payout struct {
	ID        ID              `json:"id"`
	Date      Date            `json:"date"`
	Payee     Payee           `json:"payee"`
	Amount    decimal.Decimal `json:"amount"`
	Method    string          `json:"method"` // bank transfer, credit note, voucher...
	Reference string          `json:"reference"`
	LineIDs   []ID            `json:"line_ids"`
}

// PeriodState says whether a period is open or closed. A period with no
// stored state is open.
type PeriodState struct {
	Key      string `json:"key"` // "2026-07", "2026-Q3", "2026" or a program's custom key
	Start    Date   `json:"start"`
	End      Date   `json:"end"` // inclusive
	Closed   bool   `json:"closed"`
	ClosedOn Date   `json:"closed_on,omitempty"`
	ClosedBy string `json:"closed_by,omitempty"`
	// LastSaleID is the highest sale id when the period was closed: a sale
	// dated in it with a higher id was entered late (0: not recorded).
	LastSaleID ID `json:"last_sale_id,omitempty"`
}

// AuditEntry records one change: when, who, what, before and after.
type AuditEntry struct {
	ID       ID        `json:"id"`
	At       time.Time `json:"at"`
	Operator string    `json:"operator"`
	Action   string    `json:"action"` // create, update, delete, or a verb such as approve
	Kind     string    `json:"kind"`   // the record kind, e.g. "sale"
	RecordID ID        `json:"record_id"`
	// Prev is the SHA-256 (hex) of the previous entry as stored: each entry
	// seals the one before, so a changed or removed entry breaks the chain
	// that check verifies.
	Prev   string          `json:"prev,omitempty"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}
