package demo

import (
	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// The demo programs' IDs, so that tests and walkthroughs can name them.
const (
	ProgramResellerRebate engine.ID = iota + 1
	ProgramMSPReferral
	ProgramRepSPIF
	ProgramDealReg
	ProgramTargetBonus
	ProgramNewLogo
	ProgramMigration
	ProgramEduStartup
	ProgramAffiliate
)

// sellers are the kinds that resell the vendor's products.
var sellers = []engine.PartnerKind{engine.KindReseller, engine.KindVAR, engine.KindDistributor}

func capOf(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

func tierMult(silver, gold, platinum string) map[string]decimal.Decimal {
	return map[string]decimal.Decimal{TierSilver: dec(silver), TierGold: dec(gold), TierPlatinum: dec(platinum)}
}

// demoPrograms builds the programs of the Generate data set. Between them
// they use all nine rule kinds and the programs real vendors run (see
// SPEC.md), all active from the start of the window. Budgets count per
// fiscal year (engine.BudgetSpan) and fit the demo's volume: over a full
// year New Logo Accelerator spends about 390,000 of 240,000 (over by the
// third quarter) and Education & Start-up about 50,000 of 38,000 (near it
// by then); the others stay between half and three quarters of theirs.
//
// It is long because it is a declarative table: the demo company's
// programs, one literal each.
func demoPrograms(g *gen) []engine.Program {
	from := g.start
	eur := g.ds.Company.Currency.Code
	prog := func(id engine.ID, name, desc string, pk engine.PeriodKind, budget string, el engine.Eligibility, rules ...engine.Rule) engine.Program {
		return engine.Program{ID: id, Name: name, Description: desc, Currency: eur, PeriodKind: pk, ValidFrom: from,
			Eligibility: el, Budget: dec(budget), Status: engine.ProgramActive, Rules: rules}
	}

	// Per-partner quarterly targets grow with the partner's size.
	targets := map[engine.ID]decimal.Decimal{}
	var migrators []engine.ID
	for i, s := range partnerSpecs {
		if s.status != engine.StatusProspect && (s.kind == engine.KindReseller || s.kind == engine.KindVAR || s.kind == engine.KindDistributor) {
			targets[engine.ID(i+1)] = decimal.NewFromInt(int64(s.size) * 40000)
		}
		if s.kind == engine.KindISV || (s.kind == engine.KindVAR && s.size >= 3) {
			migrators = append(migrators, engine.ID(i+1))
		}
	}

	return []engine.Program{
		prog(ProgramResellerRebate, "Reseller Rebate",
			"Quarterly volume rebate on licences and subscriptions, retroactive to the first euro, with tier multipliers and a 2 % MDF accrual.",
			engine.PeriodQuarter, "320000", engine.Eligibility{Kinds: sellers},
			engine.Rule{Key: "rebate", Name: "Volume rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
				Filter:          engine.Filter{Categories: []string{CatLicence, CatSubscription}},
				TierMultipliers: tierMult("1.1", "1.2", "1.3"),
				Rate: &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{
					{From: dec("0"), Rate: dec("1")},
					{From: dec("25000"), Rate: dec("2")},
					{From: dec("75000"), Rate: dec("3.5")},
					{From: dec("150000"), Rate: dec("5")},
				}}},
			engine.Rule{Key: "mdf", Name: "Market development fund", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
				Fund: &engine.FundRule{Rate: dec("2"), ValidityDays: 180, Fund: "MDF"}},
		),
		prog(ProgramMSPReferral, "MSP & Referral",
			"Monthly: 20 % of referred customers' subscription revenue for as long as they stay, a bounty per new customer, and a per-seat commission for MSPs.",
			engine.PeriodMonth, "300000", engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindMSP, engine.KindReferral}},
			engine.Rule{Key: "recurring", Name: "Recurring revenue share", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
				Filter:   engine.Filter{Categories: []string{CatSubscription}},
				Referral: &engine.ReferralRule{Rate: dec("20")}},
			engine.Rule{Key: "bounty", Name: "New customer bounty", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
				Referral: &engine.ReferralRule{Bounty: dec("150")}},
			engine.Rule{Key: "seats", Name: "MSP seat commission", Kind: engine.RuleRate, Basis: engine.BasisUnits,
				Filter: engine.Filter{Categories: []string{CatSubscription}, PartnerKinds: []engine.PartnerKind{engine.KindMSP}},
				Rate: &engine.RateRule{Mode: engine.Marginal, Bands: []engine.Band{
					{From: dec("0"), Rate: dec("0.50")},
					{From: dec("500"), Rate: dec("0.75")},
					{From: dec("1000"), Rate: dec("1.00")},
				}}},
		),
		prog(ProgramRepSPIF, "Rep SPIF & Gems",
			"Quarterly rep incentives: a spring SPIF on Cloud Enterprise and Secure Gateway, 8x MRR on new Cloud Professional deals in a late-summer window, gems for training and activities, and purchase marks.",
			engine.PeriodQuarter, "120000", engine.Eligibility{},
			engine.Rule{Key: "spring-spif", Name: "Spring SPIF", Kind: engine.RuleSPIF, Basis: engine.BasisUnits, Cap: capOf("1000"),
				SPIF: &engine.SPIFRule{SKUs: []string{"NL-CLOUD-ENT", "NL-SECGW"}, From: g.monthStart(3), To: g.monthStart(6) - 1, Amount: dec("4")}},
			engine.Rule{Key: "mrr-spif", Name: "8x MRR SPIF", Kind: engine.RuleSPIF, Basis: engine.BasisRevenue, Cap: capOf("5000"),
				Filter: engine.Filter{Product: engine.FilterNew},
				SPIF:   &engine.SPIFRule{SKUs: []string{"NL-CLOUD-PRO"}, From: g.monthStart(7), To: g.monthStart(9) - 1, Rate: dec("800"), Confirmed: true}},
			engine.Rule{Key: "training-gems", Name: "Training gems", Kind: engine.RuleTraining,
				Training: &engine.TrainingRule{Courses: append(append([]string{}, courses...), certifications...), Amount: dec("100"), Unit: engine.UnitPoints}},
			engine.Rule{Key: "activity-gems", Name: "Activity gems", Kind: engine.RuleActivity,
				Activity: &engine.ActivityRule{Types: []string{ActDemo, ActWebinar, ActJointCall}, Amount: dec("25"), Unit: engine.UnitPoints, ToRep: true}},
			engine.Rule{Key: "marks", Name: "Purchase marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
				Loyalty: &engine.LoyaltyRule{Points: dec("1"), Per: dec("10"), ValidityMonths: 6}},
		),
		prog(ProgramDealReg, "Deal Registration Bonus",
			"5 % on the net amount of registered deals closed inside the protection window after approval.",
			engine.PeriodQuarter, "250000", engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindReseller, engine.KindVAR, engine.KindDistributor, engine.KindMSP, engine.KindISV}},
			engine.Rule{Key: "dealreg", Name: "Registered deal bonus", Kind: engine.RuleDealReg, Basis: engine.BasisRevenue,
				Cap: capOf("10000"), TierMultipliers: tierMult("1", "1.1", "1.2"),
				DealReg: &engine.DealRegRule{Rate: dec("5")}},
		),
		prog(ProgramTargetBonus, "Growth Target Bonus",
			"Quarterly bonus against a per-partner revenue target: 500 at 80 %, 1,500 at 100 %, 3,000 at 120 %, plus 2 % on revenue above target.",
			engine.PeriodQuarter, "200000", engine.Eligibility{Kinds: sellers},
			engine.Rule{Key: "target", Name: "Quarterly target bonus", Kind: engine.RuleTarget, Basis: engine.BasisRevenue,
				Target: &engine.TargetRule{DefaultTarget: dec("80000"), Targets: targets, Accelerator: dec("2"), Steps: []engine.Step{
					{Attainment: dec("80"), Amount: dec("500")},
					{Attainment: dec("100"), Amount: dec("1500")},
					{Attainment: dec("120"), Amount: dec("3000")},
				}}},
		),
		prog(ProgramNewLogo, "New Logo Accelerator",
			"3 % on revenue, weighted 1.5 for a new product to a new customer down to 1 for an existing product to an existing customer; Silver and above.",
			engine.PeriodQuarter, "240000", engine.Eligibility{Kinds: append(append([]engine.PartnerKind{}, sellers...), engine.KindISV), Tiers: []string{TierSilver, TierGold, TierPlatinum}},
			engine.Rule{Key: "new-logo", Name: "New logo commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
				Matrix: &engine.Matrix{NewNew: dec("1.5"), NewExisting: dec("1.25"), ExistingNew: dec("1.1"), ExistingExisting: dec("1")},
				Rate:   &engine.RateRule{Rate: dec("3")}},
		),
		prog(ProgramMigration, "Legacy Migration Bonus",
			"15 % of migration revenue in the fiscal year once it passes 36,000 (the first band pays 0 %); for named ISV and VAR partners.",
			engine.PeriodYear, "60000", engine.Eligibility{Partners: migrators},
			engine.Rule{Key: "migration", Name: "Migration bonus", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
				Filter: engine.Filter{SKUs: []string{"NL-MIGRATE", "SVC-MIGRATE"}},
				Rate: &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{
					{From: dec("0"), Rate: dec("0")},
					{From: dec("36000"), Rate: dec("15")},
				}}},
		),
		prog(ProgramEduStartup, "Education & Start-up Programme",
			"Quarterly 4 % on licences and subscriptions for education and start-up partners (capped at 2,500), 150 per event run, and a 1 % co-op fund.",
			engine.PeriodQuarter, "38000", engine.Eligibility{Segments: []string{SegEducation, SegStartup}},
			engine.Rule{Key: "edu-commission", Name: "Education and start-up commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
				Cap:    capOf("2500"),
				Filter: engine.Filter{Categories: []string{CatLicence, CatSubscription}},
				Rate:   &engine.RateRule{Rate: dec("4")}},
			engine.Rule{Key: "events", Name: "Event reward", Kind: engine.RuleActivity,
				Activity: &engine.ActivityRule{Types: []string{ActEvent}, Amount: dec("150"), Unit: engine.UnitMoney}},
			engine.Rule{Key: "co-op", Name: "Co-op fund", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
				Fund: &engine.FundRule{Rate: dec("1"), ValidityDays: 90, Fund: "co-op"}},
		),
		prog(ProgramAffiliate, "Affiliate Programme",
			"Monthly for influencers: 10 % of referred subscription revenue for the first 12 months, 50 per new subscriber, and 1 mark per 20.00 referred.",
			engine.PeriodMonth, "15000", engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindInfluencer}},
			engine.Rule{Key: "affiliate-share", Name: "Affiliate revenue share", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
				Filter:   engine.Filter{Categories: []string{CatSubscription}},
				Referral: &engine.ReferralRule{Rate: dec("10"), Months: 12}},
			engine.Rule{Key: "affiliate-bounty", Name: "New subscriber bounty", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
				Filter:   engine.Filter{Categories: []string{CatSubscription}},
				Referral: &engine.ReferralRule{Bounty: dec("50")}},
			engine.Rule{Key: "creator-marks", Name: "Creator marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
				Loyalty: &engine.LoyaltyRule{Points: dec("1"), Per: dec("20")}},
		),
	}
}
