package engine

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Inputs is everything one period's computation reads. The caller loads it;
// Compute only reads it, so the same call serves the period run and a
// simulation of a draft program or a changed rule.
type Inputs struct {
	Company  Company
	Period   Period
	Programs []Program
	// IncludeDrafts computes draft programs too (a simulation); otherwise
	// only active programs compute.
	IncludeDrafts bool
	Partners      []Partner
	Reps          []Rep
	Products      []Product
	// Sales are every sale dated in the period, and the late sales dated
	// before it (Booked set) that may adjust it; Compute decides, per the
	// period's kind, where each counts (see classify).
	Sales []Sale
	// Registrations are those the sales link to.
	Registrations []Registration
	// Trainings are all completions up to the period end: only a rep's first
	// completion of a course pays, in the period that contains it. Only
	// training rules read them (see ReadsRuleKind).
	Trainings []Training
	// Activities are those dated in the period; only activity rules read
	// them.
	Activities  []Activity
	TierHistory []TierChange
	Ladder      TierLadder
	// CustomerFirstSales hold, per customer, its first sale before the
	// period (flagged new or not): referral needs each customer's first
	// sale ever.
	CustomerFirstSales []Sale
	// ClosedPeriods, ClosedLines and Originals serve adjustments: the closed
	// periods, their approved or paid lines, and the original sales that
	// this period's returns name.
	ClosedPeriods []Period
	ClosedLines   []RewardLine
	Originals     []Sale
	// SalesAtClose is, per closed period key, the highest sale id that
	// existed when it was closed: a sale dated in it with a higher id was
	// entered late and adjusts a later period. A period without it (closed
	// before this was recorded) falls back on the sale's booking day.
	SalesAtClose map[string]ID
}

// Result is a period's computation.
type Result struct {
	// Lines are draft reward lines, ID 0, ordered by program id, rule order,
	// payee kind (partners first), payee id, then adjustments and invoice.
	Lines []RewardLine
	// Nudges say, per payee of rate and target rules, what is missing to the
	// next band or step.
	Nudges []Nudge
}

// Nudge is what a payee still misses to the next band or target step of one rule.
type Nudge struct {
	ProgramID   ID          `json:"program_id"`
	RuleKey     string      `json:"rule_key"`
	Payee       Payee       `json:"payee"`
	PartnerID   ID          `json:"partner_id"`
	Explanation Explanation `json:"explanation"`
}

// Total returns the sum of the money lines (units money and fund) and of the
// points of lines, as a statement adds them up.
func (r Result) Total() (money decimal.Decimal, points int64) {
	for i := range r.Lines {
		money = money.Add(r.Lines[i].Amount)
		points += r.Lines[i].Points
	}
	return money, points
}

// computer holds one Compute call's indexes.
type computer struct {
	in       *Inputs
	cur      Currency
	period   Period
	fy       time.Month
	partners []Partner
	reps     []Rep
	products []Product
	pidx     map[ID]int32
	ridx     map[ID]int32
	prodIdx  map[ID]int32
	byCode   map[string]int32 // referral code -> partner index
	tiers    []string         // partner index -> tier on the period's first day
	regs     map[ID]*Registration

	// pDense, rDense and prodDense hold the same as slices by id when
	// the ids are compact (sequence ids are): a million sales then look
	// up three indexes each without hashing.
	pDense, rDense, prodDense []int32

	// sales are the records of the period's basis, in chunks of
	// saleChunk; kept holds the sales a slow path reads whole (saleRec.full)
	// and the adjusting ones; pending are the returns naming an invoice,
	// classified once the originals are known (SaleStream.Finish).
	sales              [][]saleRec
	kept               []Sale
	pending            []Sale
	originals          map[invKey][]Sale
	netScale, qtyScale int32
	adjSales           []adjSale
	cust               *customerIndex  // customers and their first sales, for referral rules
	closedKeys         map[string]bool // period key -> closed, filled as asked

	// rules hold each rule's lines, in program and rule order; adj holds
	// the adjustments', which follow them (see runRules).
	rules []*ruleTask
	adj   emitter
}

// emitter collects the lines of one rule (or of the adjustments) as they
// are emitted: rules compute side by side, each into its own.
type emitter struct {
	out    []*keyedLine
	err    error       // the first line beyond the line limits (checkLine)
	slab   []keyedLine // lines are carved from slabs: no copying as the list grows
	nudges []keyedNudge
	// lastAmount is the part figure emitItems showed last (see there).
	lastAmount partAmount
}

// keyedLine carries a line's sort key.
type keyedLine struct {
	prog, rule int
	payeeOrd   int
	payeeID    ID
	adj        int
	detail     string
	saleID     ID
	seq        int // emission order, the last tie-breaker
	line       RewardLine
}

type keyedNudge struct {
	prog, rule int
	payeeOrd   int
	payeeID    ID
	nudge      Nudge
}

// progCtx is one program being computed.
type progCtx struct {
	idx      int
	p        *Program
	period   Period
	from, to Date // sale dates that count: the period clipped to the validity window
	eligible []bool
	em       *emitter // where the rule being computed emits
}

// Compute turns a period's inputs into draft reward lines. It is pure: the
// same inputs, in any order, give the same lines in the same order.
func Compute(in Inputs) (Result, error) {
	st, err := NewSaleStream(in)
	if err != nil {
		return Result{}, err
	}
	return st.Finish(nil, nil)
}

// compute runs every rule of the programs that compute in the period, then
// the adjustments of closed periods, once the sales are recorded.
func (c *computer) compute() (Result, error) {
	in := c.in
	for i := range c.adjSales {
		c.adjSales[i].s = &c.kept[c.adjSales[i].full]
	}
	progs := sortedPrograms(in.Programs)
	// A program that cannot count stops the computation where the
	// programs before it have computed (their errors come first).
	var stop error
	for i := range progs {
		p := &progs[i]
		if err := checkProgram(p, c.cur); err != nil {
			stop = fmt.Errorf("compute %s: %w", in.Period.Key, err)
			break
		}
		if !c.computes(p) {
			continue
		}
		pc := c.newProgCtx(i, p)
		for ri := range p.Rules {
			c.rules = append(c.rules, &ruleTask{pc: pc, ri: ri})
		}
	}
	if err := c.runRules(); err != nil {
		return Result{}, err
	}
	if stop != nil {
		return Result{}, stop
	}
	for i := range progs {
		p := &progs[i]
		if !c.adjusts(p) {
			continue
		}
		c.adjustments(i, p)
	}
	for _, t := range c.rules {
		if t.em.err != nil {
			return Result{}, t.em.err
		}
	}
	if c.adj.err != nil {
		return Result{}, c.adj.err
	}
	return c.result(), nil
}

// sortedPrograms orders programs by id, then name, so that rule order and
// output order never depend on how the caller listed them.
func sortedPrograms(ps []Program) []Program {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Program) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// checkProgram refuses what Compute cannot count: another currency or a
// rule without its kind's settings. ValidateProgram checks everything else.
func checkProgram(p *Program, cur Currency) error {
	if p.Currency != "" && p.Currency != cur.Code {
		return fmt.Errorf("program %q counts in %s but the company counts in %s", p.Name, p.Currency, cur.Code)
	}
	for i := range p.Rules {
		if err := checkRuleParts(&p.Rules[i]); err != nil {
			return fmt.Errorf("program %q rule %q: %w", p.Name, p.Rules[i].Key, err)
		}
	}
	return nil
}

// computes reports whether program p computes for the period: active (or a
// draft in a simulation), of the period's kind, and overlapping its window.
func (c *computer) computes(p *Program) bool {
	switch p.Status {
	case ProgramActive:
	case ProgramDraft:
		if !c.in.IncludeDrafts {
			return false
		}
	default:
		return false
	}
	if p.PeriodKind != c.period.Kind {
		return false
	}
	if p.PeriodKind == PeriodCustom {
		return Custom(p.ValidFrom, p.ValidTo).Key == c.period.Key
	}
	return p.ValidFrom <= c.period.End && (p.ValidTo.IsZero() || p.ValidTo >= c.period.Start)
}

// adjusts reports whether program p corrects its closed periods in the
// computed period: a program of the period's kind, active or ended (a
// return claws back what an ended program paid), or a draft in a
// simulation. Its validity does not matter: the corrected sale's does.
func (c *computer) adjusts(p *Program) bool {
	if p.PeriodKind != c.period.Kind || p.PeriodKind == PeriodCustom {
		return false
	}
	switch p.Status {
	case ProgramActive, ProgramEnded:
		return true
	case ProgramDraft:
		return c.in.IncludeDrafts
	}
	return false
}

func (c *computer) newProgCtx(i int, p *Program) *progCtx {
	pc := &progCtx{idx: i, p: p, period: c.period, from: max(c.period.Start, p.ValidFrom), to: c.period.End}
	if !p.ValidTo.IsZero() {
		pc.to = min(pc.to, p.ValidTo)
	}
	pc.eligible = make([]bool, len(c.partners))
	for j := range c.partners {
		pc.eligible[j] = Eligible(p, &c.partners[j], c.tiers[j])
	}
	return pc
}

// index builds the dense indexes, sorted by id so that nothing depends on
// the order of the inputs.
func (c *computer) index() {
	in := c.in
	c.partners = slices.Clone(in.Partners)
	slices.SortStableFunc(c.partners, func(a, b Partner) int { return cmp.Compare(a.ID, b.ID) })
	c.reps = slices.Clone(in.Reps)
	slices.SortStableFunc(c.reps, func(a, b Rep) int { return cmp.Compare(a.ID, b.ID) })
	c.products = slices.Clone(in.Products)
	slices.SortStableFunc(c.products, func(a, b Product) int { return cmp.Compare(a.ID, b.ID) })
	c.pidx = make(map[ID]int32, len(c.partners))
	c.byCode = make(map[string]int32)
	for i := range c.partners {
		c.pidx[c.partners[i].ID] = int32(i)
		if code := c.partners[i].ReferralCode; code != "" {
			if _, dup := c.byCode[code]; !dup {
				c.byCode[code] = int32(i)
			}
		}
	}
	c.ridx = make(map[ID]int32, len(c.reps))
	for i := range c.reps {
		c.ridx[c.reps[i].ID] = int32(i)
	}
	c.prodIdx = make(map[ID]int32, len(c.products))
	for i := range c.products {
		c.prodIdx[c.products[i].ID] = int32(i)
	}
	c.pDense, c.rDense, c.prodDense = denseIndex(c.pidx), denseIndex(c.ridx), denseIndex(c.prodIdx)
	hist := tierIndex(in.TierHistory)
	low := LowestTier(in.Ladder)
	c.tiers = make([]string, len(c.partners))
	for i := range c.partners {
		c.tiers[i] = tierFrom(hist[c.partners[i].ID], c.period.Start, low)
	}
	c.closedKeys = make(map[string]bool, len(in.ClosedPeriods))
	c.regs = make(map[ID]*Registration, len(in.Registrations))
	for i := range in.Registrations {
		r := &in.Registrations[i]
		if old, ok := c.regs[r.ID]; !ok || r.Submitted > old.Submitted {
			c.regs[r.ID] = r
		}
	}
}

// denseIndex returns m as a slice by id (-1: none), or nil when the ids
// are too sparse for that to be small.
func denseIndex(m map[ID]int32) []int32 {
	var hi ID
	for id := range m {
		hi = max(hi, id)
	}
	if len(m) == 0 || uint64(hi) > 4*uint64(len(m))+1024 {
		return nil
	}
	d := make([]int32, hi+1)
	for i := range d {
		d[i] = -1
	}
	for id, i := range m {
		d[id] = i
	}
	return d
}

// lookup returns the index of id in a dense index (-1: none).
func lookup(dense []int32, id ID) int32 {
	if uint64(id) < uint64(len(dense)) {
		return dense[id]
	}
	return -1
}

func (c *computer) partnerIndex(id ID) int32 {
	if c.pDense != nil {
		return lookup(c.pDense, id)
	}
	if i, ok := c.pidx[id]; ok {
		return i
	}
	return -1
}

func (c *computer) repIndex(id ID) int32 {
	if id == 0 {
		return -1
	}
	if c.rDense != nil {
		return lookup(c.rDense, id)
	}
	if i, ok := c.ridx[id]; ok {
		return i
	}
	return -1
}

func (c *computer) productIndex(id ID) int32 {
	if c.prodDense != nil {
		return lookup(c.prodDense, id)
	}
	if i, ok := c.prodIdx[id]; ok {
		return i
	}
	return -1
}

// payee returns the payee of a slot and its partner index.
func (c *computer) payee(slot int) (Payee, ID, int32) {
	if slot < len(c.partners) {
		p := &c.partners[slot]
		return Payee{Kind: PayeePartner, ID: p.ID}, p.ID, int32(slot)
	}
	r := &c.reps[slot-len(c.partners)]
	return Payee{Kind: PayeeRep, ID: r.ID}, r.PartnerID, c.partnerIndex(r.PartnerID)
}

// tierOf returns the tier in effect for a partner index (-1: none).
func (c *computer) tierOf(pi int32) string {
	if pi < 0 {
		return ""
	}
	return c.tiers[pi]
}

// computeRule dispatches on the rule's kind.
func (c *computer) computeRule(pc *progCtx, ri int) error {
	r := &pc.p.Rules[ri]
	switch r.Kind {
	case RuleRate:
		c.ruleRate(pc, ri)
	case RuleTarget:
		c.ruleTarget(pc, ri)
	case RuleSPIF:
		c.ruleSPIF(pc, ri)
	case RuleDealReg:
		c.ruleDealReg(pc, ri)
	case RuleReferral:
		c.ruleReferral(pc, ri)
	case RuleFund:
		c.ruleFund(pc, ri)
	case RuleTraining:
		c.ruleTraining(pc, ri)
	case RuleActivity:
		c.ruleActivity(pc, ri)
	case RuleLoyalty:
		c.ruleLoyalty(pc, ri)
	default:
		return fmt.Errorf("unknown rule kind %q", r.Kind)
	}
	return nil
}

// emit adds a finished line with its sort key.
func (c *computer) emit(pc *progCtx, ri int, l RewardLine, detail string, saleID ID) {
	ord := 0
	if l.Payee.Kind == PayeeRep {
		ord = 1
	}
	adj := 0
	if l.Adjustment != nil {
		adj = 1
	}
	l.Period = c.period.Key
	l.ProgramID = pc.p.ID
	l.RuleKey = pc.p.Rules[ri].Key
	l.Status = LineDraft
	em := pc.em
	if em.err == nil {
		if err := checkLine(&l); err != nil {
			em.err = fmt.Errorf("compute %s: program %q rule %q, payee %s: %w", c.period.Key, pc.p.Name, l.RuleKey, c.payeeName(l.Payee), err)
		}
	}
	if len(em.slab) == cap(em.slab) {
		// Slabs double up to 1,024 lines: a rule's last slab is mostly
		// empty, and thirty rules each have one.
		em.slab = make([]keyedLine, 0, min(1024, 2*cap(em.slab)+16))
	}
	// seq counts within the emitter; result makes it the emission order
	// of the whole computation.
	em.slab = append(em.slab, keyedLine{prog: pc.idx, rule: ri, payeeOrd: ord, payeeID: l.Payee.ID, adj: adj, detail: detail, saleID: saleID, seq: len(em.out), line: l})
	em.out = append(em.out, &em.slab[len(em.slab)-1])
}

func (c *computer) emitNudge(pc *progCtx, ri int, payee Payee, partnerID ID, e Explanation) {
	ord := 0
	if payee.Kind == PayeeRep {
		ord = 1
	}
	pc.em.nudges = append(pc.em.nudges, keyedNudge{prog: pc.idx, rule: ri, payeeOrd: ord, payeeID: payee.ID,
		nudge: Nudge{ProgramID: pc.p.ID, RuleKey: pc.p.Rules[ri].Key, Payee: payee, PartnerID: partnerID, Explanation: e}})
}

// compareLines orders lines by program, rule, payee kind and id,
// adjustment, detail, sale and finally emission. It returns at the first
// difference: cmp.Or would compare the detail strings every time.
func compareLines(a, b *keyedLine) int {
	switch {
	case a.prog != b.prog:
		return cmp.Compare(a.prog, b.prog)
	case a.rule != b.rule:
		return cmp.Compare(a.rule, b.rule)
	case a.payeeOrd != b.payeeOrd:
		return cmp.Compare(a.payeeOrd, b.payeeOrd)
	case a.payeeID != b.payeeID:
		return cmp.Compare(a.payeeID, b.payeeID)
	case a.adj != b.adj:
		return cmp.Compare(a.adj, b.adj)
	}
	if c := cmp.Compare(a.detail, b.detail); c != 0 {
		return c
	}
	if a.saleID != b.saleID {
		return cmp.Compare(a.saleID, b.saleID)
	}
	return cmp.Compare(a.seq, b.seq)
}

func (c *computer) result() Result {
	// Emission order breaks ties, which makes an unstable sort give what
	// a stable one would (capItems only ever reorders lines that differ
	// in this key), at a fraction of the cost for 150,000 lines.
	// The rules' lines, then the adjustments', numbered as one sequential
	// computation would have emitted them.
	ems := make([]*emitter, 0, len(c.rules)+1)
	for _, t := range c.rules {
		ems = append(ems, &t.em)
	}
	ems = append(ems, &c.adj)
	n, nn := 0, 0
	for _, em := range ems {
		n, nn = n+len(em.out), nn+len(em.nudges)
	}
	out := make([]*keyedLine, 0, n)
	for _, em := range ems {
		for _, kl := range em.out {
			kl.seq += len(out)
		}
		out = append(out, em.out...)
	}
	slices.SortFunc(out, compareLines)
	res := Result{Lines: make([]RewardLine, len(out))}
	for i := range out {
		res.Lines[i] = out[i].line
	}
	stampRuleVersions(res.Lines, c.in.Programs, c.period, c.fy)
	// Nudges follow program, rule, payee kind and id, ties in emission
	// order. Each rule's emitter holds one program and rule, and the rules
	// come in that order: sorting each by payee is sorting them all. (The
	// adjustments nudge no one; should they, all are sorted together.)
	byPayee := func(a, b keyedNudge) int {
		return cmp.Or(cmp.Compare(a.payeeOrd, b.payeeOrd), cmp.Compare(a.payeeID, b.payeeID))
	}
	if len(c.adj.nudges) > 0 {
		var all []keyedNudge
		for _, em := range ems {
			all = append(all, em.nudges...)
		}
		slices.SortStableFunc(all, func(a, b keyedNudge) int {
			return cmp.Or(cmp.Compare(a.prog, b.prog), cmp.Compare(a.rule, b.rule), byPayee(a, b))
		})
		ems = []*emitter{{nudges: all}}
		byPayee = func(a, b keyedNudge) int { return 0 }
	}
	if nn > 0 {
		res.Nudges = make([]Nudge, 0, nn)
	}
	for _, em := range ems {
		slices.SortStableFunc(em.nudges, byPayee)
		for _, n := range em.nudges {
			res.Nudges = append(res.Nudges, n.nudge)
		}
	}
	return res
}

// ProgramPeriod returns the period of program p that contains d: its own
// custom window, or the month, quarter or fiscal year containing d.
func ProgramPeriod(p *Program, d Date, fyStart time.Month) Period {
	if p.PeriodKind == PeriodCustom {
		return Custom(p.ValidFrom, p.ValidTo)
	}
	return PeriodContaining(p.PeriodKind, d, fyStart)
}
