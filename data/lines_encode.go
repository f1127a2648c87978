package data

import (
	"fmt"
	"sync"

	"partnerdesk/engine"
)

// DraftLines are a period's fresh draft lines, checked and being encoded
// on another goroutine (PrepareDraftLines) until a transaction stores them
// (Tx.ReplaceDraftLinesPrepared): a computation encodes its lines while it
// records what changed.
type DraftLines struct {
	period string
	lines  []engine.RewardLine
	err    error // what ReplaceDraftLinesRead would refuse the lines with
	enc    *asyncLines
}

// PrepareDraftLines checks lines as ReplaceDraftLinesRead does and starts
// encoding them; a line without a status is encoded, and stored, as a
// draft. lines are read until they are stored or Stop is called, and
// must not change before: each one's id and status are set as it is
// stored.
func PrepareDraftLines(period string, lines []engine.RewardLine) *DraftLines {
	d := &DraftLines{period: period, lines: lines}
	if d.err = checkDraftLines(period, lines); d.err == nil {
		d.enc = encodeLinesAsync(lines)
	}
	return d
}

// Stop ends the encoding if the lines are not stored; it may be called
// more than once, and after they are stored.
func (d *DraftLines) Stop() {
	if d.enc != nil {
		d.enc.stop()
	}
}

// checkDraftLines is ReplaceDraftLinesRead's check of the lines, without
// setting the missing statuses.
func checkDraftLines(period string, lines []engine.RewardLine) error {
	for i := range lines {
		l := &lines[i]
		if l.Period != period {
			return fmt.Errorf("recompute %s: line %d is for period %q", period, i+1, l.Period)
		}
		if l.Status != "" && l.Status != engine.LineDraft {
			return fmt.Errorf("recompute %s: line %d is %s, not a draft", period, i+1, l.Status)
		}
	}
	return nil
}

// ReplaceDraftLinesPrepared is ReplaceDraftLinesRead of lines prepared
// with PrepareDraftLines: the same checks, errors and result.
func (tx *Tx) ReplaceDraftLinesPrepared(old []engine.RewardLine, d *DraftLines) error {
	defer d.Stop()
	if err := tx.writable(); err != nil {
		return err
	}
	if tx.IsPeriodClosed(d.period) {
		return fmt.Errorf("recompute %s: %w", d.period, engine.ErrPeriodClosed)
	}
	if d.err != nil {
		return d.err
	}
	return tx.replaceDrafts(d.period, old, d.lines, d.enc)
}

// lineBatch is how many lines encodeLinesAsync hands over at a time.
const lineBatch = 256

// asyncLines are reward lines being encoded on another goroutine.
type asyncLines struct {
	out  chan [][]byte // each batch's encodings, in order; closed at the end
	quit chan struct{}
	once sync.Once // closes quit
	done chan struct{}
}

// encodeLinesAsync encodes lines, in order, on another goroutine, into
// shared chunks rather than one allocation a line: a chunk is never
// written to again where a line already is, and a new one starts when
// less than 64 KB is left, so that a long line (a referral line names
// every new customer) rarely outgrows one; one that does is carved from
// the grown copy all the same. The caller must not change lines until it
// has received every batch or called stop.
func encodeLinesAsync(lines []engine.RewardLine) *asyncLines {
	a := &asyncLines{out: make(chan [][]byte, 8), quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		defer close(a.out)
		var arena []byte
		for at := 0; at < len(lines); at += lineBatch {
			batch := make([][]byte, 0, min(lineBatch, len(lines)-at))
			for i := at; i < at+cap(batch); i++ {
				if cap(arena)-len(arena) < 64<<10 {
					arena = make([]byte, 0, 1<<20)
				}
				start := len(arena)
				l := &lines[i]
				if l.Status == "" {
					// Stored as a draft (replaceDrafts sets it then).
					c := *l
					c.Status = engine.LineDraft
					l = &c
				}
				arena = appendLine(arena, l)
				batch = append(batch, arena[start:len(arena):len(arena)])
			}
			select {
			case a.out <- batch:
			case <-a.quit:
				return
			}
		}
	}()
	return a
}

// stop ends the encoding, if it still runs, and waits until it no longer
// reads the lines.
func (a *asyncLines) stop() {
	a.once.Do(func() { close(a.quit) })
	<-a.done
}
