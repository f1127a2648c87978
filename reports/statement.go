package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Statement is the layout model of one payee's statement for one period.
// Every figure is already rounded and every text already rendered in the
// statement language by the caller (package app fills it from the store);
// the writers here only add up lines and draw.
type Statement struct {
	Company  Company
	Language string // statement language; i18n.Normalize picks "en" for anything unknown
	Payee    Payee
	Period   Period
	Summary  Summary
	// Lines are the period's reward lines, in the order they print.
	Lines []Line
	// Adjustments correct closed periods; each names its invoice and the
	// period it came from.
	Adjustments []Line
	Payouts     []PayoutRow
	YTD         YTD
	// Nudges say what is still missing to the next band, step or tier,
	// already rendered in the statement language.
	Nudges    []string
	PrintedOn engine.Date
	// Provisional is set for a period still open: its figures may change,
	// and the statement says so under its title.
	Provisional bool
	// Fingerprint is a short hash of the data the statement was printed
	// from, so two prints can be compared; ComputeFingerprint fills it when
	// the caller has none.
	Fingerprint string
}

// Company is the vendor printed in the header.
type Company struct {
	Name    string
	Address string // one or more lines separated by "\n"
	// TaxID is the company's VAT or tax id; only self-billed invoices
	// print it.
	TaxID    string
	Logo     []byte // PNG or JPEG; nil prints no logo
	Currency engine.Currency
	// CSVStyle is the company's CSV style (engine.CSVComma or
	// engine.CSVSemicolon) for the statement's CSV; empty is comma.
	CSVStyle string
}

// Payee is whom the statement is for: a partner, or a rep of a partner.
type Payee struct {
	Kind        engine.PayeeKind
	Name        string // as written, in any script
	PartnerName string // the rep's partner; empty for a partner
	Country     string
	Tier        string
	// NextTier is the progress to the next tier, already rendered
	// ("34,500.00 EUR revenue and 1 certification to Gold").
	NextTier string
}

// Period is the period the statement covers.
type Period struct {
	Key  string // "2026-07"
	Name string // "July 2026", in the statement language
}

// Summary holds the period's headline figures.
type Summary struct {
	Sales decimal.Decimal // the payee's sales (basis revenue) in the period
	// RewardsByProgram may be left empty: the layout then derives it from
	// the lines. When given, Check refuses totals that disagree with them.
	RewardsByProgram []ProgramTotal
	PointsBalance    int64
	Funds            []FundBalance
}

// ProgramTotal is one program's share of the statement.
type ProgramTotal struct {
	Program string
	Amount  decimal.Decimal
	Points  int64
}

// FundBalance is the payee's balance on one MDF / co-op fund.
type FundBalance struct {
	Fund           string
	Balance        decimal.Decimal
	ExpiringNext30 decimal.Decimal // what expires within 30 days of PrintedOn unless claimed
}

// Line is one reward line or adjustment as printed.
type Line struct {
	Program     string
	Rule        string
	Explanation string // rendered with i18n.Explain in the statement language
	Amount      decimal.Decimal
	Points      int64
	Status      engine.LineStatus
	// Invoice and OriginalPeriod are set on adjustments.
	Invoice        string
	OriginalPeriod string
	// FundCredit is what the line credits to the partner's MDF / co-op
	// fund: earned, but not owed as money, so Amount is zero and the
	// totals leave it out.
	FundCredit decimal.Decimal
}

// PayoutRow is one payout to the payee in the period.
type PayoutRow struct {
	Date      engine.Date
	Method    string
	Reference string
	Amount    decimal.Decimal
	// Invoice is the payout's self-billing number ("SB-2026-00042"); empty
	// for a rep's payout, which gets none.
	Invoice string
}

// YTD holds the payee's figures from the start of the fiscal year to the end
// of the period.
type YTD struct {
	Rewards decimal.Decimal
	Points  int64
	Paid    decimal.Decimal
}

// Total is the sum of the money of every reward line and adjustment: the
// lines are already rounded, so the statement adds up to the cent.
func (s *Statement) Total() decimal.Decimal {
	t := decimal.Zero
	for _, l := range s.Lines {
		t = t.Add(l.Amount)
	}
	for _, l := range s.Adjustments {
		t = t.Add(l.Amount)
	}
	return t
}

// TotalPoints is the sum of the points of every reward line and adjustment.
func (s *Statement) TotalPoints() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Points
	}
	for _, l := range s.Adjustments {
		t += l.Points
	}
	return t
}

// LinesTotal is the sum of the reward lines alone, without adjustments.
func (s *Statement) LinesTotal() decimal.Decimal { return sumLines(s.Lines) }

// AdjustmentsTotal is the sum of the adjustments alone.
func (s *Statement) AdjustmentsTotal() decimal.Decimal { return sumLines(s.Adjustments) }

// PaidTotal is the sum of the payouts in the period.
func (s *Statement) PaidTotal() decimal.Decimal {
	t := decimal.Zero
	for _, p := range s.Payouts {
		t = t.Add(p.Amount)
	}
	return t
}

func sumLines(ls []Line) decimal.Decimal {
	t := decimal.Zero
	for _, l := range ls {
		t = t.Add(l.Amount)
	}
	return t
}

// ProgramTotals adds up the reward lines and adjustments per program, in
// the order each program first appears.
func (s *Statement) ProgramTotals() []ProgramTotal {
	var out []ProgramTotal
	idx := map[string]int{}
	add := func(l Line) {
		i, ok := idx[l.Program]
		if !ok {
			i = len(out)
			idx[l.Program] = i
			out = append(out, ProgramTotal{Program: l.Program, Amount: decimal.Zero})
		}
		out[i].Amount = out[i].Amount.Add(l.Amount)
		out[i].Points += l.Points
	}
	for _, l := range s.Lines {
		add(l)
	}
	for _, l := range s.Adjustments {
		add(l)
	}
	return out
}

// programTotals is what the summary prints: the caller's totals when given
// (Check has compared them with the lines), else the lines' own.
func (s *Statement) programTotals() []ProgramTotal {
	if len(s.Summary.RewardsByProgram) > 0 {
		return s.Summary.RewardsByProgram
	}
	return s.ProgramTotals()
}

// Check refuses a statement whose figures cannot be traced to its lines:
// a money amount with more decimals than the currency has, or program
// totals that differ from the sum of that program's lines.
func (s *Statement) Check() error {
	mu := s.Company.Currency.MinorUnits
	checkRounded := func(what string, d decimal.Decimal) error {
		if !d.Equal(d.Round(mu)) {
			return fmt.Errorf("statement %s: %s %s has more than %d decimals: round it before printing", s.Period.Key, what, d, mu)
		}
		return nil
	}
	for i, l := range s.Lines {
		if err := checkRounded("line "+strconv.Itoa(i+1)+" amount", l.Amount); err != nil {
			return err
		}
	}
	for i, l := range s.Adjustments {
		if err := checkRounded("adjustment "+strconv.Itoa(i+1)+" amount", l.Amount); err != nil {
			return err
		}
	}
	if len(s.Summary.RewardsByProgram) == 0 {
		return nil
	}
	want := map[string]ProgramTotal{}
	for _, t := range s.ProgramTotals() {
		want[t.Program] = t
	}
	if len(want) != len(s.Summary.RewardsByProgram) {
		return fmt.Errorf("statement %s: summary lists %d programs but the lines come from %d", s.Period.Key, len(s.Summary.RewardsByProgram), len(want))
	}
	for _, got := range s.Summary.RewardsByProgram {
		w, ok := want[got.Program]
		if !ok || !w.Amount.Equal(got.Amount) || w.Points != got.Points {
			return fmt.Errorf("statement %s: summary of program %q (%s, %d points) differs from its lines (%s, %d points)",
				s.Period.Key, got.Program, got.Amount, got.Points, w.Amount, w.Points)
		}
	}
	return nil
}

// ComputeFingerprint returns 12 hex digits of a SHA-256 over every figure
// and text the statement prints except the print date, so two prints of
// unchanged data carry the same fingerprint and any changed figure changes it.
func (s *Statement) ComputeFingerprint() string {
	h := sha256.New()
	// Each field is written with its length first, so that moving text from
	// one field to the next changes the hash.
	w := func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintf(h, "%d:%s;", len(p), p)
		}
	}
	dec := func(d decimal.Decimal) string { return d.String() }
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	c := s.Company
	w("company", c.Name, c.Address, c.Currency.Code, strconv.Itoa(int(c.Currency.MinorUnits)), hex.EncodeToString(sha256Sum(c.Logo)))
	w("lang", s.Language)
	p := s.Payee
	w("payee", string(p.Kind), p.Name, p.PartnerName, p.Country, p.Tier, p.NextTier)
	w("period", s.Period.Key, s.Period.Name)
	w("sales", dec(s.Summary.Sales), i64(s.Summary.PointsBalance))
	for _, t := range s.Summary.RewardsByProgram {
		w("program", t.Program, dec(t.Amount), i64(t.Points))
	}
	for _, f := range s.Summary.Funds {
		w("fund", f.Fund, dec(f.Balance), dec(f.ExpiringNext30))
	}
	lines := func(tag string, ls []Line) {
		for _, l := range ls {
			w(tag, l.Program, l.Rule, l.Explanation, dec(l.Amount), i64(l.Points), string(l.Status), l.Invoice, l.OriginalPeriod)
		}
	}
	lines("line", s.Lines)
	lines("adj", s.Adjustments)
	for _, py := range s.Payouts {
		w("payout", py.Date.String(), py.Method, py.Reference, dec(py.Amount), py.Invoice)
	}
	w("ytd", dec(s.YTD.Rewards), i64(s.YTD.Points), dec(s.YTD.Paid))
	for _, n := range s.Nudges {
		w("nudge", n)
	}
	if s.Provisional {
		w("provisional")
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func sha256Sum(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// fingerprint is the caller's fingerprint, or the model's own.
func (s *Statement) fingerprint() string {
	if s.Fingerprint != "" {
		return s.Fingerprint
	}
	return s.ComputeFingerprint()
}
