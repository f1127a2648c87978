package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// Scale pools: quantities 1..scaleQtys and scaleVariants discounted prices
// per product, so that every sale's amounts come from a few thousand
// prepared decimals (decimal values are immutable and safe to share).
const (
	scaleQtys     = 16
	scaleVariants = 8
	// invoiceLen is len("INV-2026-0000001").
	invoiceLen = 16
	// customerLen is len("Customer 0000001").
	customerLen = 16
)

// Scale returns a large synthetic data set for benchmarks and the scale
// report: partners partners (names cycling through the demo's scripts),
// reps reps spread round-robin over them, sales sales lines spread evenly
// over from..to in invoices of 1-3 lines, and 10 programs of 3 rules each.
// About 1 invoice in 200 is a return of the partner's previous line, 1 in
// 100 closes an approved registration and 1 in 500 is split 60/40.
//
// It is built for speed: amounts come from prepared pools and the invoice
// and customer strings are slices of two large strings, so a million lines
// cost a handful of allocations beyond the sales slice itself.
func Scale(partners, reps, sales int, seed int64, from, to engine.Date) Dataset {
	partners = max(partners, 1)
	reps = max(reps, 0)
	sales = max(sales, 0)
	to = max(to, from)
	r := newRand(seed)
	ds := Dataset{Company: demoCompany(), Ladder: demoLadder(), Products: demoProducts()}

	ds.Partners = make([]engine.Partner, partners)
	for i := range ds.Partners {
		s := partnerSpecs[i%len(partnerSpecs)]
		name := s.name
		if i >= len(partnerSpecs) {
			name += " " + strconv.Itoa(i/len(partnerSpecs)+1)
		}
		region := regionOf(s.country)
		ds.Partners[i] = engine.Partner{ID: engine.ID(i + 1), Name: name, Kind: s.kind, Segment: s.segment, Region: region,
			Country: s.country, Email: "partners@" + s.domain, AccountManager: accountManagerOf(region),
			ReferralCode: s.code + "-" + strconv.Itoa(i+1), Status: engine.StatusActive, Joined: from.AddDays(-365), Language: s.lang}
	}
	ds.Reps = make([]engine.Rep, reps)
	roles := []string{RoleManager, RoleSales, RolePresales, RoleSales}
	for j := range ds.Reps {
		p := j % partners
		s := partnerSpecs[p%len(partnerSpecs)]
		people := pools[s.pool].people
		ds.Reps[j] = engine.Rep{ID: engine.ID(j + 1), PartnerID: engine.ID(p + 1), Name: people[(j/partners)%len(people)],
			Email: "rep" + strconv.Itoa(j+1) + "@" + s.domain, Role: roles[(j/partners)%len(roles)], Active: true}
	}

	days := int(to-from) + 1
	mid := engine.Month(from + engine.Date(days/2)).Start
	ds.TierHistory = make([]engine.TierChange, 0, partners+partners/10)
	for i := range partners {
		t := openingTier(partnerSpecs[i%len(partnerSpecs)])
		ds.TierHistory = append(ds.TierHistory, engine.TierChange{PartnerID: engine.ID(i + 1), Tier: tierNames[t], From: from, Note: "Opening tier."})
	}
	for i := 0; i < partners; i += 10 {
		if t := openingTier(partnerSpecs[i%len(partnerSpecs)]); t < len(tierNames)-1 && mid > from {
			ds.TierHistory = append(ds.TierHistory, engine.TierChange{PartnerID: engine.ID(i + 1), Tier: tierNames[t+1], From: mid, Note: "Promoted."})
		}
	}
	for k := range ds.TierHistory {
		ds.TierHistory[k].ID = engine.ID(k + 1)
	}

	ds.Trainings = make([]engine.Training, 0, reps/2+1)
	ds.Activities = make([]engine.Activity, 0, reps)
	acts := []string{ActDemo, ActWebinar, ActJointCall, ActQBR, ActEvent}
	for j := range reps {
		d := from + engine.Date(int64(j)*int64(days)/int64(reps))
		rep := engine.ID(j + 1)
		if j%2 == 0 {
			t := engine.Training{ID: engine.ID(len(ds.Trainings) + 1), RepID: rep, Course: courses[(j/2)%len(courses)], Completed: d}
			if j%10 == 0 {
				t.Course, t.Certification, t.ValidUntil = certifications[(j/10)%len(certifications)], true, d.AddMonths(certValidMonths)
			}
			ds.Trainings = append(ds.Trainings, t)
		}
		ds.Activities = append(ds.Activities, engine.Activity{ID: engine.ID(j + 1), PartnerID: engine.ID(j%partners + 1), RepID: rep, Type: acts[j%len(acts)], Date: d})
	}

	ds.Sales, ds.Registrations = scaleSales(r, partners, reps, sales, from, days)
	ds.Programs = scalePrograms(from, to)
	return ds
}

// scaleSales fills the sales lines and the registrations they close.
//
// It is long because it generates each field of a demo sale (customer,
// invoice, product, amounts, returns) in the one loop that keeps invoices
// and returns consistent.
func scaleSales(r *rand.Rand, partners, reps, n int, from engine.Date, days int) ([]engine.Sale, []engine.Registration) {
	np := len(products)
	qtys := make([]decimal.Decimal, scaleQtys)
	for q := range qtys {
		qtys[q] = decimal.NewFromInt(int64(q + 1))
	}
	prices := make([]decimal.Decimal, np*scaleVariants)
	nets := make([]decimal.Decimal, np*scaleVariants*scaleQtys)
	for p := range np {
		list := dec(products[p].list)
		for v := range scaleVariants {
			price := list.Mul(decimal.NewFromInt(int64(100 - 5*v))).Shift(-2).Round(2)
			prices[p*scaleVariants+v] = price
			for q := range scaleQtys {
				nets[(p*scaleVariants+v)*scaleQtys+q] = price.Mul(qtys[q]).Round(2)
			}
		}
	}
	sixty, forty := dec("60"), dec("40")

	// Customers are slices of one string: "Customer 0000001".
	nc := max(partners*8, 1000)
	cbuf := make([]byte, 0, nc*customerLen)
	for c := range nc {
		cbuf = append(cbuf, "Customer "...)
		cbuf = appendPadded(cbuf, c+1, 7)
	}
	cstr := string(cbuf)
	customer := func(c int) string { return cstr[c*customerLen : (c+1)*customerLen] }
	seenCust := make([]bool, nc)
	seenProd := make([]bool, nc*np)

	out := make([]engine.Sale, n)
	invOff := make([]int32, n) // each line's invoice number, an index into ibuf
	ibuf := make([]byte, 0, n*invoiceLen)
	last := make([]int32, partners) // each partner's last non-return line + 1
	type ret struct{ line, orig int32 }
	var rets []ret
	var regs []engine.Registration
	year, counter, nextYear := 0, 0, engine.Date(math.MinInt32)

	for i := 0; i < n; {
		date := from + engine.Date(int64(i)*int64(days)/int64(n))
		p := r.IntN(partners)
		rep := engine.ID(0)
		if k := reps / partners; k > 0 || p < reps%partners {
			perPartner := k
			if p < reps%partners {
				perPartner++
			}
			rep = engine.ID(p + r.IntN(perPartner)*partners + 1)
		}
		if date >= nextYear {
			// Invoice numbers restart each calendar year.
			y, _, _ := date.YMD()
			year, counter, nextYear = y, 0, engine.NewDate(y+1, time.January, 1)
		}
		counter++
		off := int32(len(ibuf) / invoiceLen)
		ibuf = append(ibuf, "INV-"...)
		ibuf = appendPadded(ibuf, year, 4)
		ibuf = append(ibuf, '-')
		ibuf = appendPadded(ibuf, counter, 7)

		kind := r.IntN(1000)
		if o := last[p] - 1; kind < 5 && o >= 0 && out[o].Date < date {
			// A return of the partner's previous line, in full.
			s := &out[i]
			*s = out[o]
			s.ID, s.Date, s.Line, s.NewCustomer, s.NewProduct, s.ReferralCode = engine.ID(i+1), date, 1, false, false, ""
			s.Quantity, s.Net = s.Quantity.Neg(), s.Net.Neg()
			invOff[i] = off
			rets = append(rets, ret{int32(i), o})
			last[p] = 0 // a line comes back once
			i++
			continue
		}
		c := r.IntN(nc)
		cust := customer(c)
		newCust := !seenCust[c]
		seenCust[c] = true
		var reg engine.ID
		var splits []engine.CreditSplit
		switch {
		case kind >= 990:
			reg = engine.ID(len(regs) + 1)
			regs = append(regs, engine.Registration{ID: reg, PartnerID: engine.ID(p + 1), RepID: rep, Customer: cust,
				ExpectedValue: nets[r.IntN(len(nets))], Submitted: date - 30, Decision: engine.DecisionApproved,
				DecidedBy: "Channel team", DecidedOn: date - 25, WindowDays: 60, Outcome: engine.OutcomeWon})
		case kind >= 988 && partners > 1:
			other := (p + 1 + r.IntN(partners-1)) % partners
			splits = []engine.CreditSplit{{PartnerID: engine.ID(p + 1), RepID: rep, Share: sixty}, {PartnerID: engine.ID(other + 1), Share: forty}}
		}
		lines := min(1+r.IntN(3), n-i)
		base := r.IntN(np)
		for l := range lines {
			prod := (base + 7*l) % np
			v, q := r.IntN(scaleVariants), r.IntN(scaleQtys)
			cp := c*np + prod
			s := &out[i]
			*s = engine.Sale{ID: engine.ID(i + 1), Date: date, PartnerID: engine.ID(p + 1), RepID: rep, Customer: cust,
				NewCustomer: newCust, NewProduct: !seenProd[cp], ProductID: engine.ID(prod + 1),
				Quantity: qtys[q], UnitPrice: prices[prod*scaleVariants+v], Net: nets[(prod*scaleVariants+v)*scaleQtys+q],
				Line: l + 1, RegistrationID: reg, Splits: splits}
			seenProd[cp] = true
			invOff[i] = off
			i++
		}
		last[p] = int32(i)
	}

	// One string for every invoice number; each line takes a slice of it.
	istr := string(ibuf)
	for i := range out {
		o := int(invOff[i]) * invoiceLen
		out[i].Invoice = istr[o : o+invoiceLen]
	}
	for _, rt := range rets {
		out[rt.line].OriginalInvoice = out[rt.orig].Invoice
	}
	return out, regs
}

// appendPadded appends v in decimal, zero-padded to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// scalePrograms returns 10 active programs of 3 rules each that between
// them use every rule kind several times, over the monthly, quarterly and
// yearly period kinds.
func scalePrograms(from, to engine.Date) []engine.Program {
	periods := []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear}
	elig := []engine.Eligibility{
		{},
		{Kinds: sellers},
		{Kinds: []engine.PartnerKind{engine.KindMSP, engine.KindReferral, engine.KindInfluencer, engine.KindISV}},
	}
	out := make([]engine.Program, 10)
	for k := range out {
		rules := make([]engine.Rule, 3)
		for j := range rules {
			kind := engine.RuleKinds[(3*k+j)%len(engine.RuleKinds)]
			rules[j] = scaleRule(kind, "r"+strconv.Itoa(j+1), from, to)
		}
		out[k] = engine.Program{ID: engine.ID(k + 1), Name: "Scale programme " + strconv.Itoa(k+1), Currency: "EUR",
			PeriodKind: periods[k%len(periods)], ValidFrom: from, Eligibility: elig[k%len(elig)],
			Budget: decimal.NewFromInt(int64(k+1) * 100000), Status: engine.ProgramActive, Rules: rules}
	}
	return out
}

// scaleRule is a typical rule of the kind.
func scaleRule(kind engine.RuleKind, key string, from, to engine.Date) engine.Rule {
	r := engine.Rule{Key: key, Name: string(kind) + " " + key, Kind: kind, Basis: engine.BasisRevenue}
	switch kind {
	case engine.RuleRate:
		r.TierMultipliers = tierMult("1.1", "1.2", "1.3")
		r.Rate = &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{
			{From: dec("0"), Rate: dec("1")}, {From: dec("10000"), Rate: dec("2")}, {From: dec("50000"), Rate: dec("4")}}}
	case engine.RuleTarget:
		r.Target = &engine.TargetRule{DefaultTarget: dec("20000"), Accelerator: dec("2"),
			Steps: []engine.Step{{Attainment: dec("80"), Amount: dec("250")}, {Attainment: dec("100"), Amount: dec("750")}}}
	case engine.RuleSPIF:
		r.Basis, r.Cap = engine.BasisUnits, capOf("2000")
		r.SPIF = &engine.SPIFRule{SKUs: []string{"NL-CLOUD-ENT", "HW-EDGE-S"}, From: from, To: to, Amount: dec("5")}
	case engine.RuleDealReg:
		r.DealReg = &engine.DealRegRule{Rate: dec("5")}
	case engine.RuleReferral:
		r.Referral = &engine.ReferralRule{Bounty: dec("100"), Rate: dec("10"), Months: 12}
	case engine.RuleFund:
		r.Fund = &engine.FundRule{Rate: dec("2"), ValidityDays: 180, Fund: "MDF"}
	case engine.RuleTraining:
		r.Basis = ""
		r.Training = &engine.TrainingRule{Courses: append(append([]string{}, courses...), certifications...), Amount: dec("50"), Unit: engine.UnitPoints}
	case engine.RuleActivity:
		r.Basis = ""
		r.Activity = &engine.ActivityRule{Types: []string{ActDemo, ActWebinar, ActJointCall}, Amount: dec("10"), Unit: engine.UnitPoints, ToRep: true}
	case engine.RuleLoyalty:
		r.Loyalty = &engine.LoyaltyRule{Points: dec("1"), Per: dec("10")}
	}
	return r
}
