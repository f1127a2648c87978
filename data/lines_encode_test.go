package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// TestReplaceDraftLinesPreparedMatchesRead stores the same lines twice, in
// two files, through ReplaceDraftLinesRead and through PrepareDraftLines
// and ReplaceDraftLinesPrepared: the same stored bytes, ids, statuses and
// audit, and the same errors for lines it must refuse. Enough lines for
// several encoding batches, some without a status (stored as drafts).
func TestReplaceDraftLinesPreparedMatchesRead(t *testing.T) {
	mk := func(n int) []engine.RewardLine {
		ls := make([]engine.RewardLine, n)
		for i := range ls {
			ls[i] = engine.RewardLine{Period: "2026-Q2", ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1},
				PartnerID: 1, Unit: engine.UnitMoney, Amount: decimal.New(int64(i), -2),
				Explanation: engine.Explanation{Key: "rate.flat", Args: []engine.Arg{engine.TextArg("rule", fmt.Sprint("R", i))}}}
			if i%3 != 0 {
				ls[i].Status = engine.LineDraft
			}
		}
		return ls
	}
	type stored struct {
		lines, audit string
		raw          [][]byte
	}
	run := func(prepared bool) stored {
		s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for round, n := range []int{3*lineBatch + 17, lineBatch - 5} {
			ls := mk(n)
			err = s.Update("t", func(tx *Tx) error {
				old, err := tx.LinesOfPeriod("2026-Q2")
				if err != nil {
					return err
				}
				if !prepared {
					return tx.ReplaceDraftLinesRead("2026-Q2", old, ls)
				}
				d := PrepareDraftLines("2026-Q2", ls)
				defer d.Stop()
				return tx.ReplaceDraftLinesPrepared(old, d)
			})
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			for i := range ls {
				if ls[i].ID == 0 || ls[i].Status != engine.LineDraft {
					t.Fatalf("round %d line %d: id %d status %q, want an id and a draft", round, i, ls[i].ID, ls[i].Status)
				}
			}
		}
		var out stored
		err = s.View(func(tx *Tx) error {
			ls, err := tx.LinesOfPeriod("2026-Q2")
			if err != nil {
				return err
			}
			j, _ := json.Marshal(ls)
			out.lines = string(j)
			b := tx.btx.Bucket(kindByName[KindRewardLine].bucket)
			for i := range ls {
				out.raw = append(out.raw, bytes.Clone(b.Get(itob(ls[i].ID))))
			}
			return tx.AuditEntries(func(e *engine.AuditEntry) error {
				if e.Action == "recompute" {
					out.audit += string(e.Before) + string(e.After) + "\n"
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := run(false), run(true)
	if a.lines != b.lines {
		t.Errorf("the lines differ:\nread     %.300s\nprepared %.300s", a.lines, b.lines)
	}
	if a.audit != b.audit || a.audit == "" {
		t.Errorf("the audits differ:\nread     %s\nprepared %s", a.audit, b.audit)
	}
	if len(a.raw) != lineBatch-5 || len(a.raw) != len(b.raw) {
		t.Fatalf("%d and %d lines stored, want %d", len(a.raw), len(b.raw), lineBatch-5)
	}
	for i := range a.raw {
		if !bytes.Equal(a.raw[i], b.raw[i]) || a.raw[i][0] != lineCodecV2 {
			t.Fatalf("line %d stored as %x and %x", i, a.raw[i], b.raw[i])
		}
	}

	// Lines it must refuse: the same error either way.
	bad := map[string]func([]engine.RewardLine){
		"another period": func(ls []engine.RewardLine) { ls[300].Period = "2026-Q3" },
		"approved":       func(ls []engine.RewardLine) { ls[2].Status = engine.LineApproved },
	}
	s, err := Open(filepath.Join(t.TempDir(), "bad.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, spoil := range bad {
		var errs [2]string
		for k, prepared := range []bool{false, true} {
			ls := mk(400)
			spoil(ls)
			err := s.Update("t", func(tx *Tx) error {
				if !prepared {
					return tx.ReplaceDraftLinesRead("2026-Q2", nil, ls)
				}
				d := PrepareDraftLines("2026-Q2", ls)
				defer d.Stop()
				return tx.ReplaceDraftLinesPrepared(nil, d)
			})
			if err == nil {
				t.Fatalf("%s: stored", name)
			}
			errs[k] = err.Error()
		}
		if errs[0] != errs[1] {
			t.Errorf("%s: ReplaceDraftLinesRead says %q, the prepared lines %q", name, errs[0], errs[1])
		}
	}
}

// TestPreparedDraftLinesStop: lines prepared and never stored stop
// encoding, however many times Stop is called.
func TestPreparedDraftLinesStop(t *testing.T) {
	ls := make([]engine.RewardLine, 20*lineBatch)
	for i := range ls {
		ls[i] = engine.RewardLine{Period: "2026-Q2", Status: engine.LineDraft}
	}
	d := PrepareDraftLines("2026-Q2", ls)
	d.Stop()
	d.Stop()
	ls[0].Period = "changed after Stop" // the encoder no longer reads them (-race)
}
