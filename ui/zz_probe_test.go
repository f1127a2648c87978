package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestZZProbeFocus(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	twoPending(fe)
	sc.reload()
	c := w.Canvas()
	c.Focus(sc.reg.pick.rep)
	for i := 0; i < 12; i++ {
		test.FocusNext(c)
		fmt.Printf("%d %T\n", i, c.Focused())
	}
}
