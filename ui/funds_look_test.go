package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFundsProductsAuditLook renders the funds & points, products and
// audit log screens at 1280x800 under the app's theme; with
// PARTNERDESK_LOOK naming a directory it writes each as a PNG for a person
// to look at. It always checks that each fits the window.
func TestFundsProductsAuditLook(t *testing.T) {
	dir := os.Getenv("PARTNERDESK_LOOK")
	looks := []struct {
		name  string
		setup func(t *testing.T, s *Shell, w fyne.Window)
	}{
		{"funds", func(t *testing.T, s *Shell, w fyne.Window) {
			sc := s.Screen(ScreenFunds).(*fundsScreen)
			sc.fundTable.onChoose(0)
			sc.amount.SetText("-5")
			sc.onClaim()
		}},
		{"funds-points", func(t *testing.T, s *Shell, w fyne.Window) {
			sc := s.Screen(ScreenFunds).(*fundsScreen)
			sc.tabs.SelectIndex(fundsTabPoints)
			sc.pointsTable.onChoose(0)
		}},
		{"funds-claims", func(t *testing.T, s *Shell, w fyne.Window) {
			sc := s.Screen(ScreenFunds).(*fundsScreen)
			sc.fundTable.onChoose(0)
			sc.amount.SetText("1500")
			sc.onClaim()
			sc.wait()
			sc.tabs.SelectIndex(fundsTabClaims)
			sc.claimTable.onChoose(0)
		}},
		{"products", func(t *testing.T, s *Shell, w fyne.Window) {
			sc := s.Screen(ScreenProducts).(*productsScreen)
			sc.table.onChoose(1)
			sc.price.SetText("-3")
			sc.onSave()
		}},
		{"audit", func(t *testing.T, s *Shell, w fyne.Window) {}},
	}
	for _, sh := range looks {
		t.Run(sh.name, func(t *testing.T) {
			s, w, _, _ := shellOver(t, newLookFake())
			test.ApplyTheme(t, NewTheme())
			w.Resize(fyne.NewSize(1280, 800))
			screen := map[string]string{"funds": ScreenFunds, "funds-points": ScreenFunds, "funds-claims": ScreenFunds,
				"products": ScreenProducts, "audit": ScreenAudit}[sh.name]
			s.Show(screen)
			if wt, ok := s.Screen(screen).(interface{ wait() }); ok {
				wt.wait()
			}
			sh.setup(t, s, w)
			if wt, ok := s.Screen(screen).(interface{ wait() }); ok {
				wt.wait()
			}
			min := s.Content().MinSize()
			if min.Width > 1280 || min.Height > 800 {
				t.Errorf("%s needs %v, more than the 1280x800 window", sh.name, min)
			}
			if dir == "" {
				return
			}
			f, err := os.Create(filepath.Join(dir, sh.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, w.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// lookFake is the back end the look test renders: the funds fake (which
// carries the shell's fake and, once written, the products and audit
// fakes).
func newLookFake() Backend { return newFundsFake() }

// make screenshots renders these screens over its shotBackend: it must
// give their services, or they would show as missing.
var (
	_ FundsService    = (*shotBackend)(nil)
	_ ProductsService = (*shotBackend)(nil)
	_ AuditService    = (*shotBackend)(nil)
)
