package engine

import (
	"cmp"
	"encoding/json"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// ChangeReason says why one payee's result of one rule differs between two
// computations of the same period.
type ChangeReason string

// The reasons of a change. New and gone describe the line itself; inputs,
// tier and program are its causes, and a change may have several.
const (
	// ChangeNew: the payee had no result under the rule before.
	ChangeNew ChangeReason = "new"
	// ChangeGone: the payee has no result under the rule any more.
	ChangeGone ChangeReason = "gone"
	// ChangeInputs: new, changed or returned inputs (the basis changed),
	// or another input the rule reads (a registration's decision, a
	// training, a customer's first sale) when neither tier nor program did.
	ChangeInputs ChangeReason = "inputs"
	// ChangeTier: the tier of the payee's partner on the period's first
	// day changed, and the rule reads the tier (RuleReadsTier).
	ChangeTier ChangeReason = "tier"
	// ChangeProgram: the definition of the rule or of its program changed
	// since the last computation (a rate, a band, eligibility, validity,
	// a multiplier; not a rename or a budget).
	ChangeProgram ChangeReason = "program"
)

// ChangeKey names the result a change is about: one payee under one rule
// of one program.
type ChangeKey struct {
	ProgramID ID     `json:"program_id"`
	RuleKey   string `json:"rule_key"`
	Payee     Payee  `json:"payee"`
}

// GroupFigures is one payee's result under one rule in one computation:
// the sums of its lines (regular lines and adjustments alike).
type GroupFigures struct {
	PartnerID ID // the payee's partner (itself for a partner)
	Unit      Unit
	Amount    decimal.Decimal // money and fund lines
	Points    int64
	Basis     decimal.Decimal
}

// Groups is one computation's results per program, rule and payee. The
// groups are keyed by small fixed-size keys (a rule's index and the
// payee), not by strings: a period of 150,000 results groups and compares
// in linear time without an allocation per result.
type Groups struct {
	ruleAt map[ruleName]uint32
	rules  []ruleName
	last   uint32 // the rule of the last slot + 1 (lines come rule by rule); 0: none
	at     map[groupKey]int32
	keys   []groupKey
	figs   []GroupFigures
}

type ruleName struct {
	program ID
	rule    string
}

type groupKey struct {
	rule  uint32
	rep   bool
	payee ID
}

func newGroups(n int) *Groups {
	return &Groups{ruleAt: map[ruleName]uint32{}, at: make(map[groupKey]int32, n), keys: make([]groupKey, 0, n), figs: make([]GroupFigures, 0, n)}
}

// slot returns the index of the group of k, adding an empty one.
func (g *Groups) slot(k ChangeKey) (int32, bool) {
	var ri uint32
	if l := g.last; l > 0 && g.rules[l-1].program == k.ProgramID && g.rules[l-1].rule == k.RuleKey {
		ri = l - 1
	} else {
		rn := ruleName{k.ProgramID, k.RuleKey}
		var ok bool
		if ri, ok = g.ruleAt[rn]; !ok {
			ri = uint32(len(g.rules))
			g.ruleAt[rn] = ri
			g.rules = append(g.rules, rn)
		}
		g.last = ri + 1
	}
	gk := groupKey{rule: ri, rep: k.Payee.Kind == PayeeRep, payee: k.Payee.ID}
	if i, ok := g.at[gk]; ok {
		return i, true
	}
	i := int32(len(g.figs))
	g.at[gk] = i
	g.keys = append(g.keys, gk)
	g.figs = append(g.figs, GroupFigures{})
	return i, false
}

// key returns the ChangeKey of group i.
func (g *Groups) key(i int) ChangeKey {
	gk := g.keys[i]
	rn := g.rules[gk.rule]
	p := Payee{Kind: PayeePartner, ID: gk.payee}
	if gk.rep {
		p.Kind = PayeeRep
	}
	return ChangeKey{ProgramID: rn.program, RuleKey: rn.rule, Payee: p}
}

// Len is the number of groups.
func (g *Groups) Len() int {
	if g == nil {
		return 0
	}
	return len(g.figs)
}

// Get returns the figures of the group k.
func (g *Groups) Get(k ChangeKey) (GroupFigures, bool) {
	if g == nil {
		return GroupFigures{}, false
	}
	ri, ok := g.ruleAt[ruleName{k.ProgramID, k.RuleKey}]
	if !ok {
		return GroupFigures{}, false
	}
	i, ok := g.at[groupKey{rule: ri, rep: k.Payee.Kind == PayeeRep, payee: k.Payee.ID}]
	if !ok {
		return GroupFigures{}, false
	}
	return g.figs[i], true
}

// GroupsOf builds Groups from figures given per key (tests and callers
// that summed elsewhere).
func GroupsOf(m map[ChangeKey]GroupFigures) *Groups {
	g := newGroups(len(m))
	for k, f := range m {
		i, _ := g.slot(k)
		g.figs[i] = f
	}
	return g
}

// GroupLines sums lines per program, rule and payee. With the lines stored
// for a period (approved, paid and draft together) it gives what the last
// computation found, since Reconcile keeps kept + drafts equal to the fresh
// result of every group.
func GroupLines(lines []RewardLine) *Groups {
	g := newGroups(len(lines))
	for i := range lines {
		l := &lines[i]
		j, seen := g.slot(ChangeKey{ProgramID: l.ProgramID, RuleKey: l.RuleKey, Payee: l.Payee})
		f := &g.figs[j]
		if !seen {
			// Most groups hold one line: no addition for them.
			f.PartnerID, f.Unit, f.Amount, f.Points, f.Basis = l.PartnerID, l.Unit, l.Amount, l.Points, l.Basis
			continue
		}
		f.Amount = f.Amount.Add(l.Amount)
		f.Points += l.Points
		f.Basis = f.Basis.Add(l.Basis)
		if l.Unit != UnitMoney && f.Unit == UnitMoney {
			// A points or fund line names the group's unit over a zero
			// money line (explanations of what did not pay are money).
			f.Unit = l.Unit
		}
	}
	return g
}

// ComputeMark is what a computation of a period remembers so that the next
// one can say why a result changed: the tier of every partner on the
// period's first day and a fingerprint of the definition of every rule.
// The figures themselves are not kept here: the period's stored lines hold
// them (see GroupLines).
type ComputeMark struct {
	Tiers map[ID]string     `json:"tiers,omitempty"` // partner id -> tier
	Rules map[string]string `json:"rules,omitempty"` // RuleRef -> RuleFingerprint
	// TierRules names the rules whose result depends on the tier (see
	// RuleReadsTier): a promotion explains only their changes.
	TierRules map[string]bool `json:"tier_rules,omitempty"`
}

// RuleRef is the key of a rule in ComputeMark.Rules.
func RuleRef(programID ID, ruleKey string) string {
	return strconv.FormatUint(uint64(programID), 10) + "/" + ruleKey
}

// NewComputeMark records the tiers that count for period p (the ladder's
// lowest level for a partner with no history) and the fingerprint of every
// rule of programs.
func NewComputeMark(p Period, partners []Partner, ladder TierLadder, history []TierChange, programs []Program) ComputeMark {
	m := ComputeMark{Tiers: make(map[ID]string, len(partners)), Rules: map[string]string{}, TierRules: map[string]bool{}}
	hist := tierIndex(history)
	low := LowestTier(ladder)
	for i := range partners {
		if t := tierFrom(hist[partners[i].ID], p.Start, low); t != "" {
			m.Tiers[partners[i].ID] = t
		}
	}
	for i := range programs {
		pr := &programs[i]
		for j := range pr.Rules {
			ref := RuleRef(pr.ID, pr.Rules[j].Key)
			m.Rules[ref] = RuleFingerprint(pr, &pr.Rules[j])
			if RuleReadsTier(pr, &pr.Rules[j]) {
				m.TierRules[ref] = true
			}
		}
	}
	return m
}

// RuleReadsTier reports whether the result of rule r of program p depends
// on the payee's tier: a tier multiplier, bands per tier, or eligibility by
// tier.
func RuleReadsTier(p *Program, r *Rule) bool {
	return len(r.TierMultipliers) > 0 || len(p.Eligibility.Tiers) > 0 || r.Rate != nil && len(r.Rate.TierBands) > 0
}

// RuleFingerprint identifies the definition of rule r of program p: what a
// computation reads of them. Names, descriptions and the budget do not
// count (a rename changes no figure; a budget is not a cap).
func RuleFingerprint(p *Program, r *Rule) string {
	rule := *r
	rule.Name = ""
	def := struct {
		Currency    string        `json:"c"`
		Kind        PeriodKind    `json:"k"`
		From        Date          `json:"f"`
		To          Date          `json:"t"`
		Eligibility Eligibility   `json:"e"`
		Status      ProgramStatus `json:"s"`
		Rule        Rule          `json:"r"`
	}{p.Currency, p.PeriodKind, p.ValidFrom, p.ValidTo, p.Eligibility, p.Status, rule}
	b, err := json.Marshal(def)
	if err != nil {
		// Every part of a program marshals; should one ever fail, the
		// rule reads as changed rather than as unchanged.
		return "unmarshalable"
	}
	h := fnv.New64a()
	h.Write(b)
	return strconv.FormatUint(h.Sum64(), 36)
}

// Change is one payee's result under one rule that differs between two
// computations of a period: its money or its points moved, it is new or it
// is gone.
type Change struct {
	ChangeKey
	PartnerID ID              `json:"partner_id"`
	Unit      Unit            `json:"unit"`
	OldAmount decimal.Decimal `json:"old_amount"`
	NewAmount decimal.Decimal `json:"new_amount"`
	OldPoints int64           `json:"old_points"`
	NewPoints int64           `json:"new_points"`
	OldBasis  decimal.Decimal `json:"old_basis"`
	NewBasis  decimal.Decimal `json:"new_basis"`
	// OldTier and NewTier are set when the tier changed.
	OldTier string         `json:"old_tier,omitempty"`
	NewTier string         `json:"new_tier,omitempty"`
	Reasons []ChangeReason `json:"reasons"`
}

// Difference is the new amount minus the old.
func (c Change) Difference() decimal.Decimal { return c.NewAmount.Sub(c.OldAmount) }

// PointsDifference is the new points minus the old.
func (c Change) PointsDifference() int64 { return c.NewPoints - c.OldPoints }

// Has reports whether the change has reason r.
func (c Change) Has(r ChangeReason) bool { return slices.Contains(c.Reasons, r) }

// Label is the one word a summary counts the change under: new, gone,
// inputs, tier, program, or "several" when more than one of the last three
// caused it.
func (c Change) Label() string {
	switch {
	case c.Has(ChangeNew):
		return string(ChangeNew)
	case c.Has(ChangeGone):
		return string(ChangeGone)
	}
	if len(c.Reasons) > 1 {
		return "several"
	}
	if len(c.Reasons) == 1 {
		return string(c.Reasons[0])
	}
	return string(ChangeInputs)
}

// DiffComputations compares the results of two computations of one period,
// group by group, and returns every group whose money or points differ,
// appeared or vanished (a group with nothing on either side is not a
// change), ordered by program id, rule key, payee kind (partners first) and
// payee id. prevMark is what the earlier computation remembered; nil when
// it is unknown (its tiers and rules are then never named as a cause). It
// runs in time linear in the number of groups (plus sorting the changes).
//
// It is long because it holds the per-rule facts, the comparison of one
// group with the naming of its cause, and the passes over the new groups
// and the vanished ones, which share that state as closures.
func DiffComputations(prev *Groups, prevMark *ComputeMark, next *Groups, nextMark ComputeMark) []Change {
	if prev == nil {
		prev = newGroups(0)
	}
	if next == nil {
		next = newGroups(0)
	}
	// What is known per rule is looked up once per rule, not per group.
	type ruleFacts struct {
		other     uint32 // the rule's index in the other Groups
		inOther   bool
		readsTier bool
		changed   bool // its definition changed
	}
	facts := func(g, other *Groups) []ruleFacts {
		fs := make([]ruleFacts, len(g.rules))
		for i, rn := range g.rules {
			f := &fs[i]
			f.other, f.inOther = other.ruleAt[rn]
			if prevMark != nil {
				ref := RuleRef(rn.program, rn.rule)
				f.readsTier = nextMark.TierRules[ref] || prevMark.TierRules[ref]
				f.changed = prevMark.Rules[ref] != nextMark.Rules[ref]
			}
		}
		return fs
	}
	nextFacts, prevFacts := facts(next, prev), facts(prev, next)
	var out []Change
	if len(prev.keys) == 0 {
		// A first computation: every group is a change.
		out = make([]Change, 0, len(next.keys))
	}
	diff := func(k ChangeKey, rf *ruleFacts, o, n *GroupFigures, hadOld, hasNew bool) {
		if o.Amount.Equal(n.Amount) && o.Points == n.Points {
			return
		}
		c := Change{ChangeKey: k, PartnerID: n.PartnerID, Unit: n.Unit,
			OldAmount: o.Amount, NewAmount: n.Amount, OldPoints: o.Points, NewPoints: n.Points, OldBasis: o.Basis, NewBasis: n.Basis}
		if !hasNew {
			c.PartnerID, c.Unit = o.PartnerID, o.Unit
		}
		switch {
		case !hadOld:
			c.Reasons = append(c.Reasons, ChangeNew)
		case !hasNew:
			c.Reasons = append(c.Reasons, ChangeGone)
		}
		causes := 0
		if hadOld && hasNew && !o.Basis.Equal(n.Basis) {
			c.Reasons = append(c.Reasons, ChangeInputs)
			causes++
		}
		if prevMark != nil {
			if ot, known := prevMark.Tiers[c.PartnerID]; rf.readsTier && known && ot != nextMark.Tiers[c.PartnerID] {
				c.OldTier, c.NewTier = ot, nextMark.Tiers[c.PartnerID]
				c.Reasons = append(c.Reasons, ChangeTier)
				causes++
			}
			if rf.changed {
				c.Reasons = append(c.Reasons, ChangeProgram)
				causes++
			}
		}
		if causes == 0 && hadOld {
			// The same basis, tier and rule (or a result gone for no
			// reason of tier or rule): another input the rule reads
			// changed, or its inputs went away.
			c.Reasons = append(c.Reasons, ChangeInputs)
		}
		out = append(out, c)
	}
	var none GroupFigures
	for i, gk := range next.keys {
		rf := &nextFacts[gk.rule]
		n := &next.figs[i]
		o, had := &none, false
		if rf.inOther {
			if j, ok := prev.at[groupKey{rule: rf.other, rep: gk.rep, payee: gk.payee}]; ok {
				o, had = &prev.figs[j], true
			}
		}
		if had && o.Amount.Equal(n.Amount) && o.Points == n.Points {
			continue
		}
		diff(next.key(i), rf, o, n, had, true)
	}
	for i, gk := range prev.keys {
		rf := &prevFacts[gk.rule]
		if rf.inOther {
			if _, ok := next.at[groupKey{rule: rf.other, rep: gk.rep, payee: gk.payee}]; ok {
				continue
			}
		}
		diff(prev.key(i), rf, &prev.figs[i], &none, true, false)
	}
	SortChanges(out)
	return out
}

// SortChanges orders changes by program id, rule key, payee kind (partners
// first) and payee id.
func SortChanges(cs []Change) {
	slices.SortFunc(cs, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.ProgramID, b.ProgramID), cmp.Compare(a.RuleKey, b.RuleKey),
			cmp.Compare(payeeOrder(a.Payee.Kind), payeeOrder(b.Payee.Kind)), cmp.Compare(a.Payee.ID, b.Payee.ID))
	})
}

func payeeOrder(k PayeeKind) int {
	if k == PayeeRep {
		return 1
	}
	return 0
}

// ChangeSummary counts a computation's changes by Label and adds up what
// they move.
type ChangeSummary struct {
	Changes int `json:"changes"`
	New     int `json:"new,omitempty"`
	Gone    int `json:"gone,omitempty"`
	Inputs  int `json:"inputs,omitempty"`
	Tier    int `json:"tier,omitempty"`
	Program int `json:"program,omitempty"`
	Several int `json:"several,omitempty"`
	// Money is the sum of the money differences (fund credits included),
	// Points the sum of the points differences.
	Money  decimal.Decimal `json:"money"`
	Points int64           `json:"points,omitempty"`
}

// SummarizeChanges counts cs.
func SummarizeChanges(cs []Change) ChangeSummary {
	s := ChangeSummary{Changes: len(cs)}
	for i := range cs {
		c := &cs[i]
		s.Money = s.Money.Add(c.Difference())
		s.Points += c.PointsDifference()
		switch c.Label() {
		case string(ChangeNew):
			s.New++
		case string(ChangeGone):
			s.Gone++
		case string(ChangeInputs):
			s.Inputs++
		case string(ChangeTier):
			s.Tier++
		case string(ChangeProgram):
			s.Program++
		default:
			s.Several++
		}
	}
	return s
}

// ChangeLog is what the last computation of a period changed, with the
// mark the next computation compares against. Only the last computation's
// log is kept per period.
type ChangeLog struct {
	Period     string    `json:"period"`
	ComputedAt time.Time `json:"computed_at"`
	ComputedBy string    `json:"computed_by,omitempty"`
	// PreviousAt is when the computation compared with ran; zero when it
	// is unknown (the first computation, or one made before changes were
	// recorded).
	PreviousAt time.Time `json:"previous_at,omitempty"`
	// First: the period had no lines before, every result is new. Changes
	// is then left out of storage: the period's lines are the list.
	First   bool          `json:"first,omitempty"`
	Summary ChangeSummary `json:"summary"`
	Changes []Change      `json:"-"`
	Mark    ComputeMark   `json:"mark"`
}
