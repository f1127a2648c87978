package engine_test

import (
	"testing"

	"partnerdesk/engine"
)

func TestPartnerMatches(t *testing.T) {
	zur := engine.Partner{ID: 12, Name: "Zürcher Systemhaus AG", ReferralCode: "ZSH-01", Country: "CH", Kind: engine.KindVAR, Email: "info@zsh.ch"}
	mul := engine.Partner{ID: 3, Name: "Müller & Söhne GmbH", Country: "DE", Kind: engine.KindReseller, Segment: "SMB", Region: "DACH"}
	jp := engine.Partner{ID: 40, Name: "株式会社サクラ", ReferralCode: "SAKURA7", Country: "JP", Kind: engine.KindMSP}
	tests := []struct {
		name  string
		p     engine.Partner
		query string
		want  bool
	}{
		{"empty matches all", jp, "  ", true},
		{"accent and case ignored", zur, "zur", true},
		{"upper case typed", zur, "ZÜR", true},
		{"umlaut typed plain", mul, "mull", true},
		{"o for ö", mul, "sohne", true},
		{"referral code, other case", jp, "sakura7", true},
		{"part of a code", zur, "zsh", true},
		{"id", jp, "40", true},
		{"id with prefix", jp, "p40", true},
		{"other id", jp, "41", false},
		{"words in order", mul, "müller & s", true},
		{"not across fields", mul, "gmbh de", false},
		{"segment", mul, "smb", true},
		{"kind", zur, "var", true},
		{"japanese name typed", jp, "サクラ", true},
		{"no match", zur, "müll", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := engine.PartnerMatches(tt.p, tt.query); got != tt.want {
				t.Errorf("PartnerMatches(%q, %q) = %v, want %v", tt.p.Name, tt.query, got, tt.want)
			}
		})
	}
}

func TestRepMatches(t *testing.T) {
	r := engine.Rep{ID: 7, Name: "José Núñez", Role: "presales"}
	for q, want := range map[string]bool{"jose": true, "NUNEZ": true, "r7": true, "7": true, "R8": false, "pres": true, "ana": false} {
		if got := engine.RepMatches(r, q); got != want {
			t.Errorf("RepMatches(%q) = %v, want %v", q, got, want)
		}
	}
}
