package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func TestStatementsPickPayeeAndPreview(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewStatementsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	if got, want := s.period.Text, "2026-07"; got != want {
		t.Fatalf("period: got %q, want %q", got, want)
	}
	if !s.saveBtns[0].Disabled() {
		t.Error("Save PDF is enabled with no payee chosen")
	}
	test.Type(s.payee, "ana")
	s.wait()
	if len(s.found) != 1 || s.found[0].Label() != "Ana Ruiz (Acme Srl)" {
		t.Fatalf("matches for %q: got %+v, want Ana Ruiz (Acme Srl)", "ana", s.found)
	}
	s.payee.OnSubmitted(s.payee.Text) // Enter takes the first match
	s.wait()
	if want := []engine.Payee{{Kind: engine.PayeeRep, ID: 9}}; !reflect.DeepEqual(f.previews, want) {
		t.Errorf("previews: got %v, want %v", f.previews, want)
	}
	if len(s.found) != 0 {
		t.Errorf("matches after the pick: got %d, want none", len(s.found))
	}
	if s.saveBtns[0].Disabled() {
		t.Error("Save PDF stays disabled after a pick")
	}
	// The preview is in the statement's language (it): 1.310,00 EUR.
	for _, want := range []string{"Silver", "1.310,00 EUR", "65.500,00 EUR", "4.000,00 EUR", "34.500,00 EUR di fatturato e 1 certificazione per Gold", "mancano 9.500,00 EUR nel periodo 2026-Q3"} {
		if !hasLabel(t, w, want) {
			t.Errorf("preview lacks %q; labels: %q", want, labelTexts(w))
		}
	}
}

func TestStatementsPrintAll(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewStatementsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	s.printAll("/tmp/stmts")
	s.wait()
	if want := []string{"2026-07|/tmp/stmts"}; !reflect.DeepEqual(f.printed, want) {
		t.Fatalf("print runs: got %v, want %v", f.printed, want)
	}
	if got, want := s.batchInfo.Text, "Wrote 3 of 3 statements into /tmp/stmts."; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	if s.progress.Visible() || s.cancelBtn.Visible() || s.batchBtn.Disabled() {
		t.Error("the batch controls did not return to rest")
	}
	for _, want := range []string{"✓ 2026-07_acme-srl.pdf", "✓ 2026-07_東京システム株式会社.pdf"} {
		if !hasLabel(t, w, want) {
			t.Errorf("summary dialog lacks %q; labels: %q", want, labelTexts(w))
		}
	}
}

func TestStatementsPrintAllCancel(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	gate := make(chan struct{})
	f.printGate = gate
	s := NewStatementsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	s.printAll("/tmp/stmts")
	<-gate // the first statement is written; the fake waits for the cancel
	if !s.cancelBtn.Visible() {
		t.Error("no Cancel button while printing")
	}
	test.Tap(s.cancelBtn)
	s.wait()
	if got, want := s.batchInfo.Text, "Cancelled: wrote 1 of 3 statements into /tmp/stmts."; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	if !s.result.Canceled {
		t.Error("the result is not marked cancelled")
	}
}

func TestBatchSummary(t *testing.T) {
	tests := []struct {
		name string
		r    views.BatchResult
		want string
	}{
		{"all", views.BatchResult{Dir: "/d", Files: []string{"a", "b"}, Total: 2}, "Wrote 2 of 2 statements into /d."},
		{"failures", views.BatchResult{Dir: "/d", Files: []string{"a"}, Total: 2, Failed: map[string]string{"B": "no font"}}, "Wrote 1 of 2 statements into /d. 1 could not be written."},
		{"cancelled", views.BatchResult{Dir: "/d", Total: 5, Canceled: true}, "Cancelled: wrote 0 of 5 statements into /d."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := batchSummary(tt.r); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStatementsProblemIsNotGreenAfterASave(t *testing.T) {
	w := newTestWindow(t)
	s := NewStatementsScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	s.say(widget.SuccessImportance, "Saved /tmp/acme-2026-07.pdf")
	test.Type(s.payee, "zzz")
	s.wait()
	if got, want := s.problem.Text, `No partner or rep matches "zzz".`; got != want {
		t.Fatalf("problem: got %q, want %q", got, want)
	}
	if s.problem.Importance != widget.DangerImportance {
		t.Errorf("a problem after a save shows with importance %v, want danger", s.problem.Importance)
	}
}
