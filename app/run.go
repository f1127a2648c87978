package app

import (
	"fmt"
	"slices"
	"strings"

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
		in, res, n, err := s.computeStored(tx, co, p, func() { progress.report(1, 3) })
		if err != nil {
			return err
		}
		sum.Sales = n
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
		// With nothing approved, Reconcile would return a copy of the
		// fresh lines: this computation owns them, and nothing reads res
		// once they are written, so they are written as they are.
		lines := res.Lines
		if len(kept) > 0 {
			lines = engine.Reconcile(res.Lines, kept)
		}
		// The lines are encoded on another goroutine while what changed
		// is recorded; nothing changes them until they are stored.
		draft := data.PrepareDraftLines(p.Key, lines)
		defer draft.Stop()
		if sum.Changes, err = s.recordChanges(tx, in, existing, res); err != nil {
			return fmt.Errorf("record what changed in %s: %w", p.Key, err)
		}
		progress.report(2, 3)
		if err := tx.ReplaceDraftLinesPrepared(existing, draft); err != nil {
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

// computeStored computes period p from the store: engine.Compute of
// loadInputs, except that the sales go to the engine as they are read, so
// that a million of them are never held at once (engine.SaleStream). It
// returns the inputs without the sales, the result and how many sales it
// read; read is called once they are all read.
func (s *Service) computeStored(tx *data.Tx, co engine.Company, p engine.Period, read func()) (engine.Inputs, engine.Result, int, error) {
	in, err := s.loadContext(tx, co, p, nil)
	if err != nil {
		return in, engine.Result{}, 0, err
	}
	st, err := engine.NewSaleStream(in)
	if err != nil {
		return in, engine.Result{}, 0, fmt.Errorf("compute %s: %w", p.Key, err)
	}
	need := newSaleNeeds(tx, p, in.ClosedPeriods)
	var originals []engine.Sale
	var closedLines []engine.RewardLine
	err = pipePeriodSales(tx, p, len(in.ClosedPeriods) > 0, st.Add, func(window []engine.Sale) error {
		// The reading goroutine notes what each window names and reads
		// the originals of its returns while the engine takes the window.
		for i := range window {
			need.note(&window[i])
		}
		return need.lookup()
	}, func() (err error) {
		originals, closedLines, err = need.load()
		return err
	})
	if err != nil {
		return in, engine.Result{}, 0, err
	}
	if read != nil {
		read()
	}
	res, err := st.Finish(originals, closedLines)
	if err != nil {
		return in, engine.Result{}, 0, fmt.Errorf("compute %s: %w", p.Key, err)
	}
	return in, res, st.Len(), nil
}

// loadInputs reads what engine.Compute needs for period p. programs, when
// given, replace the stored ones (a simulation).
func (s *Service) loadInputs(tx *data.Tx, co engine.Company, p engine.Period, programs []engine.Program) (engine.Inputs, error) {
	in, err := s.loadContext(tx, co, p, programs)
	if err != nil {
		return in, err
	}
	if in.Sales, err = loadPeriodSales(tx, p, len(in.ClosedPeriods) > 0); err != nil {
		return in, fmt.Errorf("load sales for %s: %w", p.Key, err)
	}
	need := newSaleNeeds(tx, p, in.ClosedPeriods)
	for i := range in.Sales {
		need.note(&in.Sales[i])
	}
	in.Originals, in.ClosedLines, err = need.load()
	return in, err
}

// loadContext reads every input of engine.Compute for period p but the
// sales and what the sales name (the originals of its returns and the
// lines of closed periods: saleNeeds). programs, when given, replace the
// stored ones (a simulation).
//
// It is long because it lists, one short commented read each, every input
// engine.Compute takes; the order of the reads is the documentation of what
// a computation depends on.
func (s *Service) loadContext(tx *data.Tx, co engine.Company, p engine.Period, programs []engine.Program) (engine.Inputs, error) {
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
	// Only training and activity rules read trainings and activities:
	// with no such rule in a program of the period's kind, a computation
	// does not decode them (tens of thousands of records).
	if engine.ReadsRuleKind(in.Programs, p, engine.RuleTraining) {
		err = data.Each(tx, func(t *engine.Training) error {
			if t.Completed <= p.End {
				in.Trainings = append(in.Trainings, *t)
			}
			return nil
		})
		if err != nil {
			return in, wrap("trainings", err)
		}
	}
	if engine.ReadsRuleKind(in.Programs, p, engine.RuleActivity) {
		err = data.Each(tx, func(a *engine.Activity) error {
			if p.Contains(a.Date) {
				in.Activities = append(in.Activities, *a)
			}
			return nil
		})
		if err != nil {
			return in, wrap("activities", err)
		}
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
	return in, nil
}

// saleNeeds gathers, as the period's sales pass, what they name: the
// original sales their returns name (a return is tested against the
// rules' windows on its original line's date, and claws a closed period
// back at that period's effective rate, which the closed periods' approved
// lines give), and whether those closed lines are needed at all.
type saleNeeds struct {
	tx        *data.Tx
	p         engine.Period
	closed    []engine.Period
	seen      map[invoiceKey]bool
	invoices  []invoiceKey // in the order the returns name them
	looked    int          // invoices whose originals are read
	originals []engine.Sale
	needLines bool
}

type invoiceKey struct {
	partner engine.ID
	invoice string
}

func newSaleNeeds(tx *data.Tx, p engine.Period, closed []engine.Period) *saleNeeds {
	return &saleNeeds{tx: tx, p: p, closed: closed, seen: map[invoiceKey]bool{}}
}

// note looks at one sale of the period.
func (n *saleNeeds) note(x *engine.Sale) {
	if x.Booked != 0 && x.Booked != x.Date {
		n.needLines = true
	}
	if x.OriginalInvoice == "" {
		return
	}
	k := invoiceKey{x.PartnerID, x.OriginalInvoice}
	if !n.seen[k] {
		n.seen[k] = true
		n.invoices = append(n.invoices, k)
	}
}

// load reads the originals and, when a late sale or a return touches a
// closed period, the approved and paid lines of the closed periods of the
// computed period's kind (only a program of that kind adjusts).
func (n *saleNeeds) load() (originals []engine.Sale, closedLines []engine.RewardLine, err error) {
	if err := n.lookup(); err != nil {
		return nil, nil, err
	}
	if len(n.closed) == 0 || !n.needLines {
		return n.originals, nil, nil
	}
	for _, st := range n.closed {
		if st.Kind != n.p.Kind {
			continue
		}
		ls, err := n.tx.LinesOfPeriod(st.Key)
		if err != nil {
			return nil, nil, fmt.Errorf("load closed lines for %s: %w", n.p.Key, err)
		}
		for _, l := range ls {
			if l.Status != engine.LineDraft {
				closedLines = append(closedLines, l)
			}
		}
	}
	return n.originals, closedLines, nil
}

// lookup reads the originals of the invoices noted since the last lookup.
func (n *saleNeeds) lookup() error {
	for ; n.looked < len(n.invoices); n.looked++ {
		k := n.invoices[n.looked]
		orig, err := n.tx.SalesByInvoice(k.partner, k.invoice)
		if err != nil {
			return fmt.Errorf("load original invoices for %s: %w", n.p.Key, err)
		}
		for _, o := range orig {
			if len(n.closed) > 0 && n.tx.IsClosed(o.Date) {
				n.needLines = true
			}
		}
		n.originals = append(n.originals, orig...)
	}
	return nil
}

// loadPeriodSales reads the sales that can count in period p (see
// eachPeriodSale).
func loadPeriodSales(tx *data.Tx, p engine.Period, anyClosed bool) ([]engine.Sale, error) {
	sales, err := tx.AppendSalesBetween(nil, p.Start, p.End)
	if err != nil || !anyClosed {
		return sales, err
	}
	err = eachLateSale(tx, p, func(x *engine.Sale) error {
		sales = append(sales, *x)
		return nil
	})
	return sales, err
}

// eachPeriodSale calls fn for the sales that can count in period p: those
// booked in it, and, once periods have been closed, the late sales booked
// after it that are dated in it or before it. A late sale is never booked
// before the period it adjusts (its booking day cannot lie in a closed
// period).
func eachPeriodSale(tx *data.Tx, p engine.Period, anyClosed bool, fn func(*engine.Sale) error) error {
	if err := tx.SalesBetween(p.Start, p.End, fn); err != nil || !anyClosed {
		return err
	}
	return eachLateSale(tx, p, fn)
}

// pipeDays is how many days of sales pipePeriodSales reads at a time:
// about 80,000 sales (16 MB) a window at a million sales a quarter.
const pipeDays = 7

// pipePeriodSales calls fn for the sales of eachPeriodSale, read on
// another goroutine a window of days at a time: the store decodes the
// next window (on every core, AppendSalesBetween) while fn takes the last
// one on this goroutine. Two windows' buffers are reused throughout. The
// reading goroutine also calls read with each window, after handing it
// over, and done at the end: the transaction is used by that goroutine
// only, until it returns.
func pipePeriodSales(tx *data.Tx, p engine.Period, anyClosed bool, fn func(*engine.Sale), read func([]engine.Sale) error, done func() error) error {
	free := make(chan []engine.Sale, 2)
	full := make(chan []engine.Sale, 2)
	free <- nil
	free <- nil
	result := make(chan error, 1)
	go func() {
		err := func() error {
			for from := p.Start; from <= p.End; from = from.AddDays(pipeDays) {
				buf, err := tx.AppendSalesBetween((<-free)[:0], from, min(from.AddDays(pipeDays-1), p.End))
				if err != nil {
					return fmt.Errorf("load sales for %s: %w", p.Key, err)
				}
				full <- buf
				if err := read(buf); err != nil {
					return err
				}
			}
			if anyClosed {
				buf := (<-free)[:0]
				err := eachLateSale(tx, p, func(x *engine.Sale) error {
					buf = append(buf, *x)
					return nil
				})
				if err != nil {
					return fmt.Errorf("load sales for %s: %w", p.Key, err)
				}
				full <- buf
				if err := read(buf); err != nil {
					return err
				}
			}
			return done()
		}()
		close(full)
		result <- err
	}()
	for b := range full {
		for i := range b {
			fn(&b[i])
		}
		free <- b
	}
	return <-result
}

// eachLateSale calls fn for the sales booked after p and dated in or before it.
func eachLateSale(tx *data.Tx, p engine.Period, fn func(*engine.Sale) error) error {
	return tx.SalesBetween(p.End+1, engine.MaxDate, func(x *engine.Sale) error {
		if x.Booked != 0 && x.Date <= p.End {
			return fn(x)
		}
		return nil
	})
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
