package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/reports"
)

// BuildStatement gathers one payee's statement for a period, every figure
// taken from the stored lines (already rounded) and every text rendered in
// the partner's statement language (the company's when it has none).
func (s *Service) BuildStatement(payee engine.Payee, period string) (*reports.Statement, error) {
	return s.buildStatement(payee, period)
}

func (s *Service) buildStatement(payee engine.Payee, period string) (*reports.Statement, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return nil, usagef("%v", err)
	}
	ytd, err := s.YearToDate(payee, p)
	if err != nil {
		return nil, err
	}
	st := &reports.Statement{
		Company:   reports.Company{Name: co.Name, Address: co.Address, Logo: co.Logo, Currency: co.Currency},
		Period:    reports.Period{Key: p.Key},
		PrintedOn: s.Today(),
		YTD:       reports.YTD{Rewards: ytd.Rewards, Points: ytd.Points, Paid: ytd.Paid},
	}
	err = s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		var partner *engine.Partner
		switch payee.Kind {
		case engine.PayeePartner:
			if partner, err = data.Get[engine.Partner](tx, payee.ID); err != nil {
				return fmt.Errorf("statement: partner %d: %w", payee.ID, err)
			}
			st.Payee = reports.Payee{Kind: payee.Kind, Name: partner.Name, Country: partner.Country}
		case engine.PayeeRep:
			r, err := data.Get[engine.Rep](tx, payee.ID)
			if err != nil {
				return fmt.Errorf("statement: rep %d: %w", payee.ID, err)
			}
			if partner, err = data.Get[engine.Partner](tx, r.PartnerID); err != nil {
				return err
			}
			st.Payee = reports.Payee{Kind: payee.Kind, Name: r.Name, PartnerName: partner.Name, Country: partner.Country}
		default:
			return fmt.Errorf("statement: unknown payee kind %q", payee.Kind)
		}
		lang := i18n.Normalize(partner.Language)
		if partner.Language == "" {
			lang = i18n.Normalize(co.Language)
		}
		st.Language = lang
		st.Period.Name = i18n.PeriodName(p.Key, lang)

		// Tier on the period's first day and what is missing to the next.
		in, err := tierInputs(tx, p.End, partner.ID)
		if err != nil {
			return err
		}
		if len(in.Ladder.Levels) > 0 {
			tier := engine.TierForPeriod(in.Ladder, in.History, partner.ID, p)
			st.Payee.Tier = tier
			for _, ev := range engine.MeasureTiers(in) {
				if ev.PartnerID == partner.ID {
					st.Payee.NextTier = i18n.Explain(engine.TierGap(in.Ladder, tier, ev, co.Currency), lang)
				}
			}
		}

		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if l.Payee != payee {
				continue
			}
			v := nm.view(l, co.Currency)
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
		// Sales credited to the payee in the period.
		collect := func(x *engine.Sale) error {
			if payee.Kind == engine.PayeePartner && x.PartnerID == payee.ID || payee.Kind == engine.PayeeRep && x.RepID == payee.ID {
				st.Summary.Sales = st.Summary.Sales.Add(x.Net)
			}
			return nil
		}
		if err := tx.SalesOfPartner(partner.ID, p.Start, p.End, collect); err != nil {
			return err
		}
		err = data.Each(tx, func(po *engine.Payout) error {
			if po.Payee == payee && p.Contains(po.Date) {
				st.Payouts = append(st.Payouts, reports.PayoutRow{Date: po.Date, Method: po.Method, Reference: po.Reference, Amount: po.Amount})
			}
			return nil
		})
		if err != nil {
			return err
		}
		pts, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		st.Summary.PointsBalance = engine.PointsBalance(pts, payee, p.End)
		if payee.Kind == engine.PayeePartner {
			fe, err := data.All[engine.FundEntry](tx)
			if err != nil {
				return err
			}
			bal := engine.FundBalance(fe, partner.ID, p.End)
			exp := decimal.Zero
			for _, a := range engine.FundStates(fe, partner.ID, p.End) {
				if !a.Expired && a.Remaining.IsPositive() && a.Accrual.ExpiresOn != 0 && a.Accrual.ExpiresOn <= st.PrintedOn.AddDays(30) {
					exp = exp.Add(a.Remaining)
				}
			}
			if !bal.IsZero() || !exp.IsZero() {
				st.Summary.Funds = append(st.Summary.Funds, reports.FundBalance{Fund: "MDF / co-op", Balance: bal, ExpiringNext30: exp})
			}
		}
		// Nudges: what is missing to the next band or step of each rule.
		mine, err := s.nudgesFor(tx, co, p, payee)
		if err != nil {
			return err
		}
		for _, e := range mine {
			st.Nudges = append(st.Nudges, i18n.Explain(e, lang))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	st.Fingerprint = st.ComputeFingerprint()
	return st, nil
}

// nudgesFor returns the payee's progress nudges. They come from computing
// the whole period (nothing is written), so the result is cached per
// period until the store changes: printing many statements, or previewing
// them one after another, computes the period once.
func (s *Service) nudgesFor(tx *data.Tx, co engine.Company, p engine.Period, payee engine.Payee) ([]engine.Explanation, error) {
	if tx.IsPeriodClosed(p.Key) {
		return nil, nil
	}
	s.nudges.mu.Lock()
	defer s.nudges.mu.Unlock()
	c := &s.nudges
	if c.byPayee == nil || c.period != p.Key || c.version != tx.Version() {
		in, err := s.loadInputs(tx, co, p, nil)
		if err != nil {
			return nil, err
		}
		res, err := engine.Compute(in)
		if err != nil {
			return nil, err
		}
		c.byPayee = map[engine.Payee][]engine.Explanation{}
		for _, n := range res.Nudges {
			c.byPayee[n.Payee] = append(c.byPayee[n.Payee], n.Explanation)
		}
		c.period, c.version = p.Key, tx.Version()
	}
	return c.byPayee[payee], nil
}

// nudgeCache holds one period's nudges for the store version they were
// computed from.
type nudgeCache struct {
	mu      sync.Mutex
	period  string
	version int
	byPayee map[engine.Payee][]engine.Explanation
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
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	return writeFileAtomic(path, func(w io.Writer) error { return s.WriteStatement(payee, period, format, w) })
}

// BatchResult says what printing a period's statements wrote.
type BatchResult struct {
	Dir      string
	Files    []string
	Failed   map[string]string // payee name -> reason
	Canceled bool
}

// PayeesWithLines returns every payee with a reward line in the period,
// partners first, by id.
func (s *Service) PayeesWithLines(period string) ([]engine.Payee, error) {
	p, err := s.Period(period)
	if err != nil {
		return nil, usagef("%v", err)
	}
	var out []engine.Payee
	err = s.view(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		seen := map[engine.Payee]bool{}
		for _, l := range ls {
			if !seen[l.Payee] {
				seen[l.Payee] = true
				out = append(out, l.Payee)
			}
		}
		return nil
	})
	sortBy(out, func(p engine.Payee) string { return fmt.Sprintf("%s%020d", p.Kind, p.ID) })
	return out, err
}

// PrintAll writes one PDF per payee with lines in the period into dir,
// named PERIOD_payee-name.pdf, on every core. The period is computed once
// for the nudges (see nudgesFor); a canceled ctx stops it between files.
func (s *Service) PrintAll(ctx context.Context, period, dir string, progress Progress) (BatchResult, error) {
	res := BatchResult{Dir: dir, Failed: map[string]string{}}
	payees, err := s.PayeesWithLines(period)
	if err != nil {
		return res, err
	}
	// Building reads the store (half the work), writing draws the PDFs.
	total := 2 * len(payees)
	sts := make([]*reports.Statement, 0, len(payees))
	for i, py := range payees {
		if ctx.Err() != nil {
			res.Canceled = true
			return res, nil
		}
		st, err := s.buildStatement(py, period)
		if err != nil {
			res.Failed[fmt.Sprintf("%s %d", py.Kind, py.ID)] = err.Error()
			continue
		}
		sts = append(sts, st)
		progress.report(i+1, total)
	}
	br, err := reports.WriteBatch(ctx, dir, sts, func(done, _ int) { progress.report(len(payees)+done, total) })
	if err != nil {
		return res, err
	}
	res.Files, res.Canceled = br.Files, br.Canceled
	for k, v := range br.Failed {
		res.Failed[k] = v
	}
	return res, nil
}

// writeFileAtomic writes a file through a temporary one renamed into
// place, mode 0600: a failure leaves no half-written statement.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".partnerdesk-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
