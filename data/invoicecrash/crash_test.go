// Package invoicecrash kills a process that records payouts, at random
// moments, and checks that self-billing numbers survive: every payout the
// process saw committed has its number, the numbers of the year are 1..n
// with no gap and none twice, and `check` finds nothing.
package invoicecrash

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

const (
	envChild = "PARTNERDESK_INVOICE_CRASH_CHILD" // the database file the child writes
	kills    = 8
)

func TestMain(m *testing.M) {
	if db := os.Getenv(envChild); db != "" {
		os.Exit(child(db))
	}
	os.Exit(m.Run())
}

// child records payouts forever, each with its number in one transaction,
// and prints the id of each one committed.
func child(path string) int {
	s, err := data.Open(path, data.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	var pid engine.ID
	s.View(func(tx *data.Tx) error {
		return data.Each(tx, func(p *engine.Partner) error { pid = p.ID; return nil })
	})
	fmt.Println("ready")
	for i := 0; ; i++ {
		po := engine.Payout{Date: engine.NewDate(2026, time.Month(1+i%12), 1+i%28), Payee: engine.Payee{Kind: engine.PayeePartner, ID: pid},
			Amount: decimal.NewFromInt(int64(i%7 - 2)), Method: "bank transfer", Reference: strconv.Itoa(i)}
		err := s.Update("crash", func(tx *data.Tx) error {
			if err := tx.Put(&po); err != nil {
				return err
			}
			_, err := tx.NumberPayouts()
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		fmt.Println("committed", po.ID)
	}
}

func TestNumbersSurviveKills(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pd.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update("t", func(tx *data.Tx) error {
		return tx.Put(&engine.Partner{Name: "Alpha", Kind: engine.KindReseller, Status: engine.StatusActive})
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	committed := map[engine.ID]bool{}
	for k := 1; k <= kills; k++ {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), envChild+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1<<16)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		if l := <-lines; l != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child says %q: %s", k, l, stderr.String())
		}
		time.Sleep(time.Duration(20+r.IntN(200)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		for l := range lines {
			if id, ok := strings.CutPrefix(l, "committed "); ok {
				n, _ := strconv.ParseUint(id, 10, 64)
				committed[engine.ID(n)] = true
			}
		}
		if strings.TrimSpace(stderr.String()) != "" {
			t.Fatalf("kill %d: the child failed by itself: %s", k, stderr.String())
		}
		s, err := data.Open(path, data.Options{})
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", k, err)
		}
		rep, err := s.Check()
		if err != nil || !rep.OK() {
			t.Errorf("kill %d: check: %v %s", k, err, rep)
		}
		var nos map[engine.ID]engine.InvoiceNo
		var payouts int
		s.View(func(tx *data.Tx) error {
			nos, _ = tx.InvoiceNumbers()
			payouts, _ = tx.Count(data.KindPayout)
			return nil
		})
		s.Close()
		for id := range committed {
			if _, ok := nos[id]; !ok {
				t.Errorf("kill %d: committed payout %d has no number", k, id)
			}
		}
		seen := map[int]bool{}
		for _, n := range nos {
			seen[n.Seq] = true
		}
		for i := 1; i <= len(nos); i++ {
			if !seen[i] {
				t.Fatalf("kill %d: %d numbers, but %d is missing", k, len(nos), i)
			}
		}
		if len(nos) != payouts {
			t.Errorf("kill %d: %d payouts, %d numbers", k, payouts, len(nos))
		}
	}
	if len(committed) < kills {
		t.Errorf("only %d payouts committed over %d runs: the kills prove little", len(committed), kills)
	}
}
