package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// This file holds the partner screen's reads: the list filtered and
// sorted, and one partner's detail beside its form.

// PartnerList returns the partners f selects, in f's order, each with the
// tier it holds today, and the values each filter can take.
func (s *Service) PartnerList(f views.PartnerFilter) (views.PartnerList, error) {
	if f.Sort != "" && !slices.Contains(views.PartnerSorts, f.Sort) {
		return views.PartnerList{}, &engine.ValidationError{Field: "sort",
			Reason: fmt.Sprintf("the list sorts by %s, not %q", strings.Join(views.PartnerSorts, ", "), f.Sort)}
	}
	if f.Kind != "" && !slices.Contains(engine.PartnerKinds, f.Kind) {
		return views.PartnerList{}, &engine.ValidationError{Field: "kind", Reason: fmt.Sprintf("no partner kind is called %q", f.Kind)}
	}
	if f.Status != "" && !slices.Contains(partnerStatuses, f.Status) {
		return views.PartnerList{}, &engine.ValidationError{Field: "status",
			Reason: fmt.Sprintf("a partner's status is prospect, active, suspended or ended, not %q", f.Status)}
	}
	today := s.Today()
	var out views.PartnerList
	err := s.view(func(tx *data.Tx) error {
		ladder, history, err := readTiers(tx)
		if err != nil {
			return err
		}
		held := heldTiers(ladder, history, today)
		tierRank := map[string]int{}
		for i, lv := range ladder.Levels {
			tierRank[lv.Name] = i + 1
		}
		segs, regs, tiers := newNameSet(), newNameSet(), newNameSet()
		err = data.Each(tx, func(p *engine.Partner) error {
			out.All++
			t := held(p.ID)
			segs.add(p.Segment)
			regs.add(p.Region)
			tiers.add(t)
			if !partnerSelected(f, *p, t) {
				return nil
			}
			out.Rows = append(out.Rows, views.PartnerRow{Partner: *p, Tier: t})
			return nil
		})
		if err != nil {
			return err
		}
		out.Segments, out.Regions = segs.sorted(), regs.sorted()
		for _, lv := range ladder.Levels {
			if tiers.has(lv.Name) {
				out.Tiers = append(out.Tiers, lv.Name)
			}
		}
		for _, t := range tiers.sorted() {
			if tierRank[t] == 0 {
				out.Tiers = append(out.Tiers, t)
			}
		}
		sortPartnerRows(out.Rows, f, tierRank)
		return nil
	})
	if err != nil {
		return views.PartnerList{}, fmt.Errorf("list partners: %w", err)
	}
	return out, nil
}

// partnerSelected applies every filter of f to partner p holding tier t.
func partnerSelected(f views.PartnerFilter, p engine.Partner, t string) bool {
	is := func(want, have string) bool { return strings.TrimSpace(want) == "" || engine.SameName(want, have) }
	return (f.Kind == "" || f.Kind == p.Kind) && (f.Status == "" || f.Status == partnerStatus(p)) &&
		is(f.Segment, p.Segment) && is(f.Region, p.Region) && is(f.Tier, t) && engine.PartnerMatches(p, f.Query)
}

// partnerStatuses lists the statuses in the order the spec names them.
var partnerStatuses = []engine.PartnerStatus{engine.StatusProspect, engine.StatusActive, engine.StatusSuspended, engine.StatusEnded}

// partnerStatus reads an unset status as active, as the tier review and
// the dashboard do.
func partnerStatus(p engine.Partner) engine.PartnerStatus {
	if p.Status == "" {
		return engine.StatusActive
	}
	return p.Status
}

// sortPartnerRows orders rows by f.Sort (descending with f.Desc), then by
// name and id. Kinds and statuses go in the order the spec lists them,
// tiers up the ladder.
func sortPartnerRows(rows []views.PartnerRow, f views.PartnerFilter, tierRank map[string]int) {
	idx := func(list []string, v string) int { return slices.Index(list, v) }
	kinds := make([]string, len(engine.PartnerKinds))
	for i, k := range engine.PartnerKinds {
		kinds[i] = string(k)
	}
	key := func(a, b views.PartnerRow) int {
		switch f.Sort {
		case views.SortKind:
			return cmp.Compare(idx(kinds, string(a.Partner.Kind)), idx(kinds, string(b.Partner.Kind)))
		case views.SortSegment:
			return strings.Compare(engine.FoldName(a.Partner.Segment), engine.FoldName(b.Partner.Segment))
		case views.SortRegion:
			return strings.Compare(engine.FoldName(a.Partner.Region), engine.FoldName(b.Partner.Region))
		case views.SortTier:
			return cmp.Or(cmp.Compare(tierRank[a.Tier], tierRank[b.Tier]), strings.Compare(a.Tier, b.Tier))
		case views.SortStatus:
			return cmp.Compare(slices.Index(partnerStatuses, partnerStatus(a.Partner)), slices.Index(partnerStatuses, partnerStatus(b.Partner)))
		case views.SortCountry:
			return strings.Compare(engine.FoldName(a.Partner.Country), engine.FoldName(b.Partner.Country))
		case views.SortJoined:
			return cmp.Compare(a.Partner.Joined, b.Partner.Joined)
		}
		return strings.Compare(engine.FoldName(a.Partner.Name), engine.FoldName(b.Partner.Name))
	}
	slices.SortStableFunc(rows, func(a, b views.PartnerRow) int {
		k := key(a, b)
		if f.Desc {
			k = -k
		}
		return cmp.Or(k, strings.Compare(engine.FoldName(a.Partner.Name), engine.FoldName(b.Partner.Name)), cmp.Compare(a.Partner.ID, b.Partner.ID))
	})
}

// heldTiers returns the tier each partner holds on day d
// (engine.TierOnLadder), reading the history once.
func heldTiers(l engine.TierLadder, history []engine.TierChange, d engine.Date) func(engine.ID) string {
	by := map[engine.ID][]engine.TierChange{}
	for _, h := range history {
		by[h.PartnerID] = append(by[h.PartnerID], h)
	}
	return func(id engine.ID) string { return engine.TierOnLadder(l, by[id], id, d) }
}

// nameSet collects names that match under engine.FoldName, keeping the
// first spelling met.
type nameSet map[string]string

func newNameSet() nameSet { return nameSet{} }

func (n nameSet) add(s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	if _, ok := n[engine.FoldName(s)]; !ok {
		n[engine.FoldName(s)] = s
	}
}

func (n nameSet) has(s string) bool { _, ok := n[engine.FoldName(s)]; return ok }

func (n nameSet) sorted() []string {
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = n[k]
	}
	return out
}

// PartnerDetail returns what the partner screen shows beside the form of
// partner id: its tier and tier history, latest sales, registrations,
// reward lines, fund and points balances today (as the funds and points
// use cases read them) and the periods of its statements.
func (s *Service) PartnerDetail(id engine.ID) (views.PartnerDetail, error) {
	co, err := s.Company()
	if err != nil {
		return views.PartnerDetail{}, err
	}
	today := s.Today()
	d := views.PartnerDetail{Currency: co.Currency, Language: co.Language, AsOf: today}
	ref := fmt.Sprintf("P%d", id)
	reps := map[engine.ID]bool{}
	err = s.view(func(tx *data.Tx) error {
		p, err := data.Get[engine.Partner](tx, id)
		if err != nil {
			return err
		}
		d.Partner = *p
		err = data.Each(tx, func(r *engine.Rep) error {
			if r.PartnerID == id {
				reps[r.ID] = true
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("reps: %w", err)
		}
		ladder, history, err := readTiers(tx)
		if err != nil {
			return err
		}
		d.Tier = heldTiers(ladder, history, today)(id)
		for _, h := range history {
			if h.PartnerID == id {
				d.TierHistory = append(d.TierHistory, h)
			}
		}
		slices.SortFunc(d.TierHistory, func(a, b engine.TierChange) int { return cmp.Or(cmp.Compare(b.From, a.From), cmp.Compare(b.ID, a.ID)) })
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		if err := partnerSales(tx, &d, nm, co); err != nil {
			return err
		}
		if err := partnerRegistrations(tx, &d, nm, co); err != nil {
			return err
		}
		return partnerLines(tx, &d, nm)
	})
	if err != nil {
		return views.PartnerDetail{}, fmt.Errorf("partner %s: %w", ref, err)
	}
	funds, err := s.Funds(ref, today)
	if err != nil {
		return views.PartnerDetail{}, fmt.Errorf("partner %s: funds: %w", ref, err)
	}
	for _, f := range funds {
		d.FundBalance = d.FundBalance.Add(f.Balance)
		d.FundExpiring = d.FundExpiring.Add(f.Expiring30)
	}
	pts, err := s.Points("", today)
	if err != nil {
		return views.PartnerDetail{}, fmt.Errorf("partner %s: points: %w", ref, err)
	}
	for _, v := range pts {
		switch {
		case v.Payee == (engine.Payee{Kind: engine.PayeePartner, ID: id}):
			d.Points += v.Balance
		case v.Payee.Kind == engine.PayeeRep && reps[v.Payee.ID]:
			d.RepPoints += v.Balance
		}
	}
	return d, nil
}

// partnerSales keeps the partner's latest sales and counts them all.
func partnerSales(tx *data.Tx, d *views.PartnerDetail, nm *names, co engine.Company) error {
	skus := map[engine.ID]string{}
	if err := data.Each(tx, func(p *engine.Product) error { skus[p.ID] = p.SKU; return nil }); err != nil {
		return fmt.Errorf("products: %w", err)
	}
	var last []engine.Sale
	err := tx.SalesOfPartner(d.Partner.ID, 0, engine.Date(1<<31-1), func(x *engine.Sale) error {
		d.SalesCount++
		d.SalesNet = d.SalesNet.Add(x.Net)
		last = append(last, *x)
		if len(last) > 2*views.DetailSalesLimit {
			last = slices.Clone(last[len(last)-views.DetailSalesLimit:])
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sales: %w", err)
	}
	if len(last) > views.DetailSalesLimit {
		last = last[len(last)-views.DetailSalesLimit:]
	}
	for i := len(last) - 1; i >= 0; i-- {
		x := last[i]
		d.Sales = append(d.Sales, views.SaleRow{Sale: x, Partner: d.Partner.Name, Rep: nm.reps[x.RepID].Name,
			Product: skus[x.ProductID], Currency: co.Currency, Language: co.Language})
	}
	return nil
}

func partnerRegistrations(tx *data.Tx, d *views.PartnerDetail, nm *names, co engine.Company) error {
	err := data.EachNewest(tx, func(r *engine.Registration) error {
		if r.PartnerID == d.Partner.ID {
			d.Registrations = append(d.Registrations, views.RegistrationView{Registration: *r, Partner: d.Partner.Name,
				Rep: nm.reps[r.RepID].Name, Currency: co.Currency, Language: co.Language})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("registrations: %w", err)
	}
	return nil
}

// partnerLines collects the reward lines of the partner and its reps, and
// the periods of the partner's own statements.
func partnerLines(tx *data.Tx, d *views.PartnerDetail, nm *names) error {
	lang := d.Language
	me := engine.Payee{Kind: engine.PayeePartner, ID: d.Partner.ID}
	var lines []engine.RewardLine
	err := data.Each(tx, func(l *engine.RewardLine) error {
		if l.PartnerID == d.Partner.ID || l.Payee == me {
			lines = append(lines, *l)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reward lines: %w", err)
	}
	starts := map[string]engine.Date{}
	start := func(key string) engine.Date {
		st, ok := starts[key]
		if !ok {
			if p, err := engine.ParsePeriod(key, nm.fy); err == nil {
				st = p.Start
			}
			starts[key] = st
		}
		return st
	}
	slices.SortStableFunc(lines, func(a, b engine.RewardLine) int {
		return cmp.Or(cmp.Compare(start(b.Period), start(a.Period)), strings.Compare(a.Period, b.Period), cmp.Compare(a.ID, b.ID))
	})
	by := map[string]*views.StatementPeriod{}
	for _, l := range lines {
		v := nm.view(l, engine.Currency{})
		d.Rewards = append(d.Rewards, views.ReviewedLine{Line: l, Program: v.ProgramName, Rule: v.RuleName,
			Payee: v.PayeeName, Explanation: i18n.Explain(l.Explanation, lang)})
		if l.Payee != me {
			continue
		}
		sp := by[l.Period]
		if sp == nil {
			sp = &views.StatementPeriod{Period: l.Period}
			by[l.Period] = sp
			d.Statements = append(d.Statements, views.StatementPeriod{Period: l.Period})
		}
		sp.Lines++
		sp.Points += l.Points
		if l.Unit == engine.UnitMoney {
			sp.Amount = sp.Amount.Add(l.Amount)
			if l.Status == engine.LinePaid {
				sp.Paid = sp.Paid.Add(l.Amount)
			}
		}
		if l.Status == engine.LineDraft {
			sp.Draft++
		}
	}
	for i := range d.Statements {
		d.Statements[i] = *by[d.Statements[i].Period]
	}
	return nil
}
