package engine

import (
	"github.com/shopspring/decimal"
)

// PeriodKind is how a program cuts time into periods.
type PeriodKind string

// The period kinds.
const (
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodYear    PeriodKind = "year" // the fiscal year
	PeriodCustom  PeriodKind = "custom"
)

// ProgramStatus is where a program stands.
type ProgramStatus string

// The program statuses.
const (
	ProgramDraft  ProgramStatus = "draft"
	ProgramActive ProgramStatus = "active"
	ProgramEnded  ProgramStatus = "ended"
)

// Eligibility says which partners a program is for. An empty list does not
// restrict; every non-empty list must match.
type Eligibility struct {
	Kinds    []PartnerKind `json:"kinds,omitempty"`
	Segments []string      `json:"segments,omitempty"`
	Tiers    []string      `json:"tiers,omitempty"`
	Partners []ID          `json:"partners,omitempty"` // named partners
}

// Program is a tiered incentive program with one or more rules.
type Program struct {
	ID ID `json:"id"`
	// UID is the program's identity across files and renames: set when the
	// program is first stored, carried by its exported file, and matched
	// first when a file is imported, so a renamed re-import replaces the
	// program instead of adding a second one that pays again.
	UID         string          `json:"uid,omitempty"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Currency    string          `json:"currency"` // the company's currency code
	PeriodKind  PeriodKind      `json:"period_kind"`
	ValidFrom   Date            `json:"valid_from"`
	ValidTo     Date            `json:"valid_to,omitempty"` // zero: open-ended; with PeriodCustom, the custom window is ValidFrom..ValidTo
	Eligibility Eligibility     `json:"eligibility"`
	Budget      decimal.Decimal `json:"budget"`
	Status      ProgramStatus   `json:"status"`
	Rules       []Rule          `json:"rules"`
	// Examples are the program's golden examples (see Example): checked on
	// every save and import and before approval.
	Examples []Example `json:"examples,omitempty"`
	// RulesFrom is the first day Rules count from when the program keeps
	// EarlierRules, its earlier rule versions, oldest first (see RulesFor).
	RulesFrom    Date          `json:"rules_from,omitempty"`
	EarlierRules []RuleVersion `json:"earlier_rules,omitempty"`
}

// RuleKind is one of the nine kinds of rule.
type RuleKind string

// The nine rule kinds.
const (
	RuleRate     RuleKind = "rate"
	RuleTarget   RuleKind = "target"
	RuleSPIF     RuleKind = "spif"
	RuleDealReg  RuleKind = "dealreg"
	RuleReferral RuleKind = "referral"
	RuleFund     RuleKind = "fund"
	RuleTraining RuleKind = "training"
	RuleActivity RuleKind = "activity"
	RuleLoyalty  RuleKind = "loyalty"
)

// RuleKinds lists the nine kinds in the spec's order.
var RuleKinds = []RuleKind{RuleRate, RuleTarget, RuleSPIF, RuleDealReg, RuleReferral, RuleFund, RuleTraining, RuleActivity, RuleLoyalty}

// BasisKind says what a rule's basis counts.
type BasisKind string

// The basis kinds.
const (
	BasisRevenue BasisKind = "revenue" // net amount
	BasisUnits   BasisKind = "units"   // quantity
)

// CustomerFilter and ProductFilter select new or existing customers/products.
type NewFilter string

// The new/existing filter values; "" means any.
const (
	FilterAny      NewFilter = ""
	FilterNew      NewFilter = "new"
	FilterExisting NewFilter = "existing"
)

// Filter selects the sales lines a rule looks at. Empty lists match all.
type Filter struct {
	Categories   []string      `json:"categories,omitempty"`
	SKUs         []string      `json:"skus,omitempty"`
	Customer     NewFilter     `json:"customer,omitempty"`
	Product      NewFilter     `json:"product,omitempty"`
	PartnerKinds []PartnerKind `json:"partner_kinds,omitempty"`
	RepRoles     []string      `json:"rep_roles,omitempty"`
}

// Matrix weights a line's credit by customer x product newness. A weight
// of 0 earns nothing; a cell left out of a program file weighs the default
// 1 (see UnmarshalJSON), and UnitMatrix is the all-ones matrix to change.
type Matrix struct {
	NewNew           decimal.Decimal `json:"new_customer_new_product"`
	NewExisting      decimal.Decimal `json:"new_customer_existing_product"`
	ExistingNew      decimal.Decimal `json:"existing_customer_new_product"`
	ExistingExisting decimal.Decimal `json:"existing_customer_existing_product"`
}

// Band pays Rate from a basis of From on. Bands are sorted by From, the first from 0.
type Band struct {
	From decimal.Decimal `json:"from"`
	Rate decimal.Decimal `json:"rate"` // percent on revenue; amount per unit on units
}

// BandMode says how bands apply.
type BandMode string

// The band modes.
const (
	Retroactive BandMode = "retroactive" // whole basis at the highest band reached
	Marginal    BandMode = "marginal"    // each band's slice at its own rate
)

// RateRule is a commission or volume rebate: one flat rate, or bands,
// optionally one band table per tier.
type RateRule struct {
	Rate      decimal.Decimal   `json:"rate,omitempty"` // flat rate when Bands is empty
	Bands     []Band            `json:"bands,omitempty"`
	Mode      BandMode          `json:"mode,omitempty"`
	TierBands map[string][]Band `json:"tier_bands,omitempty"` // tier name -> bands; overrides Bands for that tier
	Confirmed bool              `json:"confirmed,omitempty"`  // a rate over 100 % on revenue was confirmed by the user
}

// Step pays Amount when attainment reaches Attainment percent.
type Step struct {
	Attainment decimal.Decimal `json:"attainment"` // percent, e.g. 80
	Amount     decimal.Decimal `json:"amount"`
}

// TargetRule pays the highest step reached of basis / target, plus an
// optional accelerator rate on the basis above 100 %.
type TargetRule struct {
	DefaultTarget decimal.Decimal        `json:"default_target"`
	Targets       map[ID]decimal.Decimal `json:"targets,omitempty"` // partner id -> target
	Steps         []Step                 `json:"steps"`
	Accelerator   decimal.Decimal        `json:"accelerator,omitempty"` // percent on basis above target
}

// SPIFRule pays an amount per unit (or per deal) for listed SKUs sold inside
// its own window, to the rep on the sale (the partner when no rep is named).
type SPIFRule struct {
	SKUs    []string        `json:"skus"`
	From    Date            `json:"from"`
	To      Date            `json:"to"`
	Amount  decimal.Decimal `json:"amount"`             // per unit, or per deal when PerDeal
	PerDeal bool            `json:"per_deal,omitempty"` // one amount per sale line
	// Rate, when set, pays a percentage of the line's net amount instead of
	// Amount (a SPIF worth up to 8x MRR is a rate of 800 %, confirmed).
	Rate      decimal.Decimal `json:"rate,omitempty"`
	Confirmed bool            `json:"confirmed,omitempty"`
}

// DealRegRule pays a rate on the net amount of sales linked to a
// registration approved no later than the window before the sale date.
type DealRegRule struct {
	Rate decimal.Decimal `json:"rate"`
}

// ReferralRule pays a bounty per new customer and/or a rate on that
// customer's subscription revenue for Months months from the first sale
// (0: for as long as the program runs).
type ReferralRule struct {
	Bounty decimal.Decimal `json:"bounty,omitempty"`
	Rate   decimal.Decimal `json:"rate,omitempty"`
	Months int             `json:"months,omitempty"`
}

// FundRule credits Rate % of the basis to the partner's MDF / co-op fund at
// the end of the period; accruals expire ValidityDays after the period end
// unless claimed.
type FundRule struct {
	Rate         decimal.Decimal `json:"rate"`
	ValidityDays int             `json:"validity_days"`
	Fund         string          `json:"fund,omitempty"` // "MDF" or "co-op"
}

// TrainingRule pays per completed course, once per rep and course.
type TrainingRule struct {
	Courses []string        `json:"courses"`
	Amount  decimal.Decimal `json:"amount"` // money or points per Unit
	Unit    Unit            `json:"unit"`
}

// ActivityRule pays per activity of a listed type.
type ActivityRule struct {
	Types  []string        `json:"types"`
	Amount decimal.Decimal `json:"amount"`
	Unit   Unit            `json:"unit"`
	ToRep  bool            `json:"to_rep,omitempty"` // pay the rep named on the activity
}

// LoyaltyRule earns Points per Per currency units of basis (1 point per 10.00).
// With ValidityMonths, points earned in a period can be redeemed until that
// many months after its end (PointsExpiresOn); 0 keeps them for ever.
type LoyaltyRule struct {
	Points         decimal.Decimal `json:"points"`
	Per            decimal.Decimal `json:"per"`
	ToRep          bool            `json:"to_rep,omitempty"`
	ValidityMonths int             `json:"validity_months,omitempty"`
}

// MaxPointsValidityMonths bounds a loyalty rule's validity: ten years.
const MaxPointsValidityMonths = 120

// Rule is one rule of a program. Kind says which of the kind-specific parts
// is set; the filter, matrix, tier multipliers and cap apply to every kind
// that uses them.
type Rule struct {
	Key             string                     `json:"key"` // unique within the program
	Name            string                     `json:"name"`
	Kind            RuleKind                   `json:"kind"`
	Basis           BasisKind                  `json:"basis,omitempty"`
	Filter          Filter                     `json:"filter,omitempty"`
	Matrix          *Matrix                    `json:"matrix,omitempty"`
	TierMultipliers map[string]decimal.Decimal `json:"tier_multipliers,omitempty"`
	Cap             decimal.NullDecimal        `json:"cap,omitempty"` // per payee per period

	Rate     *RateRule     `json:"rate,omitempty"`
	Target   *TargetRule   `json:"target,omitempty"`
	SPIF     *SPIFRule     `json:"spif,omitempty"`
	DealReg  *DealRegRule  `json:"dealreg,omitempty"`
	Referral *ReferralRule `json:"referral,omitempty"`
	Fund     *FundRule     `json:"fund,omitempty"`
	Training *TrainingRule `json:"training,omitempty"`
	Activity *ActivityRule `json:"activity,omitempty"`
	Loyalty  *LoyaltyRule  `json:"loyalty,omitempty"`
}
