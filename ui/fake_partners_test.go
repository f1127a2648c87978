package ui

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// The fake backend's partner list and detail: the search is the engine's
// one rule (engine.PartnerMatches), the filters the plain ones a person
// would check by eye; Acme Srl holds Gold, every other partner
// Registered.

// fakeListFilters records every filter the partner screen asked for.
var fakeListFilters []views.PartnerFilter

// fakeStatementsWritten records "payee period format" of every statement
// written through the fake backend.
var fakeStatementsWritten []string

func fakeTier(id engine.ID) string {
	if id == 1 {
		return "Gold"
	}
	return "Registered"
}

func (f *fakeBackend) PartnerList(flt views.PartnerFilter) (views.PartnerList, error) {
	fakeListFilters = append(fakeListFilters, flt)
	out := views.PartnerList{All: len(f.partners), Segments: []string{"SMB"}, Regions: []string{"EMEA"}, Tiers: []string{"Registered", "Gold"}}
	for _, p := range f.partners {
		t := fakeTier(p.ID)
		if !engine.PartnerMatches(p, flt.Query) || (flt.Kind != "" && flt.Kind != p.Kind) ||
			(flt.Status != "" && flt.Status != p.Status) || (flt.Tier != "" && flt.Tier != t) {
			continue
		}
		out.Rows = append(out.Rows, views.PartnerRow{Partner: p, Tier: t})
	}
	slices.SortFunc(out.Rows, func(a, b views.PartnerRow) int {
		c := strings.Compare(a.Partner.Name, b.Partner.Name)
		if flt.Desc {
			c = -c
		}
		return c
	})
	return out, nil
}

func (f *fakeBackend) PartnerDetail(id engine.ID) (views.PartnerDetail, error) {
	p, err := f.Partner(id)
	if err != nil {
		return views.PartnerDetail{}, err
	}
	dec := decimal.RequireFromString
	me := engine.Payee{Kind: engine.PayeePartner, ID: id}
	line := func(period, program string, py engine.Payee, amount string, st engine.LineStatus) views.ReviewedLine {
		return views.ReviewedLine{Line: engine.RewardLine{Period: period, Payee: py, PartnerID: id, Unit: engine.UnitMoney, Amount: dec(amount), Status: st},
			Program: program, Rule: "Rebate", Payee: p.Name, Explanation: "5 % of " + amount}
	}
	d := views.PartnerDetail{Partner: p, Currency: f.company.Currency, Language: "en", AsOf: f.today, Tier: fakeTier(id),
		TierHistory:   []engine.TierChange{{PartnerID: id, Tier: fakeTier(id), From: engine.MustDate("2026-04-01")}},
		SalesCount:    1,
		SalesNet:      dec("12345678.90"),
		Sales:         []views.SaleRow{{Sale: engine.Sale{PartnerID: id, Date: engine.MustDate("2026-07-03"), Invoice: "INV-1", Line: 1, Customer: "Globex", Quantity: dec("3"), Net: dec("12345678.90")}, Product: "CRM-PRO"}},
		Registrations: []views.RegistrationView{{Registration: engine.Registration{PartnerID: id, Customer: "Initech", ExpectedValue: dec("5000"), Submitted: engine.MustDate("2026-07-01"), Decision: engine.DecisionApproved, Outcome: engine.OutcomeOpen}}},
		Rewards: []views.ReviewedLine{
			line("2026-07", "Rebate", me, "617283.95", engine.LineDraft),
			line("2026-07", "SPIF", engine.Payee{Kind: engine.PayeeRep, ID: 11}, "50.00", engine.LineDraft),
			line("2026-06", "Rebate", me, "100.00", engine.LinePaid),
		},
		FundBalance: dec("1200"), FundExpiring: dec("70"), Points: 50, RepPoints: 200,
		Statements: []views.StatementPeriod{
			{Period: "2026-07", Lines: 1, Amount: dec("617283.95"), Draft: 1},
			{Period: "2026-06", Lines: 1, Amount: dec("100.00"), Paid: dec("100.00")},
		},
	}
	return d, nil
}

func (f *fakeBackend) WriteStatement(payee engine.Payee, period, format string, w io.Writer) error {
	fakeStatementsWritten = append(fakeStatementsWritten, fmt.Sprintf("%s%d %s %s", payee.Kind, payee.ID, period, format))
	_, err := io.WriteString(w, "%PDF-1.4 fake")
	return err
}

// The screenshots' back end lists and details partners as the shared fake
// does.
func (b *shotBackend) PartnerList(f views.PartnerFilter) (views.PartnerList, error) {
	return b.Backend.(*fakeBackend).PartnerList(f)
}

func (b *shotBackend) PartnerDetail(id engine.ID) (views.PartnerDetail, error) {
	return b.Backend.(*fakeBackend).PartnerDetail(id)
}
