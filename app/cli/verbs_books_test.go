package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// company --accounts reads a chart from JSON or CSV (semicolon, with a
// BOM, as Excel saves it), refuses a file with a code used twice or a
// role missing naming them and writing nothing; --csv-style and
// --point-value are stored and shown; an export follows the style.
func TestCompanyBooksFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, out, errs := run(t, db, "demo", "--raw", "--through", "2026-06-30"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	js := write("chart.json", `{"reward_expense":{"code":"4910","name":"Provvigioni partner"},"accrued_rewards":{"code":"2610","name":"Ratei passivi partner"},
"fund_liability":{"code":"2620","name":"Fondi MDF"},"fund_claims_payable":{"code":"2630","name":"Rimborsi MDF da pagare"},
"points_liability":{"code":"2640","name":"Punti"},"bank":{"code":"1810","name":"Banca"}}`)
	code, out, errs := run(t, db, "company", "--accounts", js, "--csv-style", "semicolon", "--point-value", "0,01")
	if code != 0 || !strings.Contains(out, "4910") || !strings.Contains(out, "Banca") || !strings.Contains(out, "csv style:   semicolon") || !strings.Contains(out, "point value: 0.01 EUR") {
		t.Fatalf("company --accounts json: %d\n%s\n%s", code, out, errs)
	}
	csvFile := write("chart.csv", "\ufeffrole;code;name\r\nreward_expense;6400;Incentives\r\nbank;1200;Bank\r\n")
	code, _, errs = run(t, db, "company", "--accounts", csvFile)
	if code == 0 || !strings.Contains(errs, "accrued_rewards") {
		t.Errorf("a chart without accrued_rewards: exit %d, %s; want it named", code, errs)
	}
	csvFile = write("chart2.csv", "role;code;name\r\nreward_expense;6400;Incentives\r\naccrued_rewards;2400;Accrued\r\nfund_liability;2400;Funds\r\n"+
		"fund_claims_payable;2420;Claims\r\npoints_liability;2430;Points\r\nbank;1200;Bank\r\n")
	code, _, errs = run(t, db, "company", "--accounts", csvFile)
	if code == 0 || !strings.Contains(errs, "fund_liability.code") || !strings.Contains(errs, "2400") {
		t.Errorf("a code used twice: exit %d, %s; want fund_liability's code refused", code, errs)
	}
	if _, out, _ := run(t, db, "company"); !strings.Contains(out, "4910") {
		t.Errorf("a refused chart replaced the stored one:\n%s", out)
	}
	if code, _, errs := run(t, db, "company", "--csv-style", "tab"); code == 0 || !strings.Contains(errs, "csv_style") {
		t.Errorf("--csv-style tab: exit %d %s", code, errs)
	}
	f := filepath.Join(dir, "journal.csv")
	if code, out, errs := run(t, db, "export", "lines", "2026-Q2", "--format", "csv", "-o", f); code != 0 {
		t.Fatalf("export: %d %s %s", code, out, errs)
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "\ufeffline_id;date;period;") {
		t.Errorf("the export does not follow the semicolon style: %q", string(b[:min(len(b), 80)]))
	}
}
