package gui

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"

	"partnerdesk/ui"
)

// F1 opens the help screen from anywhere. Fyne gives a key without a
// modifier to the widget that has the keyboard (an entry ignores F1) and
// only calls the canvas when none has it, so the shell alone cannot make
// F1 global. The window therefore puts its own key callback in front of
// Fyne's on the GLFW window: F1 pressed without a modifier goes to the
// shell's TypedGlobalKey, every other key to Fyne's callback as before.

var (
	helpShell atomic.Pointer[ui.Shell] // the shell on show (a restore replaces it)
	helpOnce  sync.Once
)

// installHelpKey points F1 at shell, hooking the window's keys the first
// time, once the window exists.
func installHelpKey(w fyne.Window, shell *ui.Shell) {
	helpShell.Store(shell)
	helpOnce.Do(func() { go hookKeys(w) })
}

// withContext is the GLFW window's method that runs f with its GL context
// current on the main thread, so that glfw.GetCurrentContext is that
// window.
type withContext interface{ RunWithContext(f func()) }

// hookKeys waits for the window to be created (it is once the app runs),
// then wraps its key callback; it gives up quietly after ten seconds or on
// a driver that is not GLFW (F1 then works where no field has the
// keyboard, through the canvas).
func hookKeys(w fyne.Window) {
	rc, ok := w.(withContext)
	if !ok {
		return
	}
	for try := 0; try < 100; try++ {
		time.Sleep(100 * time.Millisecond)
		done := make(chan bool, 1)
		fyne.Do(func() {
			defer func() {
				if recover() != nil {
					done <- false // the window is not created yet
				}
			}()
			hooked := false
			rc.RunWithContext(func() {
				gw := glfw.GetCurrentContext()
				if gw == nil {
					return
				}
				prev := gw.SetKeyCallback(nil)
				gw.SetKeyCallback(func(gw *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
					if key == glfw.KeyF1 && mods == 0 {
						if action == glfw.Press {
							if s := helpShell.Load(); s != nil {
								s.TypedGlobalKey(fyne.KeyF1)
							}
						}
						return
					}
					if prev != nil {
						prev(gw, key, scancode, action, mods)
					}
				})
				hooked = true
			})
			done <- hooked
		})
		if <-done {
			return
		}
	}
}
