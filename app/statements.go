package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/data/atomicfile"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
	"partnerdesk/reports"
)

// BuildStatement gathers one payee's statement for a period, every figure
// taken from the stored lines (already rounded) and every text rendered in
// the partner's statement language (the company's when it has none).
//
// What all statements of a period share (its lines, year-to-date sums,
// tiers, ledgers, nudges) is read once into a snapshot kept until the
// store changes, so a batch of thousands of statements reads the period
// once, not once per payee.
func (s *Service) BuildStatement(payee engine.Payee, period string) (*reports.Statement, error) {
	var st *reports.Statement
	err := s.view(func(tx *data.Tx) error {
		snap, err := s.statementSnapshot(tx, period)
		if err != nil {
			return err
		}
		st, err = snap.statement(payee, s.Today())
		return err
	})
	if err != nil {
		return nil, err
	}
	st.Fingerprint = st.ComputeFingerprint()
	return st, nil
}

// snapshot is what every statement of one period reads, for one version
// of the store.
type snapshot struct {
	period  string
	version int

	co       engine.Company
	p        engine.Period
	names    *names
	partners map[engine.ID]*engine.Partner
	reps     map[engine.ID]*engine.Rep
	lines    map[engine.Payee][]engine.RewardLine
	ytd      map[engine.Payee]*YTD
	payouts  map[engine.Payee][]engine.Payout
	sales    map[engine.Payee]decimal.Decimal
	points   []engine.PointsEntry
	funds    map[engine.ID][]engine.FundEntry
	ladder   engine.TierLadder
	history  []engine.TierChange
	evidence map[engine.ID]engine.TierEvidence
	nudges   map[engine.Payee][]engine.Explanation
	invoices map[engine.ID]engine.InvoiceNo // self-billing numbers of payouts
	open     bool                           // the period is not closed: its statements are provisional
}

// periodFit says how a line's period relates to a statement's period.
type periodFit struct{ inside, ytd bool }

// snapshotCache holds the latest snapshot.
type snapshotCache struct {
	mu   sync.Mutex
	snap *snapshot
}

func (s *Service) statementSnapshot(tx *data.Tx, period string) (*snapshot, error) {
	s.snaps.mu.Lock()
	defer s.snaps.mu.Unlock()
	co, err := tx.Company()
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return nil, err
	}
	co = withCompanyDefaults(co)
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if c := s.snaps.snap; c != nil && c.period == p.Key && c.version == tx.Version() {
		return c, nil
	}
	snap, err := s.readSnapshot(tx, co, p)
	if err != nil {
		return nil, err
	}
	s.snaps.snap = snap
	return snap, nil
}

// It is long because it is one read transaction's list of what the
// statements of a period need (lines, year to date, credited sales, tiers,
// nudges), each a commented block.
func (s *Service) readSnapshot(tx *data.Tx, co engine.Company, p engine.Period) (*snapshot, error) {
	sn := &snapshot{period: p.Key, version: tx.Version(), co: co, p: p,
		partners: map[engine.ID]*engine.Partner{}, reps: map[engine.ID]*engine.Rep{},
		lines: map[engine.Payee][]engine.RewardLine{}, ytd: map[engine.Payee]*YTD{},
		payouts: map[engine.Payee][]engine.Payout{}, sales: map[engine.Payee]decimal.Decimal{},
		funds: map[engine.ID][]engine.FundEntry{}, evidence: map[engine.ID]engine.TierEvidence{},
		nudges: map[engine.Payee][]engine.Explanation{}}
	var err error
	if sn.names, err = loadNames(tx); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(x *engine.Partner) error { sn.partners[x.ID] = x; return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(x *engine.Rep) error { sn.reps[x.ID] = x; return nil }); err != nil {
		return nil, err
	}
	// The lines of every period lying inside p (a quarter's statement
	// shows its months' lines too), and year to date: every line, of any
	// status, that counts in p's year to date (engine.InYearToDate), so
	// that it always equals the previous statement's plus this one's total.
	y := engine.PeriodContaining(engine.PeriodYear, p.End, co.FiscalYearStart)
	periods := map[string]periodFit{}
	err = data.Each(tx, func(l *engine.RewardLine) error {
		f, ok := periods[l.Period]
		if !ok {
			if lp, err := engine.ParsePeriod(l.Period, co.FiscalYearStart); err == nil {
				f = periodFit{inside: lp.Inside(p), ytd: engine.InYearToDate(lp, p, co.FiscalYearStart)}
			}
			periods[l.Period] = f
		}
		if f.inside {
			sn.lines[l.Payee] = append(sn.lines[l.Payee], *l)
		}
		if !f.ytd {
			return nil
		}
		t := sn.ytd[l.Payee]
		if t == nil {
			t = &YTD{Year: y}
			sn.ytd[l.Payee] = t
		}
		if l.Unit == engine.UnitMoney {
			t.Rewards = t.Rewards.Add(l.Amount)
		}
		t.Points += l.Points
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = data.Each(tx, func(po *engine.Payout) error {
		if po.Date >= y.Start && po.Date <= p.End {
			t := sn.ytd[po.Payee]
			if t == nil {
				t = &YTD{Year: y}
				sn.ytd[po.Payee] = t
			}
			t.Paid = t.Paid.Add(po.Amount)
		}
		if p.Contains(po.Date) {
			sn.payouts[po.Payee] = append(sn.payouts[po.Payee], *po)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if sn.invoices, err = tx.InvoiceNumbers(); err != nil {
		return nil, err
	}
	sn.open = !tx.IsPeriodClosed(p.Key)
	if sn.points, err = data.All[engine.PointsEntry](tx); err != nil {
		return nil, err
	}
	err = data.Each(tx, func(e *engine.FundEntry) error {
		sn.funds[e.PartnerID] = append(sn.funds[e.PartnerID], *e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Tiers on the period's first day and the evidence over the window.
	in, err := tierInputs(tx, p.End, 0)
	if err != nil {
		return nil, err
	}
	sn.ladder, sn.history = in.Ladder, in.History
	// The evidence is measured on the other core while this one adds up
	// the credited sales: both only read in.
	var measured chan []engine.TierEvidence
	if len(in.Ladder.Levels) > 0 {
		measured = make(chan []engine.TierEvidence, 1)
		go func() { measured <- engine.MeasureTiers(in) }()
	}
	// Sales credited to each partner and rep in the period: the payee's
	// credit from each sale after its credit splits (engine.SaleCredits),
	// so a sale split 60/40 counts 60 % for one partner and 40 % for the
	// other. They are the tier window's sales booked in the period when
	// the window holds the period (a year's window holds a quarter):
	// reading a million sales twice was half of a batch's reading.
	sales := in.Sales
	if from, to := engine.TierWindow(in.Ladder, p.End); from > p.Start || to < p.End {
		if sales, err = tx.AppendSalesBetween(nil, p.Start, p.End); err != nil {
			return nil, err
		}
	}
	addSaleCredits(sn.sales, sales, p)
	if measured != nil {
		for _, ev := range <-measured {
			sn.evidence[ev.PartnerID] = ev
		}
	}
	// Nudges come from computing the open period (nothing is written),
	// and only while it runs: what is "missing" to a band of a period that
	// has ended can no longer be sold (SPEC: Statements).
	if !tx.IsPeriodClosed(p.Key) && p.End >= s.Today() {
		cin, err := s.loadInputs(tx, co, p, nil)
		if err != nil {
			return nil, err
		}
		res, err := engine.Compute(cin)
		if err != nil {
			return nil, err
		}
		for _, n := range res.Nudges {
			sn.nudges[n.Payee] = append(sn.nudges[n.Payee], n.Explanation)
		}
	}
	return sn, nil
}

// addSaleCredits adds to sums each payee's credit from the sales booked
// in p (sales holds them, and may hold others).
func addSaleCredits(sums map[engine.Payee]decimal.Decimal, sales []engine.Sale, p engine.Period) {
	acc := map[engine.Payee]*decSum{}
	sum := func(py engine.Payee) *decSum {
		s := acc[py]
		if s == nil {
			s = &decSum{rest: sums[py]}
			acc[py] = s
		}
		return s
	}
	one := decimal.NewFromInt(1)
	var buf []engine.Credit
	for i := range sales {
		x := &sales[i]
		if d := x.BookDate(); d < p.Start || d > p.End {
			continue
		}
		buf = engine.AppendSaleCredits(buf[:0], x, one)
		for _, c := range buf {
			sum(engine.Payee{Kind: engine.PayeePartner, ID: c.PartnerID}).add(c.Net)
			if c.RepID != 0 {
				sum(engine.Payee{Kind: engine.PayeeRep, ID: c.RepID}).add(c.Net)
			}
		}
	}
	for py, s := range acc {
		sums[py] = s.value()
	}
}

// statement lays out one payee's statement from the snapshot.
func (sn *snapshot) statement(payee engine.Payee, today engine.Date) (*reports.Statement, error) {
	co, p := sn.co, sn.p
	st := &reports.Statement{
		Company:   reports.Company{Name: co.Name, Address: co.Address, Logo: co.Logo, Currency: co.Currency, CSVStyle: co.CSVStyle},
		Period:    reports.Period{Key: p.Key},
		PrintedOn: today,
		// SPEC (Statements): a statement of an open period says that it
		// is provisional.
		Provisional: sn.open,
	}
	if t := sn.ytd[payee]; t != nil {
		st.YTD = reports.YTD{Rewards: t.Rewards, Points: t.Points, Paid: t.Paid}
	}
	var partner *engine.Partner
	switch payee.Kind {
	case engine.PayeePartner:
		if partner = sn.partners[payee.ID]; partner == nil {
			return nil, fmt.Errorf("statement: partner %d: %w", payee.ID, engine.ErrNotFound)
		}
		st.Payee = reports.Payee{Kind: payee.Kind, Name: partner.Name, Country: partner.Country}
	case engine.PayeeRep:
		r := sn.reps[payee.ID]
		if r == nil {
			return nil, fmt.Errorf("statement: rep %d: %w", payee.ID, engine.ErrNotFound)
		}
		if partner = sn.partners[r.PartnerID]; partner == nil {
			return nil, fmt.Errorf("statement: partner %d of rep %d: %w", r.PartnerID, r.ID, engine.ErrNotFound)
		}
		st.Payee = reports.Payee{Kind: payee.Kind, Name: r.Name, PartnerName: partner.Name, Country: partner.Country}
	default:
		return nil, fmt.Errorf("statement: unknown payee kind %q", payee.Kind)
	}
	lang := i18n.Normalize(co.Language)
	if partner.Language != "" {
		lang = i18n.Normalize(partner.Language)
	}
	st.Language = lang
	st.Period.Name = i18n.PeriodName(p.Key, lang)
	if len(sn.ladder.Levels) > 0 {
		tier := engine.TierForPeriod(sn.ladder, sn.history, partner.ID, p)
		st.Payee.Tier = tier
		if ev, ok := sn.evidence[partner.ID]; ok {
			st.Payee.NextTier = i18n.Explain(engine.TierGap(sn.ladder, tier, ev, co.Currency), lang)
		}
	}
	for _, l := range sn.lines[payee] {
		v := sn.names.view(l, co.Currency)
		line := reports.Line{Program: v.ProgramName, Rule: v.RuleName, Explanation: i18n.Explain(l.Explanation, lang),
			Amount: l.Amount, Points: l.Points, Status: l.Status}
		if l.Unit == engine.UnitFund {
			// A fund credit is earned but not owed: it prints as a
			// credit to the fund and stays out of the money totals.
			line.FundCredit, line.Amount = l.Amount, decimal.Zero
		}
		if l.Adjustment != nil {
			line.Invoice, line.OriginalPeriod = l.Adjustment.Invoice, l.Adjustment.OriginalPeriod
			st.Adjustments = append(st.Adjustments, line)
		} else {
			st.Lines = append(st.Lines, line)
		}
	}
	st.Summary.Sales = co.Currency.Round(sn.sales[payee])
	for _, po := range sn.payouts[payee] {
		st.Payouts = append(st.Payouts, reports.PayoutRow{Date: po.Date, Method: po.Method, Reference: po.Reference, Amount: po.Amount,
			Invoice: sn.invoices[po.ID].String()})
	}
	// Fund and points figures as of the statement's date (app/ledger.go).
	lf := statementLedgers(sn.points, sn.funds[payee.ID], payee, p, today)
	st.Summary.PointsBalance = lf.PointsBalance
	if payee.Kind == engine.PayeePartner && (!lf.FundBalance.IsZero() || !lf.FundExpiring.IsZero()) {
		st.Summary.Funds = append(st.Summary.Funds, reports.FundBalance{Fund: "MDF / co-op", Balance: lf.FundBalance, ExpiringNext30: lf.FundExpiring})
	}
	for _, e := range sn.nudges[payee] {
		st.Nudges = append(st.Nudges, i18n.Explain(e, lang))
	}
	return st, nil
}

// WriteStatement writes one statement as pdf, csv or xlsx.
func (s *Service) WriteStatement(payee engine.Payee, period, format string, w io.Writer) error {
	st, err := s.BuildStatement(payee, period)
	if err != nil {
		return err
	}
	switch format {
	case "pdf", "":
		return reports.WritePDF(w, st)
	case "csv":
		return reports.WriteStatementCSV(w, st)
	case "xlsx":
		return reports.WriteStatementXLSX(w, st)
	}
	return usagef("a statement is pdf, csv or xlsx, not %q", format)
}

// ResolvePayee finds a payee by "P12", "R7", a partner's id, name or code,
// or a rep's name.
func (s *Service) ResolvePayee(ref string) (engine.Payee, error) {
	var p engine.Payee
	err := s.view(func(tx *data.Tx) error {
		var err error
		p, err = findPayee(tx, ref)
		if err != nil {
			return &engine.ValidationError{Field: "payee", Reason: err.Error()}
		}
		return nil
	})
	return p, err
}

// SaveStatement writes the statement of the payee ref names to path; the
// format is the extension's unless given.
func (s *Service) SaveStatement(ref, period, path, format string) error {
	payee, err := s.ResolvePayee(ref)
	if err != nil {
		return err
	}
	return s.SaveStatementFile(payee, period, format, path)
}

// SaveStatementFile writes payee's statement for period to path as pdf,
// csv or xlsx (format; empty: the extension's), atomically and mode 0600:
// the export statement verb and the window's statement screen save
// through it.
func (s *Service) SaveStatementFile(payee engine.Payee, period, format, path string) error {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	return writeFileAtomic(path, func(w io.Writer) error { return s.WriteStatement(payee, period, format, w) })
}

// PayeesWithLines returns every payee with a reward line in a period
// lying inside the period (the payees whose statements have lines),
// partners first, by id.
func (s *Service) PayeesWithLines(period string) ([]engine.Payee, error) {
	p, err := s.Period(period)
	if err != nil {
		return nil, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var out []engine.Payee
	err = s.view(func(tx *data.Tx) error {
		inside := map[string]bool{}
		seen := map[engine.Payee]bool{}
		return data.Each(tx, func(l *engine.RewardLine) error {
			in, ok := inside[l.Period]
			if !ok {
				lp, err := engine.ParsePeriod(l.Period, co.FiscalYearStart)
				in = err == nil && lp.Inside(p)
				inside[l.Period] = in
			}
			if in && !seen[l.Payee] {
				seen[l.Payee] = true
				out = append(out, l.Payee)
			}
			return nil
		})
	})
	sortBy(out, func(p engine.Payee) string { return fmt.Sprintf("%s%020d", p.Kind, p.ID) })
	return out, err
}

// PrintAll writes one PDF per payee with lines in the period into dir,
// named PERIOD_payee-name.pdf, on every core. The period is computed once
// for every statement (see BuildStatement); a canceled ctx stops it
// between files.
func (s *Service) PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (views.BatchResult, error) {
	res := views.BatchResult{Dir: dir, Failed: map[string]string{}}
	payees, err := s.PayeesWithLines(period)
	if err != nil {
		return res, err
	}
	res.Total = len(payees)
	report := Progress(progress).report
	// Building reads the store (half the work), writing draws the PDFs.
	total := 2 * len(payees)
	sts := make([]*reports.Statement, 0, len(payees))
	for i, py := range payees {
		if ctx.Err() != nil {
			res.Canceled = true
			return res, nil
		}
		st, err := s.BuildStatement(py, period)
		if err != nil {
			res.Failed[fmt.Sprintf("%s %d", py.Kind, py.ID)] = err.Error()
			continue
		}
		sts = append(sts, st)
		report(i+1, total)
	}
	br, err := reports.WriteBatch(ctx, dir, sts, func(done, _ int) { report(len(payees)+done, total) })
	if err != nil {
		return res, err
	}
	res.Files, res.Canceled = br.Files, br.Canceled
	for k, v := range br.Failed {
		res.Failed[k] = v
	}
	return res, nil
}

// writeFileAtomic writes a file through a temporary one synced and renamed
// into place, mode 0600: a failure leaves no half-written statement, and a
// link at path is refused (see atomicfile).
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, 0o600, write)
}
