package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func productsOnShow(tb testing.TB) (*productsScreen, *fundsFake, fyne.Canvas, *[]error) {
	tb.Helper()
	ff := newFundsFake()
	s, w, errs, _ := shellOver(tb, ff)
	s.Show(ScreenProducts)
	return s.Screen(ScreenProducts).(*productsScreen), ff, w.Canvas(), errs
}

func skus(ps []engine.Product) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.SKU)
	}
	return strings.Join(out, " ")
}

// The search ignores case and accents; a click on a column title sorts by
// it, a second click the other way.
func TestProductsSearchAndSort(t *testing.T) {
	sc, ff, c, _ := productsOnShow(t)
	ff.products = append(ff.products, engine.Product{ID: 104, SKU: "ÉCOLE-1", Name: "École bundle", Category: "Éducation", ListPrice: decimal.NewFromInt(75)})
	sc.reload()
	if c.Focused() != sc.search {
		t.Fatalf("focus on show = %T, want the search", c.Focused())
	}
	if got := skus(sc.shown); got != "CRM-ENT CRM-PRO ÉCOLE-1 SUP-1Y" {
		t.Errorf("list = %s, want by SKU", got)
	}
	typeKeys(t, c, "ecole")
	if got := skus(sc.shown); got != "ÉCOLE-1" {
		t.Errorf("search ecole = %q, want ÉCOLE-1", got)
	}
	sc.search.SetText("CRM")
	if got := skus(sc.shown); got != "CRM-ENT CRM-PRO" {
		t.Errorf("search CRM = %q", got)
	}
	sc.search.SetText("")
	sc.sortBy(prodColPrice)
	if got := skus(sc.shown); got != "SUP-1Y ÉCOLE-1 CRM-PRO CRM-ENT" {
		t.Errorf("by price = %s, want 40, 75, 100, 250", got)
	}
	sc.sortBy(prodColPrice)
	if got := skus(sc.shown); got != "CRM-ENT CRM-PRO ÉCOLE-1 SUP-1Y" {
		t.Errorf("by price, again = %s, want 250 first", got)
	}
	sc.sortBy(prodColName)
	if got := skus(sc.shown); got != "CRM-ENT CRM-PRO ÉCOLE-1 SUP-1Y" {
		t.Errorf("by name = %s", got)
	}
}

// A new product typed in the form is stored; editing one changes it; bad
// fields show their reason beside them and store nothing.
func TestProductsAddAndEdit(t *testing.T) {
	sc, ff, c, errs := productsOnShow(t)
	shortcut(c, fyne.KeyN)
	if c.Focused() != sc.sku {
		t.Fatalf("Ctrl+N focus = %T, want the SKU", c.Focused())
	}
	typeKeys(t, c, "crm-pro")
	sc.name.SetText("")
	sc.price.SetText("-3")
	shortcut(c, fyne.KeyS)
	for key, want := range map[string]string{ProductSKU: "already stored", ProductName: "needs a name", ProductListPrice: "negative"} {
		if got := sc.fs.get(key).Error(); !strings.Contains(got, want) {
			t.Errorf("note under %s = %q, want %q", key, got, want)
		}
	}
	if len(ff.products) != 3 || c.Focused() != sc.sku {
		t.Errorf("after the refusal: %d products, focus %T; want 3 and the SKU", len(ff.products), c.Focused())
	}
	sc.sku.SetText("NL-ESS-LIC")
	sc.name.SetText("Essentials licence")
	sc.category.SetText("licence")
	sc.price.SetText("1,200.00")
	sc.kind.SetSelected("Subscription")
	sc.onSave()
	if len(ff.products) != 4 {
		t.Fatalf("products = %+v, want a fourth", ff.products)
	}
	got := ff.products[3]
	if got.SKU != "NL-ESS-LIC" || got.Name != "Essentials licence" || got.Category != "licence" || !got.ListPrice.Equal(decimal.NewFromInt(1200)) || !got.Subscription {
		t.Errorf("stored %+v, want NL-ESS-LIC, a 1,200.00 subscription", got)
	}
	if sc.editing.ID != got.ID || !strings.Contains(sc.message.Text, "added") {
		t.Errorf("form after adding: editing %d, message %q", sc.editing.ID, sc.message.Text)
	}

	// Edit SUP-1Y, found by typing and Enter: one-time, new price.
	c.Focus(sc.search)
	sc.search.SetText("")
	typeKeys(t, c, "sup")
	press(t, c, fyne.KeyReturn)
	if sc.editing.SKU != "SUP-1Y" || c.Focused() != sc.name {
		t.Fatalf("Enter in the search: editing %q, focus %T", sc.editing.SKU, c.Focused())
	}
	sc.price.SetText("45.50")
	sc.kind.SetSelected("Subscription")
	shortcut(c, fyne.KeyS)
	for _, p := range ff.products {
		if p.ID == 103 && (!p.ListPrice.Equal(decimal.RequireFromString("45.5")) || !p.Subscription || p.Name != "Support one year") {
			t.Errorf("SUP-1Y after editing = %+v, want a 45.50 subscription, same name", p)
		}
	}
	if len(ff.products) != 4 || len(*errs) > 0 {
		t.Errorf("%d products (want 4), dialogs %v", len(ff.products), *errs)
	}
}
