package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"partnerdesk/engine"
)

func partnersOnShow(tb testing.TB) (*partnersScreen, *fakeBackend, fyne.Canvas) {
	tb.Helper()
	s, fb, w, _ := newTestShell(tb)
	s.Show(ScreenPartners)
	return s.Screen(ScreenPartners).(*partnersScreen), fb, w.Canvas()
}

func names(ps []engine.Partner) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestPartnerSearchFiltersAsYouType(t *testing.T) {
	tests := []struct {
		typed string
		want  []string
	}{
		{"", []string{"Acme Distribution BV", "Acme Srl", "Nimbus Cloud GmbH", "株式会社ニンバス"}},
		{"acme", []string{"Acme Distribution BV", "Acme Srl"}},
		{"ACME10", []string{"Acme Srl"}}, // the referral code
		{"ニンバス", []string{"株式会社ニンバス"}},
		{"zeta", nil},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			sc, _, c := partnersOnShow(t)
			if c.Focused() != sc.search {
				t.Fatalf("focus on show = %T, want the search field", c.Focused())
			}
			typeKeys(t, c, tt.typed)
			got := names(sc.partners)
			if len(got) != len(tt.want) {
				t.Fatalf("typing %q lists %q, want %q", tt.typed, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("typing %q: row %d = %q, want %q", tt.typed, i, got[i], tt.want[i])
				}
			}
			if len(tt.want) == 0 && sc.count.Text != "No partner matches." {
				t.Errorf("count line = %q, want the no-match sentence", sc.count.Text)
			}
		})
	}
}

func TestPartnerEnterOpensFirstMatchAndSaves(t *testing.T) {
	sc, fb, c := partnersOnShow(t)
	typeKeys(t, c, "nimbus c")
	press(t, c, fyne.KeyReturn)
	if got := sc.name.Text; got != "Nimbus Cloud GmbH" {
		t.Fatalf("form name after Enter = %q, want Nimbus Cloud GmbH", got)
	}
	if c.Focused() != sc.name {
		t.Errorf("focus after Enter = %T, want the name field", c.Focused())
	}
	if len(sc.reps) != 1 || sc.reps[0].Name != "Jonas Weber" {
		t.Errorf("reps = %+v, want Jonas Weber", sc.reps)
	}
	sc.segment.SetText("SMB")
	sc.joined.SetText("2025-03-01")
	shortcut(c, fyne.KeyS)
	p, _ := fb.Partner(2)
	if p.Segment != "SMB" || p.Joined != engine.MustDate("2025-03-01") || p.Kind != engine.KindMSP {
		t.Errorf("stored partner = %+v, want segment SMB, joined 2025-03-01, still an MSP", p)
	}
}

func TestPartnerFormErrors(t *testing.T) {
	sc, fb, c := partnersOnShow(t)
	shortcut(c, fyne.KeyN)
	if c.Focused() != sc.name {
		t.Fatalf("Ctrl+N focus = %T, want the name field", c.Focused())
	}
	// A date the engine cannot read stays in the UI: the backend is not asked.
	typeKeys(t, c, "Zeta Ltd")
	sc.joined.SetText("31/01/2026")
	shortcut(c, fyne.KeyS)
	if got := sc.fs.get(PartnerJoined).Error(); got == "" {
		t.Error("no error under Joined for 31/01/2026")
	}
	if len(fb.partners) != 4 {
		t.Errorf("backend has %d partners, want the 4 it started with", len(fb.partners))
	}
	// The backend's verdict goes under its field.
	sc.joined.SetText("")
	fb.saveErr = engine.Invalid(PartnerEmail, "zeta@ is not an email address.")
	shortcut(c, fyne.KeyS)
	if got, want := sc.fs.get(PartnerEmail).Error(), "zeta@ is not an email address."; got != want {
		t.Errorf("email note = %q, want %q", got, want)
	}
	if c.Focused() != sc.email {
		t.Errorf("focus = %T, want the email field", c.Focused())
	}
}

func TestRepAddAndEdit(t *testing.T) {
	sc, fb, c := partnersOnShow(t)
	typeKeys(t, c, "acme s")
	press(t, c, fyne.KeyReturn)
	sc.repName.SetText("Luca Verdi")
	sc.repRole.SetText("sales")
	sc.onSaveRep()
	reps, _ := fb.Reps(1)
	if len(reps) != 3 || reps[2].Name != "Luca Verdi" || !reps[2].Active || reps[2].PartnerID != 1 {
		t.Fatalf("reps of Acme Srl = %+v, want a third, active Luca Verdi", reps)
	}
	sc.editRep(sc.reps[0])
	sc.repOn.SetChecked(false)
	sc.onSaveRep()
	reps, _ = fb.Reps(1)
	if reps[0].Active {
		t.Errorf("rep %s still active after unticking", reps[0].Name)
	}
	sc.editRep(engine.Rep{Active: true})
	sc.onSaveRep()
	if got := sc.rfs.get(RepName).Error(); got != "A rep needs a name." {
		t.Errorf("rep name note = %q, want the backend's reason", got)
	}
}
