package app_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// badWorld opens a database holding one partner with a rep and a product,
// so that a well-formed sales file imports.
func badWorld(tb testing.TB) *app.Service {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "bad.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate("2026-08-10").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		if rep, err := st.Check(); err != nil || !rep.OK() {
			tb.Errorf("check: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	if err := svc.SaveCompany(engine.Company{Name: "Bad Input Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}); err != nil {
		tb.Fatal(err)
	}
	p := engine.Partner{Name: "Alpha Reseller", Kind: engine.KindReseller, Status: engine.StatusActive}
	if err := svc.SavePartner(&p); err != nil {
		tb.Fatal(err)
	}
	if err := svc.SaveRep(&engine.Rep{PartnerID: p.ID, Name: "Ada", Role: "sales", Active: true}); err != nil {
		tb.Fatal(err)
	}
	if err := svc.SaveProduct(&engine.Product{SKU: "LIC-1", Name: "Licence", ListPrice: decimal.NewFromInt(100)}); err != nil {
		tb.Fatal(err)
	}
	return svc
}

const salesHeader = "date,partner,rep,customer,product,quantity,unit_price,invoice,line\n"

func goodRow(invoice string) string {
	return "2026-07-03,Alpha Reseller,Ada,Rossi Costruzioni,LIC-1,2,100.50," + invoice + ",1\n"
}

// state is what an import that writes nothing leaves unchanged: the number
// of each kind of record and the newest audit entry.
func state(tb testing.TB, svc *app.Service) string {
	tb.Helper()
	var s string
	err := svc.Store().View(func(tx *data.Tx) error {
		for _, k := range []string{data.KindSale, data.KindPartner, data.KindRep, data.KindProduct} {
			n, err := tx.Count(k)
			if err != nil {
				return err
			}
			s += fmt.Sprintf("%s=%d ", k, n)
		}
		es, err := tx.RecentAudit(1)
		if err != nil {
			return err
		}
		if len(es) == 1 {
			s += fmt.Sprintf("audit=%d", es[0].ID)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func xlsxBytes(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestImportMalformedFilesWriteNothing imports a corpus of malformed files
// made here: each must fail with an error that names the problem, and
// leave the database as it was.
func TestImportMalformedFilesWriteNothing(t *testing.T) {
	svc := badWorld(t)
	dir := t.TempDir()
	good := xlsxBytes(t, [][]any{
		{"date", "partner", "rep", "customer", "product", "quantity", "unit_price", "invoice", "line"},
		{"2026-07-03", "Alpha Reseller", "Ada", "Rossi", "LIC-1", 2, 100, "X-1", 1},
	})
	junk := make([]byte, 64<<10)
	r := rand.New(rand.NewPCG(7, 7))
	for i := range junk {
		junk[i] = byte(r.UintN(256))
	}
	var zipNotXLSX bytes.Buffer
	zw := zip.NewWriter(&zipNotXLSX)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("not a workbook"))
	zw.Close()
	bigCell := strings.Repeat("A", sheet.MaxCellSize+1)

	tests := []struct {
		name    string
		file    string
		content []byte
		want    []string // every one must appear in the message; nil: no error, nothing read
	}{
		{"empty file", "empty.csv", nil, []string{"empty"}},
		// A header with no rows imports nothing, which is never a quiet
		// success (issue 12; decisions-F2).
		{"header only", "header.csv", []byte(salesHeader), []string{"line 1", "no rows under its header"}},
		{"blank lines only", "blank.csv", []byte("\n\n \n"), []string{"empty"}},
		{"binary junk", "junk.csv", junk, []string{"not UTF-8"}},
		{"binary junk named xlsx", "junk.xlsx", junk, []string{"UTF-8"}},
		{"truncated xlsx", "cut.xlsx", good[:len(good)/2], []string{"XLSX"}},
		{"xlsx cut to its signature", "sig.xlsx", good[:4], []string{"XLSX"}},
		{"zip that is not a workbook", "zip.xlsx", zipNotXLSX.Bytes(), []string{"XLSX"}},
		{"cell over 10 MB", "big.csv", []byte(salesHeader + "2026-07-03,Alpha Reseller,Ada," + bigCell + ",LIC-1,2,100,B-1,1\n"), []string{"line 2", "10 MB"}},
		{"UTF-16 without a BOM", "u16.csv", utf16LE(salesHeader+goodRow("U-1"), false), []string{"NUL"}},
		{"Latin-1", "latin1.csv", []byte(salesHeader + "2026-07-03,Alpha Reseller,Ada,M\xfcller GmbH,LIC-1,2,100,L-1,1\n"), []string{"line 2", "UTF-8"}},
		{"stray quote", "quote.csv", []byte(salesHeader + goodRow("Q-1") + "2026-07-04,Alpha Reseller,Ada,\"Rossi,LIC-1,1,100,Q-2,1\n" + goodRow("Q-3")), []string{"line 3"}},
		{"one bad row among good ones", "mixed.csv", []byte(salesHeader + goodRow("M-1") + "2026-07-04,Nobody Ltd,Ada,Rossi,LIC-1,1,100,M-2,1\n" + goodRow("M-3")), []string{"line 3", "partner", "Nobody Ltd"}},
		{"date that is not a date", "date.csv", []byte(salesHeader + "2026-13-45,Alpha Reseller,Ada,Rossi,LIC-1,1,100,D-1,1\n"), []string{"line 2", "date"}},
		{"amount that is not a number", "amount.csv", []byte(salesHeader + "2026-07-03,Alpha Reseller,Ada,Rossi,LIC-1,1,1O0,N-1,1\n"), []string{"line 2", "unit_price"}},
		{"the same line twice", "dup.csv", []byte(salesHeader + goodRow("DUP-1") + goodRow("DUP-1")), []string{"line 3", "DUP-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := state(t, svc)
			rep, err := svc.Import(imports.Sales, path, nil, false, nil)
			after := state(t, svc)
			if after != before {
				t.Errorf("the import wrote something: before %s, after %s", before, after)
			}
			if tt.want == nil {
				if err != nil || rep.Rows != 0 || rep.Written != 0 {
					t.Fatalf("import = %v, %d rows, %d written; want no error, 0 rows, 0 written", err, rep.Rows, rep.Written)
				}
				return
			}
			if err == nil {
				t.Fatalf("import succeeded (%d rows, %d written), want an error", rep.Rows, rep.Written)
			}
			msg := err.Error()
			for _, e := range rep.Errors {
				msg += fmt.Sprintf("\nline %d, column %s: %s", e.Line, e.Column, e.Reason)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message does not say %q:\n%s", w, msg)
				}
			}
			if rep.Written != 0 {
				t.Errorf("report says %d written", rep.Written)
			}
		})
	}
}

// TestImportWellFormedControls shows the corpus above fails for its faults
// and not for its shape: the same rows, well formed, import.
func TestImportWellFormedControls(t *testing.T) {
	svc := badWorld(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		file    string
		content []byte
	}{
		{"csv", "ok.csv", []byte(salesHeader + goodRow("OK-1"))},
		{"UTF-16 with a BOM (Excel's Unicode text)", "ok16.csv", utf16LE(salesHeader+goodRow("OK-2"), true)},
		{"xlsx", "ok.xlsx", xlsxBytes(t, [][]any{
			{"date", "partner", "rep", "customer", "product", "quantity", "unit_price", "invoice", "line"},
			{"2026-07-03", "Alpha Reseller", "Ada", "Rossi", "LIC-1", 2, 100, "OK-3", 1},
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			rep, err := svc.Import(imports.Sales, path, nil, false, nil)
			if err != nil {
				t.Fatalf("import: %v %+v", err, rep.Errors)
			}
			if rep.Written != 1 {
				t.Errorf("written = %d, want 1", rep.Written)
			}
		})
	}
}

// TestImportTenMegabyteCell: a cell just under the reader's 10 MB limit
// reads, but no field of a sale takes that much text: the row is refused
// by name and nothing is written.
func TestImportTenMegabyteCell(t *testing.T) {
	svc := badWorld(t)
	path := filepath.Join(t.TempDir(), "tenmb.csv")
	cell := strings.Repeat("é", sheet.MaxCellSize/2-8) // 2 bytes each: just under 10 MB
	if err := os.WriteFile(path, []byte(salesHeader+"2026-07-03,Alpha Reseller,Ada,"+cell+",LIC-1,2,100,T-1,1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := state(t, svc)
	rep, err := svc.Import(imports.Sales, path, nil, false, nil)
	if after := state(t, svc); after != before {
		t.Errorf("the import wrote something: before %s, after %s", before, after)
	}
	if !errors.Is(err, app.ErrImportRejected) || len(rep.Errors) != 1 || rep.Errors[0].Line != 2 || rep.Errors[0].Column != "customer" {
		t.Fatalf("import = %v %+v, want line 2 refused for its customer", err, rep.Errors)
	}
}
