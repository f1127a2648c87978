package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Issue #15.10: the preview shows the statement's lines, not only the
// summary.
func TestStatementsPreviewShowsTheLines(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewStatementsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	s.pick(f.payees[0])
	s.wait()
	for _, want := range []string{"Lines (1)", "Volume rebate · Rebate", "Rebate: 65.500,00 EUR nel periodo 2026-Q3 al 2 % = 1.310,00 EUR"} {
		if !hasLabel(t, w, want) {
			t.Errorf("preview lacks %q; labels: %q", want, labelTexts(w))
		}
	}
}

// codeFake finds payees by code or id, as app.FindPayees does: the box
// must pass what was typed to the back end, not filter names itself.
type codeFake struct {
	*fakeServices
	queries []string
}

func (c *codeFake) FindPayees(q string, limit int) ([]views.PayeeRef, error) {
	c.queries = append(c.queries, q)
	if strings.EqualFold(q, "P2") {
		return []views.PayeeRef{c.payees[1]}, nil
	}
	return nil, nil
}

// Issue #15.10: a Japanese-named partner is found by its code or id
// without typing Japanese.
func TestStatementsPayeeByCode(t *testing.T) {
	w := newTestWindow(t)
	f := &codeFake{fakeServices: newFakeServices()}
	s := NewStatementsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	test.Type(s.payee, "P2")
	s.wait()
	if len(s.found) != 1 || s.found[0].Name != "東京システム株式会社" {
		t.Fatalf("typing P2 found %+v (queries %q)", s.found, f.queries)
	}
	s.payee.OnSubmitted(s.payee.Text)
	s.wait()
	if want := []engine.Payee{{Kind: engine.PayeePartner, ID: 2}}; !reflect.DeepEqual(f.previews, want) {
		t.Errorf("previews %v, want %v", f.previews, want)
	}
}
