package app

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Period parses a period key with the company's fiscal year.
func (s *Service) Period(key string) (engine.Period, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Period{}, err
	}
	return engine.ParsePeriod(key, co.FiscalYearStart)
}

// CurrentPeriod is the quarter that contains today.
func (s *Service) CurrentPeriod(kind engine.PeriodKind) engine.Period {
	co, _ := s.Company()
	return engine.PeriodContaining(kind, s.Today(), co.FiscalYearStart)
}

// ComputePeriod replaces the period's draft lines with a fresh computation
// from the store's current inputs, in one transaction. Approved and paid
// lines are never touched: where the fresh result differs from them, the
// difference becomes a new draft adjustment line (engine.Reconcile).
func (s *Service) ComputePeriod(key string, progress Progress) (views.ComputeSummary, error) {
	co, err := s.Company()
	if err != nil {
		return views.ComputeSummary{}, err
	}
	p, err := engine.ParsePeriod(key, co.FiscalYearStart)
	if err != nil {
		return views.ComputeSummary{}, usagef("%v", err)
	}
	sum := views.ComputeSummary{Period: p.Key}
	err = s.update(func(tx *data.Tx) error {
		if by, closed := closedBy(tx, p); closed {
			return fmt.Errorf("compute %s: %w (closed with %s): its lines can no longer change", p.Key, engine.ErrPeriodClosed, by)
		}
		progress.report(0, 3)
		in, err := s.loadInputs(tx, co, p, nil)
		if err != nil {
			return err
		}
		sum.Sales = len(in.Sales)
		progress.report(1, 3)
		res, err := engine.Compute(in)
		if err != nil {
			return fmt.Errorf("compute %s: %w", p.Key, err)
		}
		existing, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		var kept []engine.RewardLine
		for _, l := range existing {
			if l.Status == engine.LineDraft {
				sum.Removed++
			} else {
				kept = append(kept, l)
			}
		}
		lines := engine.Reconcile(res.Lines, kept)
		if sum.Changes, err = s.recordChanges(tx, in, existing, res); err != nil {
			return fmt.Errorf("record what changed in %s: %w", p.Key, err)
		}
		progress.report(2, 3)
		if err := tx.ReplaceDraftLines(p.Key, lines); err != nil {
			return fmt.Errorf("write the lines of %s: %w", p.Key, err)
		}
		sum.Lines, sum.Kept, sum.Nudges = len(lines), len(kept), res.Nudges
		for _, l := range lines {
			sum.Money = sum.Money.Add(l.Amount)
			sum.Points += l.Points
		}
		progress.report(3, 3)
		return nil
	})
	return sum, err
}

// loadInputs reads what engine.Compute needs for period p. programs, when
// given, replace the stored ones (a simulation).
func (s *Service) loadInputs(tx *data.Tx, co engine.Company, p engine.Period, programs []engine.Program) (engine.Inputs, error) {
	in := engine.Inputs{Company: co, Period: p}
	var err error
	wrap := func(what string, err error) error { return fmt.Errorf("load %s for %s: %w", what, p.Key, err) }
	if programs == nil {
		if in.Programs, err = data.All[engine.Program](tx); err != nil {
			return in, wrap("programs", err)
		}
	} else {
		in.Programs, in.IncludeDrafts = slices.Clone(programs), true
	}
	// Each program computes with the rule version in effect on the
	// period's first day (engine.RulesFor).
	for i := range in.Programs {
		in.Programs[i] = engine.ProgramForPeriod(in.Programs[i], p)
	}
	if in.Partners, err = data.All[engine.Partner](tx); err != nil {
		return in, wrap("partners", err)
	}
	if in.Reps, err = data.All[engine.Rep](tx); err != nil {
		return in, wrap("reps", err)
	}
	if in.Products, err = data.All[engine.Product](tx); err != nil {
		return in, wrap("products", err)
	}
	if in.Registrations, err = data.All[engine.Registration](tx); err != nil {
		return in, wrap("registrations", err)
	}
	if in.TierHistory, err = data.All[engine.TierChange](tx); err != nil {
		return in, wrap("tier history", err)
	}
	if in.Ladder, err = ladder(tx); err != nil {
		return in, wrap("tier ladder", err)
	}
	err = data.Each(tx, func(t *engine.Training) error {
		if t.Completed <= p.End {
			in.Trainings = append(in.Trainings, *t)
		}
		return nil
	})
	if err != nil {
		return in, wrap("trainings", err)
	}
	err = data.Each(tx, func(a *engine.Activity) error {
		if p.Contains(a.Date) {
			in.Activities = append(in.Activities, *a)
		}
		return nil
	})
	if err != nil {
		return in, wrap("activities", err)
	}
	states, err := tx.PeriodStates()
	if err != nil {
		return in, wrap("period states", err)
	}
	for _, st := range states {
		if st.Closed {
			in.ClosedPeriods = append(in.ClosedPeriods, engine.Period{Key: st.Key, Start: st.Start, End: st.End, Kind: periodKindOfKey(st.Key)})
			if st.LastSaleID > 0 {
				if in.SalesAtClose == nil {
					in.SalesAtClose = map[string]engine.ID{}
				}
				in.SalesAtClose[st.Key] = st.LastSaleID
			}
		}
	}
	if in.Sales, err = loadPeriodSales(tx, p, len(in.ClosedPeriods) > 0); err != nil {
		return in, wrap("sales", err)
	}
	if referralComputes(in.Programs, p) {
		// Referral needs each customer's first sale ever: a customer first
		// sold before a program's validity is not its referral, and a
		// customer is new only once, whatever later sales are marked. So
		// the whole history before the period is read, and each
		// customer's first sale (date, then id; returns never count) kept;
		// the engine compares it with the period's own sales.
		first := map[string]int{}
		err = tx.SalesBetween(0, p.Start-1, func(x *engine.Sale) error {
			if x.Customer == "" || x.IsReturn() {
				return nil
			}
			i, ok := first[x.Customer]
			if !ok {
				first[x.Customer] = len(in.CustomerFirstSales)
				in.CustomerFirstSales = append(in.CustomerFirstSales, *x)
				return nil
			}
			if o := &in.CustomerFirstSales[i]; x.Date < o.Date || x.Date == o.Date && x.ID < o.ID {
				*o = *x
			}
			return nil
		})
		if err != nil {
			return in, wrap("referred customers", err)
		}
	}
	// The original sales this period's returns name: a return is tested
	// against the rules' windows on its original line's date, and claws a
	// closed period back at that period's effective rate, which the closed
	// periods' approved lines give.
	{
		anyClosed := len(in.ClosedPeriods) > 0
		seen := map[string]bool{}
		needLines := false
		for _, x := range in.Sales {
			if x.Booked != 0 && x.Booked != x.Date {
				needLines = true
			}
			if x.OriginalInvoice == "" {
				continue
			}
			k := fmt.Sprint(x.PartnerID, "\x00", x.OriginalInvoice)
			if seen[k] {
				continue
			}
			seen[k] = true
			orig, err := tx.SalesByInvoice(x.PartnerID, x.OriginalInvoice)
			if err != nil {
				return in, wrap("original invoices", err)
			}
			for _, o := range orig {
				if anyClosed && tx.IsClosed(o.Date) {
					needLines = true
				}
			}
			in.Originals = append(in.Originals, orig...)
		}
		if anyClosed && needLines {
			for _, st := range in.ClosedPeriods {
				if st.Kind != p.Kind {
					continue // only a program of the period's kind adjusts
				}
				ls, err := tx.LinesOfPeriod(st.Key)
				if err != nil {
					return in, wrap("closed lines", err)
				}
				for _, l := range ls {
					if l.Status != engine.LineDraft {
						in.ClosedLines = append(in.ClosedLines, l)
					}
				}
			}
		}
	}
	return in, nil
}

// loadPeriodSales reads the sales that can count in period p: those booked
// in it, and, once periods have been closed, the late sales booked after
// it that are dated in it or before it. A late sale is never booked before
// the period it adjusts (its booking day cannot lie in a closed period).
func loadPeriodSales(tx *data.Tx, p engine.Period, anyClosed bool) ([]engine.Sale, error) {
	sales, err := tx.AppendSalesBetween(nil, p.Start, p.End)
	if err != nil || !anyClosed {
		return sales, err
	}
	err = tx.SalesBetween(p.End+1, engine.MaxDate, func(x *engine.Sale) error {
		if x.Booked != 0 && x.Date <= p.End {
			sales = append(sales, *x)
		}
		return nil
	})
	return sales, err
}

func periodKindOfKey(key string) engine.PeriodKind {
	switch {
	case strings.HasPrefix(key, "custom:"):
		return engine.PeriodCustom
	case strings.Contains(key, "-Q"):
		return engine.PeriodQuarter
	case len(key) == 4:
		return engine.PeriodYear
	}
	return engine.PeriodMonth
}

// referralComputes reports whether a referral rule of a program overlapping
// period p computes, so that loadInputs reads the customers' first sales.
func referralComputes(ps []engine.Program, p engine.Period) bool {
	for _, pr := range ps {
		if !pr.ValidTo.IsZero() && pr.ValidTo < p.Start || pr.ValidFrom > p.End {
			continue
		}
		for _, r := range pr.Rules {
			if r.Kind == engine.RuleReferral && r.Referral != nil {
				return true
			}
		}
	}
	return false
}

// LineFilter selects reward lines; empty fields match everything.
type LineFilter struct {
	Program string // program id or name
	Payee   string // payee id ("P12", "R7") or name
	Status  engine.LineStatus
}

// LineView is a reward line with the names a reader needs.
type LineView struct {
	engine.RewardLine
	ProgramName string
	RuleName    string
	// RuleVersion is the version of the program's rules the line's period
	// computes with (1 the oldest); 0 for a program with one version.
	RuleVersion int
	PayeeName   string
	PartnerName string
	Currency    engine.Currency
}

// Lines returns the period's reward lines matching f, in a stable order.
func (s *Service) Lines(period string, f LineFilter) ([]LineView, error) {
	p, err := s.Period(period)
	if err != nil {
		return nil, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var out []LineView
	err = s.view(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		names, err := loadNames(tx)
		if err != nil {
			return err
		}
		for _, l := range ls {
			v := names.view(l, co.Currency)
			if f.Status != "" && l.Status != f.Status {
				continue
			}
			if f.Program != "" && !matchRef(f.Program, l.ProgramID, "", v.ProgramName) {
				continue
			}
			if f.Payee != "" && !matchPayee(f.Payee, l.Payee, v.PayeeName) {
				continue
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

func matchRef(ref string, id engine.ID, prefix, name string) bool {
	if n, ok := parseID(ref, prefix); ok && n == id {
		return true
	}
	return strings.EqualFold(ref, name)
}

func matchPayee(ref string, p engine.Payee, name string) bool {
	up := strings.ToUpper(ref)
	switch {
	case strings.HasPrefix(up, "P"):
		if n, ok := parseID(ref, "P"); ok {
			return p.Kind == engine.PayeePartner && n == p.ID
		}
	case strings.HasPrefix(up, "R"):
		if n, ok := parseID(ref, "R"); ok {
			return p.Kind == engine.PayeeRep && n == p.ID
		}
	}
	if n, ok := parseID(ref, ""); ok {
		return n == p.ID
	}
	return strings.EqualFold(ref, name)
}

// names caches the names lines refer to.
type names struct {
	programs map[engine.ID]*engine.Program
	partners map[engine.ID]string
	reps     map[engine.ID]engine.Rep
	fy       time.Month // the fiscal year's first month, to place a line's period
}

func loadNames(tx *data.Tx) (*names, error) {
	n := &names{programs: map[engine.ID]*engine.Program{}, partners: map[engine.ID]string{}, reps: map[engine.ID]engine.Rep{}}
	err := data.Each(tx, func(p *engine.Program) error {
		c := *p
		n.programs[p.ID] = &c
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(p *engine.Partner) error { n.partners[p.ID] = p.Name; return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(r *engine.Rep) error { n.reps[r.ID] = *r; return nil }); err != nil {
		return nil, err
	}
	n.fy = time.January
	if co, err := tx.Company(); err == nil && co.FiscalYearStart >= time.January && co.FiscalYearStart <= time.December {
		n.fy = co.FiscalYearStart
	}
	return n, nil
}

func (n *names) payee(p engine.Payee) string {
	if p.Kind == engine.PayeeRep {
		r := n.reps[p.ID]
		return r.Name
	}
	return n.partners[p.ID]
}

func (n *names) view(l engine.RewardLine, cur engine.Currency) LineView {
	v := LineView{RewardLine: l, PayeeName: n.payee(l.Payee), PartnerName: n.partners[l.PartnerID], Currency: cur}
	if p := n.programs[l.ProgramID]; p != nil {
		v.ProgramName = p.Name
		v.RuleName = engine.RuleNamed(p, l.RuleKey)
		if len(p.EarlierRules) > 0 {
			start := p.ValidFrom // a custom window's key names no calendar period
			if per, err := engine.ParsePeriod(l.Period, n.fy); err == nil {
				start = per.Start
			}
			_, v.RuleVersion = engine.RulesFor(p, start)
		}
	}
	return v
}

// Approve approves the period's draft lines with the given ids (all draft
// lines when ids is empty). A program's budget is not a cap: when the lines
// take a program past it, Approve returns an *engine.BudgetError with the figures
// unless confirmed. Points lines post to the points ledger and fund lines
// post accruals to the fund ledger, in the same transaction.
func (s *Service) Approve(period string, ids []engine.ID, confirmed bool) (views.ApproveResult, error) {
	p, err := s.Period(period)
	if err != nil {
		return views.ApproveResult{}, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return views.ApproveResult{}, err
	}
	var res views.ApproveResult
	err = s.update(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		want := map[engine.ID]bool{}
		for _, id := range ids {
			want[id] = true
		}
		var chosen []engine.RewardLine
		for _, l := range ls {
			if len(ids) > 0 && !want[l.ID] {
				continue
			}
			if len(ids) > 0 && l.Status != engine.LineDraft {
				return &engine.ValidationError{Field: "line", Reason: fmt.Sprintf("line %d is already %s", l.ID, l.Status)}
			}
			delete(want, l.ID)
			if l.Status == engine.LineDraft {
				chosen = append(chosen, l)
			}
		}
		for id := range want {
			return &engine.ValidationError{Field: "line", Reason: fmt.Sprintf("line %d is not a line of %s", id, p.Key)}
		}
		if err := checkApprovalExamples(tx, co, chosen); err != nil {
			return err
		}
		budgets, err := budgetUse(tx, co.Currency, chosen)
		if err != nil {
			return err
		}
		res.Budgets = budgets
		var over []engine.BudgetOverrun
		for _, b := range budgets {
			if b.Passes() {
				over = append(over, b)
			}
		}
		if len(over) > 0 && !confirmed {
			return &engine.BudgetError{Overruns: over}
		}
		today := s.Today()
		for i := range chosen {
			l := &chosen[i]
			l.Status, l.ApprovedBy, l.ApprovedOn = engine.LineApproved, s.Operator, today
			if err := tx.Put(l); err != nil {
				return fmt.Errorf("approve line %d: %w", l.ID, err)
			}
			if err := s.postLedgers(tx, p, l); err != nil {
				return err
			}
		}
		res.Approved = len(chosen)
		return nil
	})
	return res, err
}

// postLedgers books an approved line's points or fund accrual. Entries are
// dated at the period end, so a period's ledgers read as of its last day;
// if that day is closed (an adjustment line), they are dated today.
func (s *Service) postLedgers(tx *data.Tx, p engine.Period, l *engine.RewardLine) error {
	date := p.End
	if tx.IsClosed(date) {
		date = s.Today()
	}
	return postLedgerEntry(tx, p, l, date) // app/ledger.go
}

// budgetUse sums, per program of the chosen lines, what was already
// approved or paid in every period and what the chosen lines add.
func budgetUse(tx *data.Tx, cur engine.Currency, chosen []engine.RewardLine) ([]engine.BudgetOverrun, error) {
	by := map[engine.ID]*engine.BudgetOverrun{}
	for _, l := range chosen {
		if l.Unit != engine.UnitMoney {
			continue
		}
		b := by[l.ProgramID]
		if b == nil {
			prog, err := data.Get[engine.Program](tx, l.ProgramID)
			if err != nil {
				return nil, fmt.Errorf("program %d of line %d: %w", l.ProgramID, l.ID, err)
			}
			b = &engine.BudgetOverrun{ProgramID: prog.ID, Program: prog.Name, Currency: cur, Budget: prog.Budget}
			by[l.ProgramID] = b
		}
		b.Approving = b.Approving.Add(l.Amount)
	}
	if len(by) == 0 {
		return nil, nil
	}
	err := data.Each(tx, func(l *engine.RewardLine) error {
		if b := by[l.ProgramID]; b != nil && l.Unit == engine.UnitMoney && l.Status != engine.LineDraft {
			b.Spent = b.Spent.Add(l.Amount)
		}
		return nil
	})
	var out []engine.BudgetOverrun
	for _, b := range by {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ProgramID < out[j].ProgramID })
	return out, err
}

// Pay records a payout that settles approved money lines of one payee; the
// amount must equal the sum of the lines it settles.
func (s *Service) Pay(in views.PayInput) (engine.Payout, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Payout{}, err
	}
	var po engine.Payout
	err = s.update(func(tx *data.Tx) error {
		date := s.Today()
		if in.Date != "" {
			d, err := engine.ParseDate(in.Date)
			if err != nil {
				return &engine.ValidationError{Field: "date", Reason: err.Error()}
			}
			date = d
		}
		if tx.IsClosed(date) {
			return &engine.ValidationError{Field: "date", Reason: fmt.Sprintf("%s lies in a closed period: date the payout in an open one", date)}
		}
		if strings.TrimSpace(in.Method) == "" {
			return &engine.ValidationError{Field: "method", Reason: "say how it was paid (bank transfer, credit note, voucher)"}
		}
		if len(in.Lines) == 0 {
			return &engine.ValidationError{Field: "lines", Reason: "choose the approved lines the payout settles"}
		}
		var payee engine.Payee
		total := decimal.Zero
		var lines []*engine.RewardLine
		seen := map[engine.ID]bool{}
		for _, id := range in.Lines {
			if seen[id] {
				continue
			}
			seen[id] = true
			l, err := data.Get[engine.RewardLine](tx, id)
			if err != nil {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("there is no line %d", id)}
			}
			if l.Status != engine.LineApproved {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("line %d is %s: only approved lines are paid", id, l.Status)}
			}
			if l.Unit != engine.UnitMoney {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("line %d is %s, not money", id, l.Unit)}
			}
			if payee.ID == 0 {
				payee = l.Payee
			} else if payee != l.Payee {
				return &engine.ValidationError{Field: "lines", Reason: "a payout settles the lines of one payee"}
			}
			total = total.Add(l.Amount)
			lines = append(lines, l)
		}
		if in.Payee != "" {
			nm, err := loadNames(tx)
			if err != nil {
				return err
			}
			if !matchPayee(in.Payee, payee, nm.payee(payee)) {
				return &engine.ValidationError{Field: "payee", Reason: fmt.Sprintf("the lines belong to %s %d (%s), not %s", payee.Kind, payee.ID, nm.payee(payee), in.Payee)}
			}
		}
		if in.Amount != "" {
			amt, err := parseMoney("amount", in.Amount)
			if err != nil {
				return err
			}
			if !amt.Equal(total) {
				return &engine.ValidationError{Field: "amount", Reason: fmt.Sprintf("the payout of %s does not equal the %s of the lines it settles", co.Currency.Format(amt), co.Currency.Format(total))}
			}
		}
		po = engine.Payout{Date: date, Payee: payee, Amount: total, Method: strings.TrimSpace(in.Method), Reference: strings.TrimSpace(in.Reference)}
		for _, l := range lines {
			po.LineIDs = append(po.LineIDs, l.ID)
		}
		if err := tx.Put(&po); err != nil {
			return fmt.Errorf("record payout: %w", err)
		}
		for _, l := range lines {
			l.Status, l.PayoutID = engine.LinePaid, po.ID
			if err := tx.Put(l); err != nil {
				return fmt.Errorf("mark line %d paid: %w", l.ID, err)
			}
		}
		return nil
	})
	return po, err
}

// closedBy reports whether period p is closed, itself or inside a longer
// closed period (closing a quarter closes its months), and names the period
// whose close froze it. Closing the three months never closes the quarter.
func closedBy(tx *data.Tx, p engine.Period) (string, bool) {
	states, err := tx.PeriodStates()
	if err != nil {
		return "", false
	}
	for _, st := range states {
		if st.Closed && st.Start <= p.Start && p.End <= st.End {
			return st.Key, true
		}
	}
	return "", false
}

// periodsInside returns the periods of every kind that lie inside p, p
// included, shortest first: closing p closes them all.
func periodsInside(p engine.Period, fy time.Month) []engine.Period {
	if p.Kind == engine.PeriodCustom {
		return []engine.Period{p}
	}
	var out []engine.Period
	for _, k := range []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear} {
		for q := engine.PeriodContaining(k, p.Start, fy); q.End <= p.End; q = q.Next(fy) {
			if q.Start >= p.Start {
				out = append(out, q)
			}
		}
	}
	return out
}

// staleLines reports whether a fresh computation of open period p would
// change what is stored for it: some program of its kind has inputs its
// last compute did not count (or no compute ran at all).
func (s *Service) staleLines(tx *data.Tx, co engine.Company, p engine.Period) (bool, error) {
	in, err := s.loadInputs(tx, co, p, nil)
	if err != nil {
		return false, err
	}
	res, err := engine.Compute(in)
	if err != nil {
		return false, fmt.Errorf("compute %s: %w", p.Key, err)
	}
	stored, err := tx.LinesOfPeriod(p.Key)
	if err != nil {
		return false, err
	}
	var kept, drafts []engine.RewardLine
	for _, l := range stored {
		if l.Status == engine.LineDraft {
			drafts = append(drafts, l)
		} else {
			kept = append(kept, l)
		}
	}
	// What a compute would write now, against the drafts it wrote then.
	want := engine.Reconcile(res.Lines, kept)
	return !sameFigures(want, drafts), nil
}

// sameFigures reports whether two sets of lines pay the same to every
// program, rule, payee, unit and adjustment, zero lines aside.
func sameFigures(a, b []engine.RewardLine) bool {
	type fig struct {
		amount decimal.Decimal
		points int64
	}
	key := func(l *engine.RewardLine) string {
		k := fmt.Sprint(l.ProgramID, "\x00", l.RuleKey, "\x00", l.Payee.Kind, l.Payee.ID, "\x00", l.Unit)
		if l.Adjustment != nil {
			k += fmt.Sprint("\x00", l.Adjustment.OriginalPeriod, "\x00", l.Adjustment.Invoice, "\x00", l.Adjustment.SaleID)
		}
		return k
	}
	sums := map[string]*fig{}
	add := func(ls []engine.RewardLine, sign int64) {
		for i := range ls {
			k := key(&ls[i])
			f := sums[k]
			if f == nil {
				f = &fig{}
				sums[k] = f
			}
			f.amount = f.amount.Add(ls[i].Amount.Mul(decimal.NewFromInt(sign)))
			f.points += sign * ls[i].Points
		}
	}
	add(a, 1)
	add(b, -1)
	for _, f := range sums {
		if !f.amount.IsZero() || f.points != 0 {
			return false
		}
	}
	return true
}

// ClosePeriod closes a period: inputs dated in it and its reward lines
// become read-only, and so do the periods of every kind inside it (closing
// 2026-Q1 closes 2026-01 to 2026-03 too; closing months never closes their
// quarter). It refuses while a period inside it that is still open has
// lines its inputs no longer give (compute it first), draft lines with an
// amount, or approved money lines unpaid: the run is compute, approve, pay,
// close. Zero draft lines (explanations of what did not pay) are approved
// on the way. Each period closed records the last sale id, so a sale
// entered later and dated in it is told apart as a late sale.
func (s *Service) ClosePeriod(period string) (engine.PeriodState, error) {
	co, err := s.Company()
	if err != nil {
		return engine.PeriodState{}, err
	}
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return engine.PeriodState{}, usagef("%v", err)
	}
	today := s.Today()
	st := engine.PeriodState{Key: p.Key, Start: p.Start, End: p.End, Closed: true, ClosedOn: today, ClosedBy: s.Operator}
	err = s.update(func(tx *data.Tx) error {
		if by, closed := closedBy(tx, p); closed {
			return fmt.Errorf("%s is already closed (with %s)", p.Key, by)
		}
		var open []engine.Period
		for _, q := range periodsInside(p, co.FiscalYearStart) {
			if _, closed := closedBy(tx, q); !closed {
				open = append(open, q)
			}
		}
		var stale []string
		for _, q := range open {
			st, err := s.staleLines(tx, co, q)
			if err != nil {
				return err
			}
			if st {
				stale = append(stale, q.Key)
			}
		}
		if len(stale) > 0 {
			return fmt.Errorf("%s cannot close yet: a computation of %s now gives other lines than the stored ones (inputs or programs changed, or it was never computed); compute %s first",
				p.Key, strings.Join(stale, ", "), strings.Join(stale, ", "))
		}
		isOpen := map[string]bool{}
		for _, q := range open {
			isOpen[q.Key] = true
		}
		type openLines struct{ draft, unpaid int }
		pending := map[string]*openLines{}
		var zeros []engine.RewardLine
		err := data.Each(tx, func(l *engine.RewardLine) error {
			if !isOpen[l.Period] {
				return nil
			}
			o := pending[l.Period]
			if o == nil {
				o = &openLines{}
				pending[l.Period] = o
			}
			switch {
			case l.Status == engine.LineDraft && l.Amount.IsZero() && l.Points == 0:
				zeros = append(zeros, *l)
			case l.Status == engine.LineDraft:
				o.draft++
			case l.Status == engine.LineApproved && l.Unit == engine.UnitMoney && !l.Amount.IsZero():
				o.unpaid++
			}
			return nil
		})
		if err != nil {
			return err
		}
		var blocking []string
		for _, k := range sortedKeys(pending) {
			o := pending[k]
			if o.draft > 0 || o.unpaid > 0 {
				blocking = append(blocking, fmt.Sprintf("%s has %d draft and %d approved unpaid lines", k, o.draft, o.unpaid))
			}
		}
		if len(blocking) > 0 {
			return fmt.Errorf("%s cannot close yet: %s; approve and pay them (or recompute) first", p.Key, strings.Join(blocking, ", "))
		}
		for i := range zeros {
			l := &zeros[i]
			l.Status, l.ApprovedBy, l.ApprovedOn = engine.LineApproved, s.Operator, today
			if err := tx.Put(l); err != nil {
				return err
			}
		}
		last, err := tx.LastSaleID()
		if err != nil {
			return err
		}
		st.LastSaleID = last
		for _, q := range open {
			if q.Key == p.Key {
				continue
			}
			sub := engine.PeriodState{Key: q.Key, Start: q.Start, End: q.End, Closed: true, ClosedOn: today, ClosedBy: s.Operator, LastSaleID: last}
			if err := tx.ClosePeriod(sub); err != nil {
				return fmt.Errorf("close %s inside %s: %w", q.Key, p.Key, err)
			}
		}
		return tx.ClosePeriod(st)
	})
	return st, err
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Periods returns the stored period states, closed ones included.
func (s *Service) Periods() ([]engine.PeriodState, error) {
	var out []engine.PeriodState
	err := s.view(func(tx *data.Tx) error {
		var err error
		out, err = tx.PeriodStates()
		return err
	})
	return out, err
}
