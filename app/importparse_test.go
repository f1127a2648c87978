package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/data/imports"
)

// TestImportReadsOrRefusesIssue12Files runs the parsing findings of issue
// 12 through Service.Import (the command line's and the window's path,
// which streams the file): a bare-CR file imported "0 sales" with no
// error; the others stored a wrong value without a word.
func TestImportReadsOrRefusesIssue12Files(t *testing.T) {
	svc := badWorld(t)
	dir := t.TempDir()
	tests := []struct {
		name, data string
		written    int    // when want is ""
		want       string // the first row error, "line N, column C: reason"
	}{
		{"bare CR line ends", strings.ReplaceAll(salesHeader+goodRow("CR-1")+goodRow("CR-2"), "\n", "\r"), 2, ""},
		{"foreign currency", salesHeader + "2026-07-03,Alpha Reseller,Ada,Rossi,LIC-1,2,99.00 USD,C-1,1\n", 0,
			`line 2, column unit_price: "99.00 USD" is not an amount in EUR, the company's currency: it is marked "USD"; convert it to EUR first`},
		{"the company's currency", salesHeader + "2026-07-03,Alpha Reseller,Ada,Rossi,LIC-1,2,€ 99.00,E-1,1\n", 1, ""},
		{"two-digit year", salesHeader + "02/12/30,Alpha Reseller,Ada,Rossi,LIC-1,2,99,Y-1,1\n", 0,
			`line 2, column date: "02/12/30" is not a date: the year "30" has two digits; write it with four (1930 or 2030)`},
		{"value beyond the header", salesHeader + goodRow("B-1") + strings.TrimSuffix(goodRow("B-2"), "\n") + ",oops\n", 0,
			`line 3, column 10: the value "oops" is in a column with no header; name the column in the header or remove the value`},
		{"stray quote far in the file", salesHeader + goodRow("Q-1") + goodRow("Q-2") + "2026-07-03,Alpha Reseller,Ada,\"a \"word\",LIC-1,2,99,Q-3,1\n", 0,
			`line 4, column 4: a quoted cell must end with a quote, and a quote inside it must be doubled ("")`},
		{"header only", salesHeader, 0, `line 1, column : the file has no rows under its header; nothing to import`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".csv")
			if err := os.WriteFile(path, []byte(tt.data), 0o600); err != nil {
				t.Fatal(err)
			}
			before := state(t, svc)
			rep, err := svc.Import(imports.Sales, path, nil, false, nil)
			if tt.want == "" {
				if err != nil || rep.Written != tt.written || rep.Rows != tt.written {
					t.Fatalf("case %d: %v %v, %d rows, %d written; want %d", i, err, rep.Errors, rep.Rows, rep.Written, tt.written)
				}
				return
			}
			if err == nil || len(rep.Errors) == 0 || rep.Errors[0].Error() != tt.want {
				t.Fatalf("import = %v, errors %v; want %s", err, rep.Errors, tt.want)
			}
			if after := state(t, svc); after != before {
				t.Errorf("the import wrote something: before %s, after %s", before, after)
			}
		})
	}
}
