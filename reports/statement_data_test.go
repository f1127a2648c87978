package reports_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"partnerdesk/reports"
)

func TestWriteStatementCSV(t *testing.T) {
	st := demo(t, "it", "=HYPERLINK(\"x\") Ελληνική")
	var b bytes.Buffer
	if err := reports.WriteStatementCSV(&b, st); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var lines, total []string
	for _, r := range recs[1:] {
		switch r[col["section"]] {
		case "line":
			lines = append(lines, r[col["amount"]])
		case "total":
			total = append(total, r[col["amount"]])
		case "payee":
			// A name that a spreadsheet would run as a formula is prefixed.
			if strings.HasPrefix(r[col["program"]], "=") {
				t.Errorf("payee name %q is not protected against formulas", r[col["program"]])
			}
		}
	}
	// The stored amounts, with a decimal point, in order; the points line
	// (1,025 points) has no money: 0.00.
	want := []string{"5125.03", "1500.00", "412.35", "0.00", "2050.01"}
	if strings.Join(lines, " ") != strings.Join(want, " ") {
		t.Errorf("line amounts %v, want %v", lines, want)
	}
	// 9087.39 of lines - 61.73 of adjustment = 9025.66.
	if len(total) != 1 || total[0] != "9025.66" {
		t.Errorf("total %v, want [9025.66]", total)
	}
}

func TestWriteStatementXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := reports.WriteStatementXLSX(&b, demo(t, "en", "株式会社田中システム")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		for _, c := range r {
			found = found || c == "株式会社田中システム"
		}
	}
	if !found {
		t.Error("the payee's name is not in the sheet as written")
	}
}
