package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ProgramTemplate is a ready-made program for one of the programs real
// vendors run (SPEC.md): valid as it stands, with golden examples, for a
// new owner to edit instead of starting from an empty file.
type ProgramTemplate struct {
	Name    string // what `program new --template` takes
	Title   string
	Summary string
	build   func(r templateRefs) (engine.Program, error)
}

// templateRefs is what a template takes from the company: the first day
// of the program, a product to name where a rule must name a SKU (a
// subscription first), and the top tier of the ladder ("" without one).
type templateRefs struct {
	start   engine.Date
	sku     string
	topTier string
}

func tdec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amount(s string) decimal.NullDecimal { return decimal.NewNullDecimal(tdec(s)) }

func points(n int64) *int64 { return &n }

func expect(rule string, amt string) []engine.Expectation {
	return []engine.Expectation{{Rule: rule, Amount: amount(amt)}}
}

// ProgramTemplates lists the templates in the order of SPEC.md's "Programs
// real vendors run". Example amounts are whole numbers, so they hold in
// any currency.
//
// It is long because it is a declarative table: one template literal per
// program SPEC.md lists.
func ProgramTemplates() []ProgramTemplate {
	return []ProgramTemplate{
		{"referral-share", "Referral revenue share", "20 % of referred customers' subscription revenue for as long as they stay",
			func(r templateRefs) (engine.Program, error) {
				// 20 % of a new customer's first 1,000 = 200.
				return tprog(r, "Referral revenue share", "20 % of referred customers' subscription revenue for as long as they stay.", engine.PeriodMonth,
					engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindReferral, engine.KindInfluencer}},
					[]engine.Rule{{Key: "share", Name: "Referral revenue share", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
						Referral: &engine.ReferralRule{Rate: tdec("20")}}},
					engine.Example{Name: "a referred customer's first 1,000", Sales: tdec("1000"), Expect: expect("share", "200")}), nil
			}},
		{"referral-bounty", "New subscriber bounty", "a fixed bounty for each new subscriber who came through a partner's link or code",
			func(r templateRefs) (engine.Program, error) {
				// One new customer: the bounty, 100, whatever it bought.
				return tprog(r, "New subscriber bounty", "100 for each new subscriber who came through a partner's link or referral code.", engine.PeriodMonth,
					engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindReferral, engine.KindInfluencer}},
					[]engine.Rule{{Key: "bounty", Name: "New subscriber bounty", Kind: engine.RuleReferral, Basis: engine.BasisRevenue,
						Referral: &engine.ReferralRule{Bounty: tdec("100")}}},
					engine.Example{Name: "one new subscriber of 49", Sales: tdec("49"), Expect: expect("bounty", "100")}), nil
			}},
		{"purchase-marks", "Purchase marks", "purchase points (marks) redeemed for vouchers or co-branded material",
			func(r templateRefs) (engine.Program, error) {
				// 1 mark per 10 on 1,234 = 123.4, floored: 123.
				return tprog(r, "Purchase marks", "1 mark per 10 of purchases, redeemable for vouchers or co-branded material for 24 months.", engine.PeriodQuarter,
					engine.Eligibility{},
					[]engine.Rule{{Key: "marks", Name: "Purchase marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
						Loyalty: &engine.LoyaltyRule{Points: tdec("1"), Per: tdec("10"), ValidityMonths: 24}}},
					engine.Example{Name: "1,234 of purchases", Sales: tdec("1234"), Expect: []engine.Expectation{{Rule: "marks", Points: points(123)}}}), nil
			}},
		{"rep-gems", "Rep gems", "gems for demos, surveys and trainings, with the top reps of the year rewarded (see the leaderboard)",
			func(r templateRefs) (engine.Program, error) {
				// 3 demos at 25 gems = 75; 2 courses at 100 gems = 200.
				return tprog(r, "Rep gems", "Gems for demos, surveys and completed courses, paid to the rep; the year's leaderboard picks the top ten.", engine.PeriodYear,
					engine.Eligibility{},
					[]engine.Rule{
						{Key: "activity-gems", Name: "Activity gems", Kind: engine.RuleActivity,
							Activity: &engine.ActivityRule{Types: []string{"demo", "survey"}, Amount: tdec("25"), Unit: engine.UnitPoints, ToRep: true}},
						{Key: "training-gems", Name: "Training gems", Kind: engine.RuleTraining,
							Training: &engine.TrainingRule{Courses: []string{"Product basics", "Advanced configuration", "Sales certification"}, Amount: tdec("100"), Unit: engine.UnitPoints}},
					},
					engine.Example{Name: "three demos", Count: 3, Expect: []engine.Expectation{{Rule: "activity-gems", Points: points(75)}}},
					engine.Example{Name: "two courses", Count: 2, Expect: []engine.Expectation{{Rule: "training-gems", Points: points(200)}}}), nil
			}},
		{"mrr-spif", "8x MRR SPIF", "a SPIF worth up to eight times a deal's monthly recurring revenue",
			func(r templateRefs) (engine.Program, error) {
				if r.sku == "" {
					return engine.Program{}, fmt.Errorf("the template mrr-spif names a product: add a product first")
				}
				// A deal of 150 a month at 800 % = 1,200 (the cap is 5,000).
				return tprog(r, "8x MRR SPIF", "Eight times the monthly recurring revenue of each new deal on "+r.sku+" in the first three months, at most 5,000 per rep and month.", engine.PeriodMonth,
					engine.Eligibility{},
					[]engine.Rule{{Key: "mrr-spif", Name: "8x MRR SPIF", Kind: engine.RuleSPIF, Basis: engine.BasisRevenue, Cap: decimal.NewNullDecimal(tdec("5000")),
						SPIF: &engine.SPIFRule{SKUs: []string{r.sku}, From: r.start, To: r.start.AddMonths(3).AddDays(-1), Rate: tdec("800"), Confirmed: true}}},
					engine.Example{Name: "a deal of 150 a month", Sales: tdec("150"), Expect: expect("mrr-spif", "1200")}), nil
			}},
		{"migration-bonus", "Migration bonus", "15 % of a migrated customer's revenue once it passes 36,000 a year",
			func(r templateRefs) (engine.Program, error) {
				// 40,000 reaches the band from 36,000: 15 % of the whole 40,000 = 6,000; 30,000 stays in the 0 % band.
				return tprog(r, "Migration bonus", "15 % of migration revenue in the fiscal year once it passes 36,000 (the first band pays 0 %).", engine.PeriodYear,
					engine.Eligibility{},
					[]engine.Rule{{Key: "migration", Name: "Migration bonus", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
						Rate: &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{{From: tdec("0"), Rate: tdec("0")}, {From: tdec("36000"), Rate: tdec("15")}}}}},
					engine.Example{Name: "40,000 in a year", Sales: tdec("40000"), Expect: expect("migration", "6000")},
					engine.Example{Name: "30,000 in a year", Sales: tdec("30000"), Expect: expect("migration", "0")}), nil
			}},
		{"mdf", "Market development fund", "market development and co-op funds earned on sales and claimed against proof of spend",
			func(r templateRefs) (engine.Program, error) {
				// 3 % of 50,000 = 1,500 credited to the fund.
				return tprog(r, "Market development fund", "3 % of sales credited to the partner's MDF each quarter, to be claimed against proof of spend within 180 days.", engine.PeriodQuarter,
					engine.Eligibility{},
					[]engine.Rule{{Key: "mdf", Name: "Market development fund", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
						Fund: &engine.FundRule{Rate: tdec("3"), ValidityDays: 180, Fund: "MDF"}}},
					engine.Example{Name: "50,000 in a quarter", Sales: tdec("50000"), Expect: expect("mdf", "1500")}), nil
			}},
		{"deal-registration", "Deal registration bonus", "deal registration protection with a bonus on registered, approved deals",
			func(r templateRefs) (engine.Program, error) {
				// 5 % of a registered deal of 20,000 closed in the window = 1,000.
				return tprog(r, "Deal registration bonus", "5 % on the net amount of registered deals closed inside the protection window after approval.", engine.PeriodQuarter,
					engine.Eligibility{},
					[]engine.Rule{{Key: "dealreg", Name: "Registered deal bonus", Kind: engine.RuleDealReg, Basis: engine.BasisRevenue,
						DealReg: &engine.DealRegRule{Rate: tdec("5")}}},
					engine.Example{Name: "a registered deal of 20,000", Sales: tdec("20000"), Expect: expect("dealreg", "1000")}), nil
			}},
		{"segment-program", "Education and start-up programme", "different programs for resellers, MSPs, ISVs, start-ups, education and affiliates",
			func(r templateRefs) (engine.Program, error) {
				// An MSP in education with 10,000: 8 % = 800; a reseller is not eligible: 0.
				return tprog(r, "Education and start-up programme", "8 % for MSP and ISV partners serving education and start-ups; copy it for each kind and segment you run.", engine.PeriodQuarter,
					engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindMSP, engine.KindISV}, Segments: []string{"education", "start-up"}},
					[]engine.Rule{{Key: "commission", Name: "Segment commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
						Rate: &engine.RateRule{Rate: tdec("8")}}},
					engine.Example{Name: "an education MSP with 10,000", PartnerKind: engine.KindMSP, Segment: "education", Sales: tdec("10000"), Expect: expect("commission", "800")},
					engine.Example{Name: "a reseller is not eligible", PartnerKind: engine.KindReseller, Segment: "education", Sales: tdec("10000"), Expect: expect("commission", "0")}), nil
			}},
		{"volume-rebate", "Volume rebate", "rebates whose thresholds partners can see approaching (progress nudges)",
			func(r templateRefs) (engine.Program, error) {
				// 120,000 reaches the band from 100,000: 5 % of the whole 120,000 = 6,000;
				// the top tier earns x1.2 = 7,200.
				rule := engine.Rule{Key: "rebate", Name: "Volume rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
					Rate: &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{{From: tdec("0"), Rate: tdec("2")}, {From: tdec("50000"), Rate: tdec("4")}, {From: tdec("100000"), Rate: tdec("5")}}}}
				ex := []engine.Example{{Name: "120,000 in a quarter", Sales: tdec("120000"), Expect: expect("rebate", "6000")}}
				if r.topTier != "" {
					rule.TierMultipliers = map[string]decimal.Decimal{r.topTier: tdec("1.2")}
					ex = append(ex, engine.Example{Name: r.topTier + " with 120,000 in a quarter", Tier: r.topTier, Sales: tdec("120000"), Expect: expect("rebate", "7200")})
				}
				return tprog(r, "Volume rebate", "A quarterly rebate of 2 % from the first sale, 4 % from 50,000 and 5 % from 100,000 on the whole quarter; statements show how far the next band is.", engine.PeriodQuarter,
					engine.Eligibility{}, []engine.Rule{rule}, ex...), nil
			}},
		{"new-logo", "New logo accelerator", "a bigger reward for selling a new product to a new customer than an existing product to an existing one",
			func(r templateRefs) (engine.Program, error) {
				// 5 % of 10,000 weighed 2 (new customer, new product) = 1,000; weighed 1 (existing, existing) = 500.
				return tprog(r, "New logo accelerator", "5 % on revenue, weighed 2 for a new product to a new customer, 1.5 and 1.2 in between, 1 for an existing product to an existing customer.", engine.PeriodQuarter,
					engine.Eligibility{},
					[]engine.Rule{{Key: "new-logo", Name: "New logo commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
						Matrix: &engine.Matrix{NewNew: tdec("2"), NewExisting: tdec("1.5"), ExistingNew: tdec("1.2"), ExistingExisting: tdec("1")},
						Rate:   &engine.RateRule{Rate: tdec("5")}}},
					engine.Example{Name: "new product to a new customer, 10,000", Customer: engine.FilterNew, Product: engine.FilterNew, Sales: tdec("10000"), Expect: expect("new-logo", "1000")},
					engine.Example{Name: "existing product to an existing customer, 10,000", Customer: engine.FilterExisting, Product: engine.FilterExisting, Sales: tdec("10000"), Expect: expect("new-logo", "500")}), nil
			}},
	}
}

func tprog(r templateRefs, name, desc string, pk engine.PeriodKind, el engine.Eligibility, rules []engine.Rule, ex ...engine.Example) engine.Program {
	return engine.Program{Name: name, Description: desc, PeriodKind: pk, ValidFrom: r.start, Eligibility: el, Status: engine.ProgramDraft, Rules: rules, Examples: ex}
}

// TemplateProgram builds template name for this company, valid from start
// (0: the first day of the current month), without saving it.
func (s *Service) TemplateProgram(name string, start engine.Date) (engine.Program, error) {
	i := slices.IndexFunc(ProgramTemplates(), func(t ProgramTemplate) bool { return strings.EqualFold(t.Name, name) })
	if i < 0 {
		var names []string
		for _, t := range ProgramTemplates() {
			names = append(names, t.Name)
		}
		return engine.Program{}, &engine.ValidationError{Field: "template", Reason: fmt.Sprintf("there is no template %q: the templates are %s", name, strings.Join(names, ", "))}
	}
	if start == 0 {
		y, m, _ := s.Today().YMD()
		start = engine.NewDate(y, m, 1)
	}
	refs := templateRefs{start: start}
	err := s.view(func(tx *data.Tx) error {
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		if n := len(l.Levels); n > 1 {
			refs.topTier = l.Levels[n-1].Name
		}
		var first, sub string
		err = data.Each(tx, func(p *engine.Product) error {
			if first == "" {
				first = p.SKU
			}
			if sub == "" && p.Subscription {
				sub = p.SKU
			}
			return nil
		})
		refs.sku = cmp.Or(sub, first)
		return err
	})
	if err != nil {
		return engine.Program{}, err
	}
	p, err := ProgramTemplates()[i].build(refs)
	if err != nil {
		return p, &engine.ValidationError{Field: "template", Reason: err.Error()}
	}
	return p, nil
}

// NewProgramFromTemplate saves template name as a new draft program, named
// as the template unless name is given. A program of that name already
// existing is refused (a save by name would replace it).
func (s *Service) NewProgramFromTemplate(template, name string, start engine.Date) (engine.Program, error) {
	p, err := s.TemplateProgram(template, start)
	if err != nil {
		return p, err
	}
	if strings.TrimSpace(name) != "" {
		p.Name = strings.TrimSpace(name)
	}
	var taken *engine.Program
	if err := s.view(func(tx *data.Tx) error { taken = programNamed(tx, p.Name, 0); return nil }); err != nil {
		return p, err
	}
	if taken != nil {
		return p, &engine.ValidationError{Field: "name", Reason: fmt.Sprintf("program %d is already named %q: give the new one another name (--name)", taken.ID, taken.Name)}
	}
	return s.SaveProgram(p)
}

// ProgramTemplateList lists the templates for the window's "New from
// template", in the order of `program templates`.
func (s *Service) ProgramTemplateList() []views.ProgramTemplate {
	ts := ProgramTemplates()
	out := make([]views.ProgramTemplate, len(ts))
	for i, t := range ts {
		out[i] = views.ProgramTemplate{Name: t.Name, Title: t.Title, Summary: t.Summary}
	}
	return out
}
