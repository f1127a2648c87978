package ui

import "sync"

// worker is the one way a screen runs long work: background runs f off the
// UI goroutine (f updates widgets through fyne.Do) and wait blocks until
// all of it has finished (tests use it). Screens embed it.
type worker struct {
	wg sync.WaitGroup
}

func (w *worker) background(f func()) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		f()
	}()
}

func (w *worker) wait() { w.wg.Wait() }
