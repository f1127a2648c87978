package app

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// TestStreamedComputeMatchesLoadedInputs computes periods of the demo
// company two ways: as ComputePeriod does (the sales streamed into the
// engine while they are read, computeStored) and as engine.Compute of
// the whole inputs (loadInputs, which the statements and the simulation
// use). The lines and nudges must be the same, byte for byte, with a
// closed quarter, a return of a sale of it and a late sale dated in it.
func TestStreamedComputeMatchesLoadedInputs(t *testing.T) {
	st, err := data.Open(filepath.Join(t.TempDir(), "pd.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := engine.MustDate("2026-07-05").Time().Add(10 * time.Hour)
	svc := NewService(st, "tester", func() time.Time { return now })
	if err := svc.LoadDataset(demo.Generate(1, engine.MustDate("2026-06-30")), nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"2026-01", "2026-02", "2026-03", "2026-Q1"} {
		if _, err := svc.ComputePeriod(p, nil); err != nil {
			t.Fatalf("compute %s: %v", p, err)
		}
		if _, err := svc.Approve(p, nil, true); err != nil {
			t.Fatalf("approve %s: %v", p, err)
		}
		ls, err := svc.Lines(p, LineFilter{Status: engine.LineApproved})
		if err != nil {
			t.Fatal(err)
		}
		by := map[engine.Payee][]engine.ID{}
		for _, l := range ls {
			if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
				by[l.Payee] = append(by[l.Payee], l.ID)
			}
		}
		for _, ids := range by {
			if _, err := svc.Pay(views.PayInput{Lines: ids, Method: "bank transfer", Reference: "T-" + p}); err != nil {
				t.Fatalf("pay %s: %v", p, err)
			}
		}
	}
	if _, err := svc.ClosePeriod("2026-Q1"); err != nil {
		t.Fatalf("close Q1: %v", err)
	}
	q1, err := svc.SalesBetween(engine.MustDate("2026-01-01"), engine.MustDate("2026-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	var orig *engine.Sale
	for i := range q1 {
		if s := &q1[i]; s.Net.IsPositive() && len(s.Splits) == 0 && s.OriginalInvoice == "" {
			orig = s
			break
		}
	}
	if orig == nil {
		t.Fatal("no Q1 sale to return")
	}
	partner := fmt.Sprint("P", orig.PartnerID)
	_, err = svc.AddSale(views.SaleInput{Date: "2026-04-20", Partner: partner, Customer: orig.Customer, Product: fmt.Sprint(orig.ProductID),
		Quantity: orig.Quantity.Neg().String(), UnitPrice: orig.UnitPrice.String(), Net: orig.Net.Neg().String(),
		Invoice: "CN-" + orig.Invoice, OriginalInvoice: orig.Invoice}, false)
	if err != nil {
		t.Fatalf("enter the return: %v", err)
	}
	_, err = svc.AddSale(views.SaleInput{Date: "2026-02-10", Partner: partner, Customer: "Late Srl", NewCustomer: true, Product: fmt.Sprint(orig.ProductID),
		Quantity: "3", UnitPrice: "100", Invoice: "LATE-1", Late: true}, true)
	if err != nil {
		t.Fatalf("enter the late sale: %v", err)
	}

	co, err := svc.Company()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"2026-Q2", "2026-04", "2026-05", "2026"} {
		p, err := svc.Period(key)
		if err != nil {
			t.Fatal(err)
		}
		var streamed, loaded string
		err = st.View(func(tx *data.Tx) error {
			_, res, _, err := svc.computeStored(tx, co, p, nil)
			streamed = resultJSON(t, res, err)
			in, err := svc.loadInputs(tx, co, p, nil)
			if err != nil {
				return err
			}
			res, err = engine.Compute(in)
			loaded = resultJSON(t, res, err)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if streamed != loaded {
			t.Errorf("%s: streamed and loaded computations differ:\nstreamed %.400s\nloaded   %.400s", key, streamed, loaded)
		}
		// The return claws Q1 back and the late sale adjusts it.
		if key == "2026-Q2" && (!strings.Contains(streamed, `"adjust.return"`) || !strings.Contains(streamed, `"adjust.late"`)) {
			t.Errorf("%s has no claw-back or no late-sale line: %.400s", key, streamed)
		}
	}
}

func resultJSON(t *testing.T, res engine.Result, err error) string {
	t.Helper()
	if err != nil {
		return "error: " + err.Error()
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
