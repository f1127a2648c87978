package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds the statements screen's reads: payees found by name and
// the head of a payee's statement.

// FindPayees returns up to limit partners and then reps that query finds,
// each group by name: partners as every search finds them
// (engine.PartnerMatches: name, referral code, id, ignoring case and
// accents), reps by name, email, role or id (engine.RepMatches). An empty
// query matches all.
func (s *Service) FindPayees(query string, limit int) ([]views.PayeeRef, error) {
	var partners, reps []views.PayeeRef
	err := s.view(func(tx *data.Tx) error {
		who, err := namesIn(tx)
		if err != nil {
			return err
		}
		for id, p := range who.partners {
			if engine.PartnerMatches(*p, query) {
				partners = append(partners, views.PayeeRef{Payee: engine.Payee{Kind: engine.PayeePartner, ID: id}, Name: p.Name})
			}
		}
		return data.Each(tx, func(r *engine.Rep) error {
			if engine.RepMatches(*r, query) {
				reps = append(reps, views.PayeeRef{Payee: engine.Payee{Kind: engine.PayeeRep, ID: r.ID}, Name: r.Name, Partner: who.partner(r.PartnerID)})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find payees %q: %w", query, err)
	}
	byName := func(a, b views.PayeeRef) int {
		return cmp.Or(strings.Compare(engine.FoldName(a.Name), engine.FoldName(b.Name)),
			strings.Compare(engine.FoldName(a.Partner), engine.FoldName(b.Partner)), cmp.Compare(a.Payee.ID, b.Payee.ID))
	}
	slices.SortFunc(partners, byName)
	slices.SortFunc(reps, byName)
	out := append(partners, reps...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// StatementPreview summarises the statement BuildStatement would print,
// so the screen shows the same figures as the PDF.
func (s *Service) StatementPreview(period string, payee engine.Payee) (views.StatementPreview, error) {
	st, err := s.BuildStatement(payee, period)
	if err != nil {
		return views.StatementPreview{}, err
	}
	sp := views.StatementPreview{
		Payee:    views.PayeeRef{Payee: payee, Name: st.Payee.Name, Partner: st.Payee.PartnerName},
		Period:   st.Period.Key,
		Language: st.Language,
		Currency: st.Company.Currency,
		Tier:     st.Payee.Tier,
		Progress: st.Payee.NextTier,
		Nudges:   st.Nudges,
		Sales:    st.Summary.Sales,
		Rewards:  st.Total(),
		Points:   st.TotalPoints(),
		Paid:     st.PaidTotal(),
		YTD:      st.YTD.Rewards,
		Lines:    len(st.Lines) + len(st.Adjustments),
		Items:    statementItems(st), // app/statement_items.go
	}
	for _, t := range st.ProgramTotals() {
		sp.Programs = append(sp.Programs, views.ProgramAmount{Program: t.Program, Amount: t.Amount, Points: t.Points})
	}
	for _, f := range st.Summary.Funds {
		sp.Fund = sp.Fund.Add(f.Balance)
	}
	return sp, nil
}
