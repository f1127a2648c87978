package reports

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"partnerdesk/data/atomicfile"
	"partnerdesk/engine"
	"partnerdesk/engine/filename"
)

// BatchResult says what WriteBatch wrote.
type BatchResult struct {
	Dir      string
	Files    []string          // written, in the order of the statements given
	Bytes    int64             // total size of the files written
	Failed   map[string]string // payee name -> reason
	Canceled bool              // ctx was canceled before every file was written
}

// Summary is one sentence on what was written, for the CLI and the GUI.
func (r BatchResult) Summary() string {
	s := fmt.Sprintf("%d statements written to %s (%d KB)", len(r.Files), r.Dir, (r.Bytes+1023)/1024)
	if len(r.Failed) > 0 {
		s += fmt.Sprintf(", %d failed", len(r.Failed))
	}
	if r.Canceled {
		s += ", canceled"
	}
	return s
}

// StatementFileName is the file name of one statement: FileName of the
// payee, and for a rep the partner's name after the rep's
// (2026-q1_lena-schafer_acme-gmbh.pdf), so that reps who share a name at
// different partners get files that say whose they are.
func StatementFileName(st *Statement) string {
	n := FileName(st.Period.Key, st.Payee.Name)
	if st.Payee.Kind == engine.PayeeRep && st.Payee.PartnerName != "" {
		n = strings.TrimSuffix(n, ".pdf") + "_" + filename.SafeName(st.Payee.PartnerName) + ".pdf"
	}
	return n
}

// BatchNames returns the file name of each statement in dir:
// StatementFileName, with a position added only when two payees still
// share a name (two partners, or two reps of one partner, named alike), so
// no statement overwrites another.
func BatchNames(sts []*Statement) []string {
	names := make([]string, len(sts))
	used := map[string]bool{}
	for i, st := range sts {
		n := StatementFileName(st)
		// File systems that ignore case (Windows, macOS) see "A.pdf" and
		// "a.pdf" as one file.
		for k := 2; used[strings.ToLower(n)]; k++ {
			n = strings.TrimSuffix(StatementFileName(st), ".pdf") + "-" + strconv.Itoa(k) + ".pdf"
		}
		used[strings.ToLower(n)] = true
		names[i] = n
	}
	return names
}

// WriteBatch writes one PDF per statement into dir (created 0700 if
// missing), each through a temporary file renamed into place with mode
// 0600, on two workers per CPU. progress, if not nil, is called after each
// file from the workers' goroutines (a GUI wraps it in fyne.Do). A canceled
// ctx stops it between files; the files already written stay. A statement
// that fails is listed in Failed and the others are still written.
func WriteBatch(ctx context.Context, dir string, sts []*Statement, progress func(done, total int)) (BatchResult, error) {
	res := BatchResult{Dir: dir, Failed: map[string]string{}}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("statements folder %s: %w", dir, err)
	}
	defer relaxGC()()
	names := BatchNames(sts)
	written := make([]int64, len(sts)) // bytes per statement; -1 failed or skipped
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	next := make(chan int)
	// Two workers per core: a worker spends about as long waiting for
	// its file to reach the disk (atomicfile syncs it and its folder) as
	// drawing it, and the other worker of the core draws meanwhile.
	workers := 2 * runtime.GOMAXPROCS(0)
	if workers > len(sts) {
		workers = len(sts)
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				n, err := writeOne(&buf, filepath.Join(dir, names[i]), sts[i])
				mu.Lock()
				written[i] = n
				if err != nil {
					written[i] = -1
					res.Failed[sts[i].Payee.Name] = err.Error()
				}
				done++
				d := done
				mu.Unlock()
				if progress != nil {
					progress(d, len(sts))
				}
			}
		}()
	}
	sent := 0
feed:
	for i := range sts {
		select {
		case <-ctx.Done():
			break feed
		case next <- i:
			sent++
		}
	}
	close(next)
	wg.Wait()
	res.Canceled = sent < len(sts)
	for i := 0; i < sent; i++ {
		if written[i] >= 0 {
			res.Files = append(res.Files, filepath.Join(dir, names[i]))
			res.Bytes += written[i]
		}
	}
	return res, nil
}

// Each PDF allocates about 1 MB that is garbage once written (10 MB while
// gofpdf parsed the fonts per document), and a batch runs beside the
// period's snapshot (app: every line of the period), which each collection
// marks again. relaxGC raises GOGC to 400 for the batch and returns the
// function that restores it; nested and concurrent batches share it.
var gcMu sync.Mutex
var gcUsers, gcSaved int

func relaxGC() func() {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcUsers == 0 {
		gcSaved = debug.SetGCPercent(400)
		if gcSaved < 0 || gcSaved > 400 {
			// GC off or already more relaxed: leave it as the user set it.
			debug.SetGCPercent(gcSaved)
		}
	}
	gcUsers++
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		gcUsers--
		if gcUsers == 0 {
			debug.SetGCPercent(gcSaved)
		}
	}
}

// writeOne renders st into buf, then writes it to path atomically.
func writeOne(buf *bytes.Buffer, path string, st *Statement) (int64, error) {
	if err := WritePDF(buf, st); err != nil {
		return 0, err
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		return 0, err
	}
	return int64(buf.Len()), nil
}
