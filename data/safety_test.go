package data_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/schema1"
)

func v1Sales() []engine.Sale {
	return []engine.Sale{
		*sale(1, 1, "2026-01-10", "A", 1, "100"),
		*sale(2, 1, "2026-01-11", "B", 1, "200"),
		*sale(1, 2, "2026-02-01", "C", 1, "300"),
	}
}

func TestUpgradeFromSchema1BacksUpFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	if err := schema1.Write(path, v1Sales()); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path, data.Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("Open v1 file: %v", err)
	}
	defer checkAndClose(t, s)
	if s.SchemaVersion() != data.CurrentSchema {
		t.Errorf("schema after open = %d, want %d", s.SchemaVersion(), data.CurrentSchema)
	}
	bak := path + ".v1-20260715-103000.bak"
	fi, err := os.Stat(bak)
	if err != nil {
		t.Fatalf("no backup before the upgrade: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %04o, want 0600", fi.Mode().Perm())
	}
	// The backup is the file as it was: schema 1, three sales.
	rep, err := data.CheckFile(bak)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Schema != 1 || rep.Counts[data.KindSale] != 3 || !rep.OK() {
		t.Errorf("backup check = %s (schema %d, %d sales), want a clean schema-1 file with 3 sales", rep, rep.Schema, rep.Counts[data.KindSale])
	}
	// The upgraded file has the partner index: partner 1 has sales A and C.
	var got []string
	s.View(func(tx *data.Tx) error {
		return tx.SalesOfPartner(1, engine.MustDate("2026-01-01"), engine.MustDate("2026-12-31"), func(s *engine.Sale) error {
			got = append(got, s.Invoice)
			return nil
		})
	})
	if strings.Join(got, ",") != "A,C" {
		t.Errorf("SalesOfPartner(1) after upgrade = %v, want A,C", got)
	}
	if es := audit(t, s); len(es) != 1 || es[0].Action != "upgrade" {
		t.Errorf("audit after upgrade = %+v, want one upgrade entry", es)
	}
}

func TestNoUpgradeLeavesOldFileAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	if err := schema1.Write(path, v1Sales()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err := data.Open(path, data.Options{NoUpgrade: true})
	if !errors.Is(err, data.ErrSchemaOlder) {
		t.Fatalf("Open with NoUpgrade = %v, want ErrSchemaOlder", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the v1 file changed although NoUpgrade was set")
	}
	matches, _ := filepath.Glob(path + ".v1-*")
	if len(matches) != 0 {
		t.Errorf("backups written without an upgrade: %v", matches)
	}
	// Read-only reads the old file as it is.
	ro, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if ro.SchemaVersion() != 1 {
		t.Errorf("read-only schema = %d, want 1", ro.SchemaVersion())
	}
}

// TestBackupWhileWriting takes backups while another goroutine commits
// changes of three sales each; every backup must be a committed state
// (a whole number of changes) that restores and checks clean.
func TestBackupWhileWriting(t *testing.T) {
	s, path := openTemp(t)
	pid, _, prod := seed(t, s)
	const changes = 150
	var wg sync.WaitGroup
	wg.Add(1)
	var werr error
	go func() {
		defer wg.Done()
		for i := 0; i < changes && werr == nil; i++ {
			werr = s.Update("writer", func(tx *data.Tx) error {
				for l := 1; l <= 3; l++ {
					if err := tx.Put(sale(pid, prod, "2026-07-01", fmt.Sprintf("W%d", i), l, "1.10")); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}()
	dir := t.TempDir()
	var baks []string
	for i := 0; i < 5; i++ {
		b := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(b); err != nil {
			t.Fatalf("Backup %d: %v", i, err)
		}
		baks = append(baks, b)
	}
	wg.Wait()
	if werr != nil {
		t.Fatal(werr)
	}
	for i, b := range baks {
		fi, err := os.Stat(b)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("backup %d: %v, mode %v", i, err, fi)
		}
		target := filepath.Join(dir, fmt.Sprintf("restored%d.db", i))
		if err := data.Restore(b, target, data.Options{}); err != nil {
			t.Fatalf("Restore %d: %v", i, err)
		}
		r, err := data.Open(target, data.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var n int
		var total string
		r.View(func(tx *data.Tx) error {
			n, _ = tx.Count(data.KindSale)
			sum := dec("0")
			tx.SalesBetween(engine.MustDate("2026-07-01"), engine.MustDate("2026-07-01"), func(s *engine.Sale) error {
				sum = sum.Add(s.Net)
				return nil
			})
			total = sum.String()
			return nil
		})
		// Each change adds 3 sales of 1.10; a committed state has 3k sales
		// summing to 3.30 k.
		if n%3 != 0 || total != dec("1.1").Mul(dec(fmt.Sprint(n))).String() {
			t.Errorf("backup %d holds %d sales summing %s: not a committed state", i, n, total)
		}
		checkAndClose(t, r)
	}
	_ = path
}

func TestRestoreChecksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("x", func(tx *data.Tx) error { return tx.PutSetting("mark", "before") }); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.bak")
	if err := s.Backup(good); err != nil {
		t.Fatal(err)
	}
	if err := s.Update("x", func(tx *data.Tx) error { return tx.PutSetting("mark", "after") }); err != nil {
		t.Fatal(err)
	}
	// While the live file is open, Restore refuses.
	if err := data.Restore(good, db, data.Options{}); !errors.Is(err, engine.ErrInUse) {
		t.Errorf("Restore onto an open file = %v, want ErrInUse", err)
	}
	checkAndClose(t, s)

	junk := filepath.Join(dir, "junk.bak")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 1000)), 0o600)
	truncated := filepath.Join(dir, "trunc.bak")
	raw, _ := os.ReadFile(good)
	os.WriteFile(truncated, raw[:len(raw)/2], 0o600)
	for _, bad := range []string{junk, truncated, filepath.Join(dir, "missing.bak")} {
		before, _ := os.ReadFile(db)
		if err := data.Restore(bad, db, data.Options{}); err == nil {
			t.Errorf("Restore(%s) succeeded", filepath.Base(bad))
		}
		after, _ := os.ReadFile(db)
		if string(before) != string(after) {
			t.Errorf("Restore(%s) changed the live file", filepath.Base(bad))
		}
	}

	if err := data.Restore(good, db, data.Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + ".before-restore-20260715-103000"); err != nil {
		t.Errorf("replaced file not kept: %v", err)
	}
	r, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer checkAndClose(t, r)
	r.View(func(tx *data.Tx) error {
		if v := tx.Setting("mark"); v != "before" {
			t.Errorf("restored mark = %q, want before", v)
		}
		return nil
	})
}

func TestCheckFindsBrokenInvariants(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pid, _, prod := seed(t, s)
	err = s.Update("x", func(tx *data.Tx) error {
		// A sale naming a product that does not exist.
		if err := tx.Put(sale(pid, prod+50, "2026-07-01", "X", 1, "1")); err != nil {
			return err
		}
		// A reward line payable to a rep who does not exist.
		l := &engine.RewardLine{Period: "2026-07", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 99}, Unit: engine.UnitMoney}
		if err := tx.Put(l); err != nil {
			return err
		}
		// An accrual of 100 drawn for 120 by an approved claim: the
		// accrual is overdrawn (engine.FundProblems).
		acc := &engine.FundEntry{PartnerID: pid, Kind: engine.FundAccrual, Date: engine.MustDate("2026-07-01"), Amount: dec("100")}
		if err := tx.Put(acc); err != nil {
			return err
		}
		claim := &engine.FundEntry{PartnerID: pid, Kind: engine.FundClaim, Status: engine.ClaimApproved, Date: engine.MustDate("2026-07-02"),
			Amount: dec("120"), Approved: dec("120"), Draws: []engine.FundDraw{{AccrualID: acc.ID, Amount: dec("120")}}}
		if err := tx.Put(claim); err != nil {
			return err
		}
		// 10 points earned, 15 redeemed: -5.
		p := engine.Payee{Kind: engine.PayeePartner, ID: pid}
		if err := tx.Put(&engine.PointsEntry{Payee: p, Kind: engine.PointsEarned, Date: engine.MustDate("2026-07-01"), Points: 10}); err != nil {
			return err
		}
		return tx.Put(&engine.PointsEntry{Payee: p, Kind: engine.PointsRedeemed, Date: engine.MustDate("2026-07-02"), Points: -15})
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"names product 51, which does not exist",
		"payable to rep 99, who does not exist",
		"drawn for 120, more than it holds",
		"go below zero (-5)",
	}
	all := strings.Join(rep.Problems, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("Check did not report %q; it said:\n%s", w, all)
		}
	}
	if len(rep.Problems) != len(want) {
		t.Errorf("Check reported %d problems, want %d:\n%s", len(rep.Problems), len(want), all)
	}
}

func TestCheckFileRefusesJunk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(path, []byte(strings.Repeat("x", 8192)), 0o600)
	if _, err := data.CheckFile(path); err == nil {
		t.Error("CheckFile on junk succeeded")
	}
}

// TestUpgradeKilledLeavesUsableFile kills a process in the middle of an
// upgrade (SIGKILL at a different moment each round): the file must then
// open, at schema 1 or 2, check clean and still hold every sale.
func TestUpgradeKilledLeavesUsableFile(t *testing.T) {
	const n = 20000
	sales := genSales(n, 500, 0, 9)
	src := filepath.Join(t.TempDir(), "v1.db")
	if err := schema1.Write(src, sales); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	for round, delay := range []time.Duration{0, 5, 15, 30, 60, 100, 200} {
		path := filepath.Join(t.TempDir(), "p.db")
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PARTNERDESK_TEST_UPGRADE="+path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		bufio.NewReader(out).ReadString('\n')
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		rep, err := data.CheckFile(path)
		if err != nil {
			t.Fatalf("round %d (kill after %v): %v", round, delay*time.Millisecond, err)
		}
		if !rep.OK() || rep.Counts[data.KindSale] != n || (rep.Schema != 1 && rep.Schema != 2) {
			t.Errorf("round %d: schema %d, %d sales, problems %v", round, rep.Schema, rep.Counts[data.KindSale], rep.Problems)
		}
		t.Logf("round %d: killed after %v: schema %d", round, delay*time.Millisecond, rep.Schema)
		s, err := data.Open(path, data.Options{})
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		checkAndClose(t, s)
	}
}

func TestOpenRefusesTruncatedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("x", func(tx *data.Tx) error { return tx.PutSetting("k", strings.Repeat("v", 100000)) }); err != nil {
		t.Fatal(err)
	}
	// A backup is exactly as long as its pages, so half of it lacks pages.
	full := filepath.Join(dir, "full.db")
	if err := s.Backup(full); err != nil {
		t.Fatal(err)
	}
	checkAndClose(t, s)
	raw, _ := os.ReadFile(full)
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, raw[:len(raw)/2], 0o600)
	// Mapping a truncated file would kill the process with SIGBUS on the
	// first read past its end; Open must refuse it instead.
	if _, err := data.Open(cut, data.Options{}); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("Open of a truncated file = %v, want a truncated error", err)
	}
	if _, err := data.CheckFile(cut); err == nil {
		t.Error("CheckFile of a truncated file succeeded")
	}
}
