package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

// labels collects the text of every label under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, labels(c)...)
		}
	}
	return out
}

// TestOpenRefusedNamesTheHolder: a second window on a file in use showed
// nothing; now it shows the reason with the holder's process and host,
// points to Settings > Back up now in the window that has the file, and
// its Close button closes it.
func TestOpenRefusedNamesTheHolder(t *testing.T) {
	test.NewTempApp(t)
	held := fmt.Errorf("/home/u/pd.db is in use by process 4242 on host desk-7 (since 2026-12-06 18:00:00); close that Partnerdesk first: %w", engine.ErrInUse)
	closed := 0
	c := OpenRefused(held, func() { closed++ })
	text := strings.Join(labels(c), "\n")
	for _, want := range []string{"cannot open the database", "process 4242", "host desk-7", "Settings > Back up now"} {
		if !strings.Contains(text, want) {
			t.Errorf("the refusal says %q; want it to contain %q", text, want)
		}
	}
	var closeBtn *widget.Button
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == "Close" {
				closeBtn = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				find(c)
			}
		}
	}
	find(c)
	if closeBtn == nil {
		t.Fatal("no Close button")
	}
	test.Tap(closeBtn)
	if closed != 1 {
		t.Errorf("Close ran %d times, want 1", closed)
	}
	other := OpenRefused(errors.New("there is no database at /x.db: no file has that name"), func() {})
	if text := strings.Join(labels(other), "\n"); !strings.Contains(text, "/x.db") || strings.Contains(text, "Back up now") {
		t.Errorf("a missing database: %q; want the path and no backup hint", text)
	}
}
