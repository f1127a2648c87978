package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// leaderDB makes a file with two partners whose names carry accents, a rep
// and two sales in July 2026.
func leaderDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lead.db")
	for _, args := range [][]string{
		{"init", "--company", "Acme", "--currency", "EUR"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--price", "100"},
		{"partner-add", "--name", "Zürcher AG", "--kind", "var", "--code", "ZUR1", "--region", "DACH"},
		{"partner-add", "--name", "Müller GmbH", "--kind", "reseller", "--segment", "SMB"},
		{"rep-add", "--partner", "Müller GmbH", "--name", "Ana Núñez"},
		{"sale-add", "--date", "2026-07-03", "--partner", "ZUR1", "--product", "LIC", "--qty", "2", "--price", "100", "--invoice", "I1", "--customer", "C"},
		// The partner typed without its umlaut.
		{"sale-add", "--date", "2026-07-04", "--partner", "muller gmbh", "--rep", "Ana Núñez", "--product", "LIC", "--qty", "5", "--price", "100", "--invoice", "I2", "--customer", "C"},
	} {
		if code, out, errs := run(t, db, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s %s", args, code, out, errs)
		}
	}
	return db
}

func TestCLILeaderboard(t *testing.T) {
	db := leaderDB(t)
	tests := []struct {
		name string
		args []string
		code int
		want string // all of stdout, or a piece of stderr when code != 0
	}{
		// Müller 5 x 100 = 500.00, Zürcher 2 x 100 = 200.00.
		{"partners by revenue", []string{"leaderboard", "2026-07", "--format", "csv"}, 0,
			"rank,id,name,partner,revenue,points\r\n1,P2,Müller GmbH,Müller GmbH,500.00,0\r\n2,P1,Zürcher AG,Zürcher AG,200.00,0\r\n"},
		{"limit", []string{"leaderboard", "2026-07", "--limit", "1", "--format", "csv"}, 0,
			"rank,id,name,partner,revenue,points\r\n1,P2,Müller GmbH,Müller GmbH,500.00,0\r\n"},
		{"reps", []string{"leaderboard", "2026-Q3", "--reps", "--format", "csv"}, 0,
			"rank,id,name,partner,revenue,points\r\n1,R1,Ana Núñez,Müller GmbH,500.00,0\r\n"},
		{"nobody has points", []string{"leaderboard", "2026-07", "--by", "points"}, 0,
			"rank  id  name  partner  revenue  points\n2026-07, partners by points, nobody ranks (no credited revenue or points in the period)\n"},
		{"bad by", []string{"leaderboard", "2026-07", "--by", "votes"}, 2, "--by is revenue or points"},
		{"bad period", []string{"leaderboard", "2026-13"}, 2, "is not a period"},
		{"no period", []string{"leaderboard"}, 2, "leaderboard needs PERIOD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, db, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, tt.code, out, errs)
			}
			if code == 0 && out != tt.want {
				t.Errorf("stdout\n%q\nwant\n%q", out, tt.want)
			}
			if code != 0 && !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q does not contain %q", errs, tt.want)
			}
		})
	}
}

func TestCLIPartnersSearchAndFilter(t *testing.T) {
	db := leaderDB(t)
	tests := []struct {
		args          []string
		want, without string
	}{
		{[]string{"partners", "zur"}, "Zürcher AG", "Müller"},
		{[]string{"partners", "MULL"}, "Müller GmbH", "Zürcher"},
		{[]string{"partners", "zur1"}, "Zürcher AG", "Müller"},
		{[]string{"partners", "P2"}, "Müller GmbH", "Zürcher"},
		{[]string{"partners", "--kind", "reseller"}, "Müller GmbH", "Zürcher"},
		{[]string{"partners", "--region", "dach"}, "Zürcher AG", "Müller"},
		{[]string{"partners", "--segment", "smb"}, "Müller GmbH", "Zürcher"},
		{[]string{"partners", "--sort", "kind", "--desc"}, "Zürcher AG", ""},
		{[]string{"partner", "zur1"}, "P1 Zürcher AG (var, active)", ""},
		{[]string{"partner", "Muller GmbH"}, "sales: 1, net 500.00", ""},
		{[]string{"partner", "mull"}, "P2 Müller GmbH", ""},
	}
	for _, tt := range tests {
		code, out, errs := run(t, db, tt.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errs)
		}
		if !strings.Contains(out, tt.want) || (tt.without != "" && strings.Contains(out, tt.without)) {
			t.Errorf("%v:\n%s\nwant %q without %q", tt.args, out, tt.want, tt.without)
		}
	}
	// Kind desc: var before reseller.
	_, out, _ := run(t, db, "partners", "--sort", "kind", "--desc", "--format", "csv")
	if z, m := strings.Index(out, "Zürcher"), strings.Index(out, "Müller"); z < 0 || m < 0 || z > m {
		t.Errorf("sorted by kind, descending:\n%s", out)
	}
	if code, _, errs := run(t, db, "partner", "gmbh ag"); code == 0 || !strings.Contains(errs, "no partner") {
		t.Errorf("partner gmbh ag: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, db, "partner", "er"); code == 0 || !strings.Contains(errs, "2 partners match") {
		t.Errorf("partner er: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, db, "partners", "--sort", "revenue"); code == 0 || !strings.Contains(errs, "sorts by name") {
		t.Errorf("--sort revenue: exit %d, %s", code, errs)
	}
}
