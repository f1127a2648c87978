package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"partnerdesk/app"
)

// terminalBar returns a Progress that draws a bar on w when w is a terminal,
// and nil otherwise, so scripted runs print nothing but results.
func terminalBar(w io.Writer, label string) app.Progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	last := -1
	return func(done, total int) {
		if total <= 0 {
			fmt.Fprintf(w, "\r%s %d", label, done)
			return
		}
		pct := done * 100 / total
		if pct == last && done != total {
			return
		}
		last = pct
		n := pct / 4
		fmt.Fprintf(w, "\r%s [%s%s] %3d%%", label, strings.Repeat("#", n), strings.Repeat(".", 25-n), pct)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
