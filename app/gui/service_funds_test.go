package gui_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
	"partnerdesk/ui"
)

// The funds & points, products and audit log screens ask for these;
// *app.Service gives them as it is.
var (
	_ ui.FundsService    = (*app.Service)(nil)
	_ ui.ProductsService = (*app.Service)(nil)
	_ ui.AuditService    = (*app.Service)(nil)
)

// The funds & points screen's interface over the demo: a claim recorded,
// approved never above the balance, reimbursed; a redemption never below
// zero; and the store holds each afterwards.
func TestServiceFundsAndPoints(t *testing.T) {
	_, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	if err := svc.SettleDemo(engine.MustDate("2026-06-30"), nil); err != nil {
		t.Fatal(err)
	}
	var b ui.FundsService = svc
	ov, err := b.FundsOverview("")
	if err != nil {
		t.Fatal(err)
	}
	var rich views.FundView
	for _, f := range ov.Funds {
		if f.Balance.GreaterThan(rich.Balance) {
			rich = f
		}
	}
	if !rich.Balance.IsPositive() || len(ov.Points) == 0 {
		t.Fatalf("the demo has no fund with money (%+v) or no points (%d)", rich, len(ov.Points))
	}
	// More than the balance: recorded as requested, approved for the balance.
	over := rich.Balance.Add(decimal.NewFromInt(500))
	c, err := b.Claim(views.ClaimInput{Partner: "P" + idText(rich.PartnerID), Amount: over.String(), Reference: "trade fair"})
	if err != nil || c.Status != engine.ClaimRequested {
		t.Fatalf("claim %+v, %v", c, err)
	}
	waiting, err := b.Claims(engine.ClaimRequested, "")
	if err != nil {
		t.Fatal(err)
	}
	var row *views.ClaimRow
	for i := range waiting {
		if waiting[i].Claim.ID == c.ID {
			row = &waiting[i]
		}
	}
	if row == nil || !row.Approvable.Equal(rich.Balance) {
		t.Fatalf("waiting claims %+v: want claim %d approvable for the balance %s", waiting, c.ID, rich.Balance)
	}
	got, err := b.DecideClaim(c.ID, true)
	if err != nil || !got.Approved.Equal(rich.Balance) || got.Status != engine.ClaimApproved {
		t.Fatalf("approve: %+v, %v; want approved for %s", got, err, rich.Balance)
	}
	if err := b.ReimburseClaim(c.ID, "SEPA 1"); err != nil {
		t.Fatal(err)
	}
	stored, err := svc.Funds("P"+idText(rich.PartnerID), ov.AsOf)
	if err != nil || len(stored) != 1 || !stored[0].Balance.IsZero() {
		t.Fatalf("fund after the claim: %+v, %v; want 0 left", stored, err)
	}
	var inStore *engine.FundEntry
	for i := range stored[0].Claims {
		if stored[0].Claims[i].ID == c.ID {
			inStore = &stored[0].Claims[i]
		}
	}
	if inStore == nil || inStore.Status != engine.ClaimReimbursed || !strings.Contains(inStore.Reference, "SEPA 1") {
		t.Errorf("stored claim = %+v, want reimbursed with the reference", inStore)
	}
	// Nothing left: a claim approved at once is refused and not stored.
	_, err = b.Claim(views.ClaimInput{Partner: "P" + idText(rich.PartnerID), Amount: "1", Approve: true})
	var ve *engine.ValidationError
	if !errors.As(err, &ve) || ve.Field != ui.FundsAmount {
		t.Errorf("claim on an empty fund: %v, want a refusal on amount", err)
	}
	if again, _ := svc.Funds("P"+idText(rich.PartnerID), ov.AsOf); len(again[0].Claims) != len(stored[0].Claims) {
		t.Errorf("the refused claim was stored: %d claims, want %d", len(again[0].Claims), len(stored[0].Claims))
	}

	// Points: above the balance refused, within it stored.
	var top views.PointsView
	for _, p := range ov.Points {
		if p.Balance > top.Balance {
			top = p
		}
	}
	ref := "P" + idText(top.Payee.ID)
	if top.Payee.Kind == engine.PayeeRep {
		ref = "R" + idText(top.Payee.ID)
	}
	if _, err := b.Redeem(views.RedeemInput{Payee: ref, Points: top.Balance + 1, Against: "voucher"}); !errors.As(err, &ve) || ve.Field != ui.FundsPoints {
		t.Errorf("redeeming %d of %d: %v, want a refusal on points", top.Balance+1, top.Balance, err)
	}
	e, err := b.Redeem(views.RedeemInput{Payee: ref, Points: top.Balance, Against: "voucher"})
	if err != nil || e.Points != -top.Balance {
		t.Fatalf("redeem all: %+v, %v", e, err)
	}
	after, err := svc.Points(ref, ov.AsOf)
	if err != nil || len(after) != 1 || after[0].Balance != 0 || after[0].Ledger[len(after[0].Ledger)-1].Kind != views.LedgerRedeemed {
		t.Errorf("points after redeeming all: %+v, %v; want 0 and the redemption last in the ledger", after, err)
	}
}

func idText(id engine.ID) string { return decimal.NewFromInt(int64(id)).String() }

// The products screen's interface: a product added and edited through
// SaveProductInput is stored with an audit entry each, whose before and
// after the audit screen's interface shows; a bad one stores nothing.
func TestServiceProductsAndAudit(t *testing.T) {
	_, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	var pb ui.ProductsService = svc
	var ab ui.AuditService = svc
	before, err := pb.Products()
	if err != nil {
		t.Fatal(err)
	}
	_, err = pb.SaveProductInput(views.ProductInput{SKU: before[0].SKU, Name: "", ListPrice: "abc"})
	var ves engine.ValidationErrors
	if !errors.As(err, &ves) {
		t.Fatalf("bad product: %v, want validation errors", err)
	}
	fields := map[string]bool{}
	for _, v := range ves {
		fields[v.Field] = true
	}
	if !fields[ui.ProductSKU] || !fields[ui.ProductName] || !fields[ui.ProductListPrice] {
		t.Errorf("refused fields = %v, want sku (a duplicate), name and list_price", fields)
	}
	p, err := pb.SaveProductInput(views.ProductInput{SKU: "ZZ-NEW", Name: "Zeta add-on", Category: "add-on", ListPrice: "1.234,50", Subscription: true})
	if err != nil {
		t.Fatal(err)
	}
	if !p.ListPrice.Equal(decimal.RequireFromString("1234.5")) || !p.Subscription {
		t.Errorf("added %+v, want a 1234.50 subscription", p)
	}
	p2, err := pb.SaveProductInput(views.ProductInput{ID: p.ID, SKU: "ZZ-NEW", Name: "Zeta add-on", Category: "add-on", ListPrice: "99", Subscription: false})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := pb.Products()
	if len(after) != len(before)+1 {
		t.Errorf("%d products, want %d", len(after), len(before)+1)
	}
	stored, err := svc.ProductBySKU("zz-new")
	if err != nil || stored.ID != p.ID || !stored.ListPrice.Equal(decimal.NewFromInt(99)) || stored.Subscription {
		t.Errorf("stored %+v, %v; want the edit (99, one-time)", stored, err)
	}
	_ = p2
	// The store stamps audit entries with the real clock (not the
	// service's): the day filter brackets today.
	now := time.Now()
	yesterday, tomorrow := now.AddDate(0, 0, -1).Format("2006-01-02"), now.AddDate(0, 0, 1).Format("2006-01-02")
	rows, err := ab.AuditLog(views.AuditFilter{Who: "TEST", Kind: "product", ID: p.ID, From: yesterday, To: tomorrow})
	if err != nil || len(rows) != 2 || rows[0].Entry.Action != "update" || rows[1].Entry.Action != "create" {
		t.Fatalf("audit of product %d by tester today: %d rows, %v; want the update then the creation", p.ID, len(rows), err)
	}
	d, err := ab.AuditDetail(rows[0].Entry.ID)
	if err != nil {
		t.Fatal(err)
	}
	changed := map[string][2]string{}
	for _, f := range d.Fields {
		if f.Changed {
			changed[f.Field] = [2]string{f.Before, f.After}
		}
	}
	if len(changed) != 2 || changed["list_price"] != [2]string{"1234.5", "99"} || changed["subscription"] != [2]string{"true", "false"} {
		t.Errorf("changed fields = %v, want list_price 1234.5 → 99 and subscription true → false", changed)
	}
	c, err := ab.AuditDetail(rows[1].Entry.ID)
	if err != nil || c.Note == "" {
		t.Fatalf("creation detail %+v, %v", c, err)
	}
	for _, f := range c.Fields {
		if f.Field == "list_price" && (f.After != "1234.5" || f.Before != "" || !f.Changed) {
			t.Errorf("creation's list_price = %+v, want after 1234.5 (read from the next change)", f)
		}
	}
	if _, err := ab.AuditLog(views.AuditFilter{From: "2026-07-06", To: "2026-07-01"}); err == nil {
		t.Error("a range that ends before it starts was accepted")
	}
	if old, _ := ab.AuditLog(views.AuditFilter{Kind: "product", To: "2020-01-01"}); len(old) != 0 {
		t.Errorf("product entries up to 2020: %d, want none", len(old))
	}
	if none, _ := ab.AuditLog(views.AuditFilter{Who: "nobody"}); len(none) != 0 {
		t.Errorf("who=nobody gave %d entries", len(none))
	}
}
