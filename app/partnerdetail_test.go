package app_test

import (
	"strings"
	"testing"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// searchDataset is the tiny company with two partners whose names carry
// accents.
func searchDataset() demo.Dataset {
	ds := tinyDataset()
	ds.Partners = append(ds.Partners,
		engine.Partner{ID: 7, Name: "Zürcher Systemhaus", Kind: engine.KindVAR, ReferralCode: "ZSH-7", Country: "CH", Status: engine.StatusActive, Region: "DACH"},
		engine.Partner{ID: 8, Name: "Müller GmbH", Kind: engine.KindReseller, Segment: "SMB", Region: "Dach", Country: "DE", Status: engine.StatusProspect},
	)
	ds.Partners[0].Segment, ds.Partners[0].Region = "smb", "South"
	return ds
}

func names(ps []engine.Partner) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}

func rowNames(rs []views.PartnerRow) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Partner.Name)
	}
	return strings.Join(out, ", ")
}

func TestPartnersSearchIgnoresCaseAndAccents(t *testing.T) {
	svc := dashService(t, searchDataset(), "2026-08-10")
	for _, tt := range []struct{ query, want string }{
		{"zur", "Zürcher Systemhaus"},
		{"mull", "Müller GmbH"},
		{"MÜLL", "Müller GmbH"},
		{"zsh-7", "Zürcher Systemhaus"},
		{"P2", "Beta BV"},
		{"8", "Müller GmbH"},
		{"mÜller g", "Müller GmbH"},
		{"", "Acme Srl, Beta BV, Delta, Epsilon, Gamma, Müller GmbH, Zeta, Zürcher Systemhaus"},
	} {
		ps, err := svc.Partners(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(ps); got != tt.want {
			t.Errorf("Partners(%q) = %s, want %s", tt.query, got, tt.want)
		}
	}
	// The statements' payee box finds the same partners, and reps by name.
	for _, tt := range []struct{ query, want string }{
		{"zur", "Zürcher Systemhaus"},
		{"ZSH", "Zürcher Systemhaus"},
		{"p8", "Müller GmbH"},
		{"ANA", "Ana Ruiz"},
		{"r12", "Bo Jansen"},
	} {
		got, err := svc.FindPayees(tt.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != tt.want {
			t.Errorf("FindPayees(%q) = %+v, want only %s", tt.query, got, tt.want)
		}
	}
}

func TestPartnerListFiltersAndSorts(t *testing.T) {
	svc := dashService(t, searchDataset(), "2026-08-10")
	// On 10 August Acme holds Gold (from 15 July), Beta Gold (from June);
	// every other partner the ladder's lowest level, Registered.
	for _, tt := range []struct {
		name string
		f    views.PartnerFilter
		want string
	}{
		{"kind", views.PartnerFilter{Kind: engine.KindReseller}, "Acme Srl, Delta, Müller GmbH"},
		{"status", views.PartnerFilter{Status: engine.StatusSuspended}, "Delta"},
		{"tier, other case", views.PartnerFilter{Tier: "gold"}, "Acme Srl, Beta BV"},
		{"segment ignoring case", views.PartnerFilter{Segment: "SMB"}, "Acme Srl, Müller GmbH"},
		{"region ignoring case", views.PartnerFilter{Region: "dach"}, "Müller GmbH, Zürcher Systemhaus"},
		{"filter and search", views.PartnerFilter{Region: "dach", Query: "zur"}, "Zürcher Systemhaus"},
		{"sort by tier, highest first", views.PartnerFilter{Kind: engine.KindReseller, Sort: views.SortTier, Desc: true}, "Acme Srl, Delta, Müller GmbH"},
		{"sort by status", views.PartnerFilter{Region: "dach", Sort: views.SortStatus}, "Müller GmbH, Zürcher Systemhaus"},
		{"sort by status, descending", views.PartnerFilter{Sort: views.SortStatus, Desc: true, Kind: engine.KindReseller}, "Delta, Acme Srl, Müller GmbH"},
		{"sort by kind", views.PartnerFilter{Region: "dach", Sort: views.SortKind}, "Müller GmbH, Zürcher Systemhaus"},
		{"sort by kind, descending", views.PartnerFilter{Region: "dach", Sort: views.SortKind, Desc: true}, "Zürcher Systemhaus, Müller GmbH"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := svc.PartnerList(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := rowNames(l.Rows); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if l.All != 8 {
				t.Errorf("all = %d, want 8", l.All)
			}
		})
	}
	l, err := svc.PartnerList(views.PartnerFilter{Tier: "gold"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Rows[0].Tier != "Gold" {
		t.Errorf("tier of %s = %q, want Gold", l.Rows[0].Partner.Name, l.Rows[0].Tier)
	}
	// The filters offer every value in the file, whatever is selected:
	// segments and regions once each ignoring case, tiers up the ladder.
	if got := strings.Join(l.Segments, "|"); got != "smb" {
		t.Errorf("segments = %s, want smb", got)
	}
	if got := strings.Join(l.Regions, "|"); got != "DACH|South" {
		t.Errorf("regions = %s, want DACH|South", got)
	}
	if got := strings.Join(l.Tiers, "|"); got != "Registered|Gold" {
		t.Errorf("tiers = %s, want Registered|Gold", got)
	}
	for _, bad := range []views.PartnerFilter{{Sort: "revenue"}, {Kind: "shop"}, {Status: "asleep"}} {
		if _, err := svc.PartnerList(bad); err == nil {
			t.Errorf("PartnerList(%+v) accepted", bad)
		}
	}
}

func TestPartnerDetail(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	d, err := svc.PartnerDetail(1)
	if err != nil {
		t.Fatal(err)
	}
	// Acme: Silver from 1 January, Gold from 15 July; on 10 August Gold.
	if d.Tier != "Gold" || len(d.TierHistory) != 2 || d.TierHistory[0].Tier != "Gold" || d.TierHistory[1].Tier != "Silver" {
		t.Errorf("tier %q, history %+v", d.Tier, d.TierHistory)
	}
	// Sales with Acme as partner: 1,000.00 + (-200.00) + 500.00 (split,
	// still Acme's sale) + 3,000.00 = 4,300.00, the latest first.
	if d.SalesCount != 4 || len(d.Sales) != 4 {
		t.Fatalf("sales = %d (%d rows)", d.SalesCount, len(d.Sales))
	}
	wantDec(t, "sales net", d.SalesNet, "4300.00")
	if d.Sales[0].Sale.Date != day("2026-07-28") || d.Sales[3].Sale.Date != day("2026-06-15") {
		t.Errorf("sales order %s .. %s", d.Sales[0].Sale.Date, d.Sales[3].Sale.Date)
	}
	// Registrations 3 and 5, the last entered first.
	if len(d.Registrations) != 2 || d.Registrations[0].Registration.ID != 5 || d.Registrations[1].Registration.ID != 3 {
		t.Errorf("registrations = %+v", d.Registrations)
	}
	// Lines of Acme and of its rep Ana: 55.00 and Ana's 120 points in July,
	// 200.00 in June.
	if len(d.Rewards) != 3 || d.Rewards[0].Line.Period != "2026-07" || d.Rewards[2].Line.Period != "2026-06" {
		t.Fatalf("rewards = %+v", d.Rewards)
	}
	if d.Rewards[0].Program != "Rebate" {
		t.Errorf("program = %q", d.Rewards[0].Program)
	}
	// Statements: Acme's own lines only.
	if len(d.Statements) != 2 {
		t.Fatalf("statements = %+v", d.Statements)
	}
	jul, jun := d.Statements[0], d.Statements[1]
	if jul.Period != "2026-07" || jul.Lines != 1 || jul.Draft != 0 || !jul.Paid.IsZero() {
		t.Errorf("July = %+v", jul)
	}
	wantDec(t, "July amount", jul.Amount, "55.00")
	if jun.Period != "2026-06" || jun.Lines != 1 {
		t.Errorf("June = %+v", jun)
	}
	wantDec(t, "June paid", jun.Paid, "200.00")
	// Fund on 10 August: 100 - 30 claimed + 50 = 120; the first accrual's
	// 70 left lapses on 15 August, within 30 days.
	wantDec(t, "fund balance", d.FundBalance, "120")
	wantDec(t, "fund expiring", d.FundExpiring, "70")
	// Points: Acme's 50; Ana's 300 - 100 = 200.
	if d.Points != 50 || d.RepPoints != 200 {
		t.Errorf("points %d, reps %d; want 50 and 200", d.Points, d.RepPoints)
	}
	if _, err := svc.PartnerDetail(99); err == nil {
		t.Error("detail of partner 99 given")
	}
}

func TestLeaderboardIsTheDashboards(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	d, err := svc.Dashboard("2026-07")
	if err != nil {
		t.Fatal(err)
	}
	lb, err := svc.Leaderboard("2026-07", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(lb.PartnersByRevenue) != len(d.Leaders.PartnersByRevenue) || len(lb.RepsByPoints) != len(d.Leaders.RepsByPoints) {
		t.Fatalf("leaderboard %+v differs from the dashboard's %+v", lb, d.Leaders)
	}
	for i, r := range lb.PartnersByRevenue {
		if w := d.Leaders.PartnersByRevenue[i]; r.Payee != w.Payee || !r.Revenue.Equal(w.Revenue) {
			t.Errorf("row %d = %+v, dashboard %+v", i, r, w)
		}
	}
	// Limit 2: Beta 2,750.50, Acme 1,100.00 (Delta's 300.00 drops).
	lb, err = svc.Leaderboard("2026-07", 2)
	if err != nil {
		t.Fatal(err)
	}
	if pr := lb.PartnersByRevenue; len(pr) != 2 || pr[0].Name != "Beta BV" || pr[1].Name != "Acme Srl" {
		t.Errorf("top 2 = %+v", pr)
	}
	if lb.Period != "2026-07" || lb.Currency.Code != "EUR" {
		t.Errorf("period %q currency %v", lb.Period, lb.Currency)
	}
	// The quarter holds July's lines and its own: Bo's 500 points of Q3
	// rank above Ana's 120 of July.
	lb, err = svc.Leaderboard("2026-Q3", 0)
	if err != nil {
		t.Fatal(err)
	}
	if rp := lb.RepsByPoints; len(rp) != 2 || rp[0].Payee != repPayee(12) || rp[0].Points != 500 || rp[1].Points != 120 {
		t.Errorf("reps by points in Q3 = %+v", rp)
	}
	if _, err := svc.Leaderboard("", 10); err == nil {
		t.Error("a leaderboard without a period was computed")
	}
	if _, err := svc.Leaderboard("2026-13", 10); err == nil {
		t.Error("a leaderboard of 2026-13 was computed")
	}
}
