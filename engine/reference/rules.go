package reference

import (
	"partnerdesk/engine"
)

// ---- the rule kinds -----------------------------------------------------

func (r *run) rule(p *engine.Program, rule *engine.Rule) []result {
	switch rule.Kind {
	case engine.RuleRate:
		return r.rate(p, rule)
	case engine.RuleTarget:
		return r.target(p, rule)
	case engine.RuleSPIF:
		return r.spif(p, rule)
	case engine.RuleDealReg:
		return r.dealReg(p, rule)
	case engine.RuleReferral:
		return r.referral(p, rule)
	case engine.RuleFund:
		return r.fund(p, rule)
	case engine.RuleTraining:
		return r.training(p, rule)
	case engine.RuleActivity:
		return r.activity(p, rule)
	case engine.RuleLoyalty:
		return r.loyalty(p, rule)
	}
	return nil
}

// rate: one flat rate, or bands (retroactive or marginal), one band table
// per tier where the rule has one.
func (r *run) rate(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: "basis " + basis.String()}
		if basis.IsNegative() {
			out = append(out, res)
			continue
		}
		bands := rule.Rate.Bands
		if tb, ok := rule.Rate.TierBands[r.tier(b.owner[i])]; ok && len(tb) > 0 {
			bands = tb
		}
		if len(bands) == 0 {
			res.full = onBasis(rule, basis, rule.Rate.Rate)
		} else if rule.Rate.Mode == engine.Marginal {
			for j, band := range bands {
				if basis.LessThan(band.From) {
					break
				}
				top := basis
				if j+1 < len(bands) && bands[j+1].From.LessThan(basis) {
					top = bands[j+1].From
				}
				res.full = res.full.Add(onBasis(rule, top.Sub(band.From), band.Rate))
			}
		} else {
			rate := zero
			for _, band := range bands {
				if !basis.LessThan(band.From) {
					rate = band.Rate
				}
			}
			res.full = onBasis(rule, basis, rate)
		}
		out = append(out, res)
	}
	return out
}

// target: the highest step reached of basis / target pays its amount, plus
// the accelerator's rate on the basis above the target.
func (r *run) target(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	t := rule.Target
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		target := t.DefaultTarget
		if own, ok := t.Targets[b.owner[i]]; ok {
			target = own
		}
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: "basis " + basis.String() + " target " + target.String()}
		if !target.IsPositive() || basis.IsNegative() {
			out = append(out, res)
			continue
		}
		// Attainment in percent, exactly: basis / target x 100 >= step
		// is basis x 100 >= step x target.
		var best *engine.Step
		for j := range t.Steps {
			s := &t.Steps[j]
			if basis.Mul(hundred).LessThan(s.Attainment.Mul(target)) {
				continue
			}
			if best == nil || s.Attainment.GreaterThan(best.Attainment) {
				best = s
			}
		}
		if best != nil {
			res.full = best.Amount
		}
		if basis.GreaterThan(target) {
			res.full = res.full.Add(percentOf(basis.Sub(target), t.Accelerator))
		}
		out = append(out, res)
	}
	return out
}

// spif: an amount per unit or per deal, or a rate, for the listed SKUs sold
// inside the SPIF's own window, to the rep on the sale (else the partner).
func (r *run) spif(p *engine.Program, rule *engine.Rule) []result {
	sp := rule.SPIF
	from, to := r.validity(p)
	if sp.From != 0 && sp.From > from {
		from = sp.From
	}
	if sp.To != 0 && sp.To < to {
		to = sp.To
	}
	value := "qty"
	if sp.Rate.IsPositive() {
		value = "net"
	} else if sp.PerDeal {
		value = "deals"
	}
	skus := sp.SKUs
	if skus == nil {
		skus = []string{}
	}
	b := r.creditedBasis(p, rule, value, true, from, to, skus)
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: value + " " + basis.String()}
		if !basis.IsNegative() {
			if value == "net" {
				res.full = percentOf(basis, sp.Rate)
			} else {
				res.full = basis.Mul(sp.Amount)
			}
		}
		out = append(out, res)
	}
	return out
}

// dealReg: a rate on the whole net amount of the sales linked to an
// approved registration, sold no later than the approval plus the window,
// to the registering partner whatever the credit splits.
func (r *run) dealReg(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := &basisSum{}
	for _, s := range r.periodSales() {
		wd := r.windowDate(s)
		if s.RegistrationID == 0 || wd < from || wd > to {
			continue
		}
		if !lineMatches(rule, s, r.product(s.ProductID)) {
			continue
		}
		reg := r.registration(s.RegistrationID)
		if reg == nil || reg.Decision != engine.DecisionApproved || reg.DecidedOn == 0 || reg.Outcome == engine.OutcomeExpired {
			continue
		}
		if wd > reg.DecidedOn+engine.Date(reg.WindowDays) {
			continue
		}
		pa := r.partner(reg.PartnerID)
		if !r.whoMatches(p, rule, pa, r.rep(s.RepID)) {
			continue
		}
		b.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, s.Net.Mul(weight(rule, s)))
	}
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "linked net " + b.sums[i].String()}
		if !b.sums[i].IsNegative() {
			res.full = percentOf(b.sums[i], rule.DealReg.Rate)
		}
		out = append(out, res)
	}
	return out
}

// firstSale is a customer's first sale ever (a return is never one): the
// earliest by date, then by id, across the history and the period. The
// customer is new, once, when that sale is marked new.
func (r *run) firstSale(customer string) *engine.Sale {
	var best *engine.Sale
	consider := func(s *engine.Sale) {
		if s.Customer != customer || isReturn(s) {
			return
		}
		if best == nil || s.Date < best.Date || s.Date == best.Date && s.ID < best.ID {
			best = s
		}
	}
	for i := range r.in.CustomerFirstSales {
		consider(&r.in.CustomerFirstSales[i])
	}
	for i := range r.in.Sales {
		consider(&r.in.Sales[i])
	}
	return best
}

// referrer is the partner whose referral code the sale carries, else the
// sale's partner.
func (r *run) referrer(s *engine.Sale) *engine.Partner {
	if s.ReferralCode != "" {
		var best *engine.Partner
		for i := range r.in.Partners {
			pa := &r.in.Partners[i]
			if pa.ReferralCode == s.ReferralCode && (best == nil || pa.ID < best.ID) {
				best = pa
			}
		}
		if best != nil {
			return best
		}
	}
	return r.partner(s.PartnerID)
}

// referral: a bounty per new customer whose first sale falls in the period
// (not weighted), and a rate on the subscription revenue of customers first
// sold inside the program's validity, for N months from the first sale
// (clamped, exclusive), on the referrer's basis.
func (r *run) referral(p *engine.Program, rule *engine.Rule) []result {
	rr := rule.Referral
	from, to := r.window(p)
	bounties := &basisSum{}
	share := &basisSum{}
	// The customers of the period, each once, in order of appearance.
	var customers []string
	for _, s := range r.periodSales() {
		seen := false
		for _, c := range customers {
			if c == s.Customer {
				seen = true
			}
		}
		if !seen && s.Customer != "" {
			customers = append(customers, s.Customer)
		}
	}
	for _, c := range customers {
		first := r.firstSale(c)
		if first == nil || !first.NewCustomer {
			continue // first sold unmarked: an existing customer for good
		}
		ref := r.referrer(first)
		if !r.whoMatches(p, rule, ref, nil) {
			continue
		}
		payee := engine.Payee{Kind: engine.PayeePartner, ID: ref.ID}
		if first.Date >= from && first.Date <= to && lineMatches(rule, first, r.product(first.ProductID)) {
			bounties.add(payee, ref.ID, one)
		}
		if first.Date < p.ValidFrom {
			continue // first sold before the program: not its referral
		}
		var end engine.Date
		if rr.Months > 0 {
			end = monthsLater(first.Date, rr.Months)
		}
		for _, s := range r.periodSales() {
			wd := r.windowDate(s)
			if s.Customer != c || wd < p.ValidFrom || p.ValidTo != 0 && wd > p.ValidTo || wd < first.Date {
				continue
			}
			if end != 0 && wd >= end {
				continue
			}
			prod := r.product(s.ProductID)
			if prod == nil || !prod.Subscription || !lineMatches(rule, s, prod) {
				continue
			}
			share.add(payee, ref.ID, s.Net.Mul(weight(rule, s)))
		}
	}
	var out []result
	for i, payee := range bounties.payees {
		out = append(out, result{payee: payee, partner: bounties.owner[i], full: bounties.sums[i].Mul(rr.Bounty),
			note: "new customers " + bounties.sums[i].String()})
	}
	for i, payee := range share.payees {
		part := zero
		if !share.sums[i].IsNegative() {
			part = percentOf(share.sums[i], rr.Rate)
		}
		found := false
		for j := range out {
			if out[j].payee == payee {
				out[j].full = out[j].full.Add(part)
				out[j].note += ", subscription basis " + share.sums[i].String()
				found = true
			}
		}
		if !found {
			out = append(out, result{payee: payee, partner: share.owner[i], full: part, note: "subscription basis " + share.sums[i].String()})
		}
	}
	return out
}

// fund: a rate on the basis credited to the partner's fund.
func (r *run) fund(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "basis " + b.sums[i].String()}
		if !b.sums[i].IsNegative() {
			res.full = onBasis(rule, b.sums[i], rule.Fund.Rate)
		}
		out = append(out, res)
	}
	return out
}

// training: an amount or points per completed listed course, once per rep
// and course (the rep's first completion ever), in the period of that
// completion.
func (r *run) training(p *engine.Program, rule *engine.Rule) []result {
	tr := rule.Training
	from, to := r.window(p)
	counts := &basisSum{}
	for i := range r.in.Trainings {
		t := &r.in.Trainings[i]
		if !listed(tr.Courses, t.Course) || t.Completed < from || t.Completed > to {
			continue
		}
		first := true
		for j := range r.in.Trainings {
			o := &r.in.Trainings[j]
			if o.RepID == t.RepID && sameName(o.Course, t.Course) && (o.Completed < t.Completed || o.Completed == t.Completed && o.ID < t.ID) {
				first = false
			}
		}
		if !first {
			continue
		}
		rp := r.rep(t.RepID)
		if rp == nil {
			continue
		}
		pa := r.partner(rp.PartnerID)
		if !r.whoMatches(p, rule, pa, rp) {
			continue
		}
		counts.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, one)
	}
	var out []result
	for i, payee := range counts.payees {
		out = append(out, result{payee: payee, partner: counts.owner[i], full: counts.sums[i].Mul(tr.Amount), note: "courses " + counts.sums[i].String()})
	}
	return out
}

// activity: an amount or points per activity of a listed type, to the
// partner or, when the rule says so, to the rep named on the activity.
func (r *run) activity(p *engine.Program, rule *engine.Rule) []result {
	ar := rule.Activity
	from, to := r.window(p)
	counts := &basisSum{}
	for i := range r.in.Activities {
		a := &r.in.Activities[i]
		if a.Date < from || a.Date > to || !listed(ar.Types, a.Type) {
			continue
		}
		pa := r.partner(a.PartnerID)
		rp := r.rep(a.RepID)
		if !r.whoMatches(p, rule, pa, rp) {
			continue
		}
		if ar.ToRep && rp != nil {
			counts.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, one)
		} else {
			counts.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, one)
		}
	}
	var out []result
	for i, payee := range counts.payees {
		out = append(out, result{payee: payee, partner: counts.owner[i], full: counts.sums[i].Mul(ar.Amount), note: "activities " + counts.sums[i].String()})
	}
	return out
}

// loyalty: points per currency unit (or unit) of basis, before the floor.
func (r *run) loyalty(p *engine.Program, rule *engine.Rule) []result {
	lr := rule.Loyalty
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), lr.ToRep, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "basis " + b.sums[i].String()}
		if !b.sums[i].IsNegative() && lr.Per.IsPositive() {
			// Kept as the fraction basis x points / per: finish floors it
			// exactly, after the multiplier.
			res.full = b.sums[i].Mul(lr.Points)
		}
		out = append(out, res)
	}
	return out
}
