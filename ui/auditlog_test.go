package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func auditOnShow(tb testing.TB) (*auditScreen, *fundsFake, fyne.Canvas, *[]error) {
	tb.Helper()
	ff := newFundsFake()
	s, w, errs, _ := shellOver(tb, ff)
	s.Show(ScreenAudit)
	sc := s.Screen(ScreenAudit).(*auditScreen)
	sc.wait()
	return sc, ff, w.Canvas(), errs
}

// The filters go to the backend as typed; the newest entry is chosen and
// its before and after shown field by field, the changed one marked.
func TestAuditFilterAndBeforeAfter(t *testing.T) {
	sc, ff, c, errs := auditOnShow(t)
	if c.Focused() != sc.who {
		t.Fatalf("focus on show = %T, want the who filter", c.Focused())
	}
	if len(sc.rows) != 2 || sc.chosen != 2 {
		t.Fatalf("rows %d, chosen %d; want both entries, the newest chosen", len(sc.rows), sc.chosen)
	}
	if len(sc.detail.Fields) != 3 || !sc.detail.Fields[2].Changed || sc.diff.chosen(0) || !sc.diff.chosen(2) {
		t.Errorf("detail = %+v, want list_price alone marked changed", sc.detail.Fields)
	}
	if !strings.Contains(sc.note.Text, "1 of 3 fields changed") {
		t.Errorf("note = %q", sc.note.Text)
	}
	typeKeys(t, c, "giu")
	sc.kind.SetSelected("product")
	sc.from.SetText("2026-07-01")
	sc.to.SetText("2026-07-10")
	press(t, c, fyne.KeyReturn)
	sc.wait()
	last := ff.auditFilters[len(ff.auditFilters)-1]
	if last.Who != "giu" || last.Kind != "product" || last.From != "2026-07-01" || last.To != "2026-07-10" || last.ID != 0 {
		t.Errorf("filter sent = %+v", last)
	}
	if len(sc.rows) != 1 || sc.rows[0].Entry.Operator != "Giulia" || sc.chosen != 1 {
		t.Fatalf("rows = %+v, chosen %d; want Giulia's creation", sc.rows, sc.chosen)
	}
	if !strings.Contains(sc.note.Text, "As created") || sc.detail.Fields[0].After != "SUP-1Y" {
		t.Errorf("creation detail: note %q, fields %+v", sc.note.Text, sc.detail.Fields)
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}

// A bad id is refused beside it without asking the backend; a range that
// ends before it starts is refused beside "To".
func TestAuditFilterRefused(t *testing.T) {
	sc, ff, _, errs := auditOnShow(t)
	asked := len(ff.auditFilters)
	sc.id.SetText("abc")
	sc.reload()
	sc.wait()
	if got := sc.fs.get(AuditID).Error(); got == "" || len(ff.auditFilters) != asked {
		t.Errorf("id abc: note %q, backend asked %d times more", got, len(ff.auditFilters)-asked)
	}
	sc.id.SetText("")
	sc.from.SetText("2026-07-10")
	sc.to.SetText("2026-07-01")
	sc.reload()
	sc.wait()
	if got := sc.fs.get(AuditTo).Error(); !strings.Contains(got, "before it starts") {
		t.Errorf("to before from: note %q", got)
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}
