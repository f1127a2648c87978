package cli_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestBadInputCorpus runs every bad command line of testdata/badinput/args.txt
// (numbers beyond the limits, dates in year 1 and 9999, duplicate and
// malformed partners and products, program files that pay nothing or
// replace an active program, import files) against one small company.
// Each must be refused with its exit status and reason; after each the file
// still passes check, nothing was added, and a backup can be taken (a
// wrapped points figure used to make check fail and every backup refused).
func TestBadInputCorpus(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "badinput"))
	must(t, err)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "corpus.db")
	for _, args := range [][]string{
		{"init", "--company", "Corpus", "--currency", "eur"},
		{"partner-add", "--name", "Alpha", "--kind", "reseller"},
		{"rep-add", "--partner", "Alpha", "--name", "Ada"},
		{"product-add", "--sku", "LIC-1", "--name", "Licence", "--price", "100"},
		{"program", "import", filepath.Join(dir, "programs", "good-active.json")},
	} {
		if code, out, errs := run(t, db, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	counts := func() string {
		var b strings.Builder
		for _, v := range []string{"partners", "products", "programs", "registrations"} {
			_, out, _ := run(t, db, v, "--format", "csv")
			if v == "programs" {
				_, out, _ = run(t, db, v)
			}
			b.WriteString(v + ":" + strconv.Itoa(strings.Count(out, "\n")) + " ")
		}
		return b.String()
	}
	before := counts()

	f, err := os.Open(filepath.Join(dir, "args.txt"))
	must(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.SplitN(text, " | ", 3)
		if len(parts) != 3 {
			t.Fatalf("args.txt:%d: want EXIT | WORDS | ARGS, got %q", line, text)
		}
		want, err := strconv.Atoi(parts[0])
		must(t, err)
		args := strings.Fields(strings.ReplaceAll(parts[2], "%DIR%", dir))
		n++
		code, out, errs := run(t, db, args...)
		if code != want || !strings.Contains(errs, parts[1]) {
			t.Errorf("args.txt:%d %v:\n exit %d, stderr %q (stdout %q)\n want exit %d and %q", line, args, code, errs, out, want, parts[1])
		}
		if code, _, errs := run(t, db, "check"); code != 0 {
			t.Fatalf("args.txt:%d: check fails after the refusal: %s", line, errs)
		}
	}
	must(t, sc.Err())
	if n < 40 {
		t.Errorf("the corpus ran %d cases; it holds at least 40", n)
	}
	if after := counts(); after != before {
		t.Errorf("refused input changed the records: before %s, after %s", before, after)
	}
	if code, _, errs := run(t, db, "backup", filepath.Join(tmp, "after.db")); code != 0 {
		t.Errorf("backup after the corpus: %s", errs)
	}
}

// TestFormAndImportSameWords: a partner, product, registration, training
// and activity are refused by the form (here its command-line twin) and by
// the import with the same reason, word for word (issue 12 finding 7).
func TestFormAndImportSameWords(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "words.db")
	for _, args := range [][]string{
		{"init", "--company", "Words", "--currency", "eur"},
		{"partner-add", "--name", "Müller", "--kind", "reseller"},
		{"rep-add", "--partner", "Müller", "--name", "Ada"},
		{"product-add", "--sku", "LIC-1", "--name", "Licence", "--price", "100"},
	} {
		if code, out, errs := run(t, db, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	cases := []struct {
		name   string
		form   []string
		kind   string
		csv    string
		reason string
	}{
		{"duplicate name", []string{"partner-add", "--name", "MULLER", "--kind", "var"}, "partners", "name,kind\nmuller,var\n",
			`partner "Müller" is already stored as P1 (names are compared regardless of case and accents)`},
		{"country", []string{"partner-add", "--name", "Neu", "--kind", "var", "--country", "xx"}, "partners", "name,kind,country\nNeu,var,xx\n",
			`"XX" is not an ISO 3166 country code (two letters, such as IT or DE)`},
		{"email", []string{"partner-add", "--name", "Neu", "--kind", "var", "--email", "neu@localhost"}, "partners", "name,kind,email\nNeu,var,neu@localhost\n",
			`"neu@localhost" is not an e-mail address such as name@example.com`},
		{"duplicate SKU", []string{"product-add", "--sku", "lic-1", "--name", "X"}, "products", "sku,name\nlic-1,X\n",
			`SKU "LIC-1" is already stored (product 1, Licence)`},
		{"window", []string{"registration-add", "--partner", "P1", "--customer", "C", "--value", "5", "--window", "4000"}, "registrations",
			"partner,customer,expected_value,submitted,window_days\nP1,C,5,2026-01-10,4000\n", "4000 is beyond the limit: the window is a number of days from 1 to 3660"},
		{"activity date", []string{"activity-add", "--partner", "P1", "--type", "demo", "--date", "2200-01-01"}, "activities",
			"partner,type,date\nP1,demo,2200-01-01\n", "date: a date in the year 2200 is beyond the limit: dates are from 1900-01-01 to 2199-12-31"},
	}
	for i, c := range cases {
		_, _, formErr := run(t, db, c.form...)
		file := filepath.Join(tmp, strconv.Itoa(i)+".csv")
		must(t, os.WriteFile(file, []byte(c.csv), 0o600))
		_, _, importErr := run(t, db, "import", c.kind, file)
		if !strings.Contains(formErr, c.reason) || !strings.Contains(importErr, c.reason) {
			t.Errorf("%s: want both to say %q\n form:   %q\n import: %q", c.name, c.reason, formErr, importErr)
		}
	}
}
