package crashtest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/cli"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Environment variables that turn the test binary into a child process.
const (
	envMode    = "PARTNERDESK_CRASH_CHILD"   // writer, upgrade or cli
	envDB      = "PARTNERDESK_CRASH_DB"      // the database file
	envTag     = "PARTNERDESK_CRASH_TAG"     // makes the writer's invoices unique
	envBackups = "PARTNERDESK_CRASH_BACKUPS" // writer: take backups into this folder
	envArgs    = "PARTNERDESK_CRASH_ARGS"    // cli: arguments, separated by the unit separator 0x1f
)

// The writer's fixed world: one partner with a rep and a product, and one
// monthly program paying 5 % commission and a 10 % MDF accrual. Its clock
// stands far ahead, so every month it writes into is in the past.
const (
	partnerName     = "Alpha Reseller"
	repName         = "Ada"
	productSKU      = "LIC-1"
	firstMonth      = "2026-01-01"
	salesPerCycle   = 10
	salesPerMonth   = 30
	crashToday      = "2099-12-01"
	childExitFailed = 3
)

func crashNow() time.Time { return engine.MustDate(crashToday).Time().Add(9 * time.Hour) }

// TestMain runs the child's job instead of the tests when envMode is set,
// so the harness needs no second binary.
func TestMain(m *testing.M) {
	switch os.Getenv(envMode) {
	case "":
		os.Exit(m.Run())
	case "writer":
		os.Exit(runWriter(os.Getenv(envDB), os.Getenv(envTag), os.Getenv(envBackups)))
	case "upgrade":
		os.Exit(runUpgrade(os.Getenv(envDB)))
	case "cli":
		// One OS thread for the command's goroutine: strace counts a
		// call's invocations per thread, and the fault-injection tests
		// walk through them in order.
		runtime.LockOSThread()
		args := strings.Split(os.Getenv(envArgs), "\x1f")
		os.Exit(cli.Main(args, os.Stdout, os.Stderr, nil))
	default:
		fmt.Fprintf(os.Stderr, "unknown child mode %q\n", os.Getenv(envMode))
		os.Exit(childExitFailed)
	}
}

// printer writes one whole line per call with a single write, so that a
// line the parent reads was complete before the child went on, and lines
// from the writer and backup goroutines never interleave.
type printer struct {
	mu sync.Mutex
	w  io.Writer
}

func (p *printer) line(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	io.WriteString(p.w, fmt.Sprintf(format, args...)+"\n")
}

// runWriter opens the database and, until its stdin closes or it is
// killed, runs the period cycle: add sales, compute the first open month,
// approve its lines, pay them, and close the month once it holds enough
// sales. Each change is printed only after Update returned nil.
func runWriter(path, tag, backupDir string) int {
	st, err := data.Open(path, data.Options{Timeout: 5 * time.Second, Now: crashNow})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer: open:", err)
		return childExitFailed
	}
	svc := app.NewService(st, "crash", crashNow)
	out := &printer{w: os.Stdout}
	out.line("ready %d", os.Getpid())

	var stop atomic.Bool
	go func() {
		io.Copy(io.Discard, os.Stdin)
		stop.Store(true)
	}()
	var wg sync.WaitGroup
	if backupDir != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			backups(st, backupDir, out, &stop)
		}()
	}
	err = writeLoop(svc, tag, out, &stop)
	stop.Store(true)
	wg.Wait()
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		return childExitFailed
	}
	out.line("bye")
	return 0
}

func writeLoop(svc *app.Service, tag string, out *printer, stop *atomic.Bool) error {
	n := 0
	for !stop.Load() {
		month, err := firstOpenMonth(svc)
		if err != nil {
			return err
		}
		for i := 0; i < salesPerCycle && !stop.Load(); i++ {
			n++
			in := views.SaleInput{
				Date:    month.Start.AddDays(n % 28).String(),
				Partner: partnerName,
				Rep:     repName,
				// The tag keeps a restarted writer's lines from repeating
				// an earlier run's (a repeat asks for confirmation).
				Customer: fmt.Sprintf("Customer %s-%d", tag, n%17),
				Product:  productSKU,
				Quantity: fmt.Sprint(1 + n%3),
				// Prices with cents make rounding part of every line.
				UnitPrice: fmt.Sprintf("%d.%02d", 90+n%20, n%100),
				Invoice:   fmt.Sprintf("%s-%d", tag, n),
			}
			s, err := svc.AddSale(in, false)
			if err != nil {
				return fmt.Errorf("add sale %s: %w", in.Invoice, err)
			}
			out.line("sale %d %s %s", s.ID, s.Invoice, s.Net.String())
		}
		if stop.Load() {
			break
		}
		if err := settle(svc, month, out); err != nil {
			return err
		}
	}
	return nil
}

// settle computes, approves and pays the month, and closes it when it
// holds salesPerMonth sales or more.
func settle(svc *app.Service, month engine.Period, out *printer) error {
	sum, err := svc.ComputePeriod(month.Key, nil)
	if err != nil {
		return fmt.Errorf("compute %s: %w", month.Key, err)
	}
	out.line("computed %s %d", month.Key, sum.Lines)
	if _, err := svc.Approve(month.Key, nil, true); err != nil {
		return fmt.Errorf("approve %s: %w", month.Key, err)
	}
	approved, err := svc.Lines(month.Key, app.LineFilter{Status: engine.LineApproved})
	if err != nil {
		return err
	}
	var ids []string
	byPayee := map[engine.Payee][]engine.ID{}
	var payees []engine.Payee
	for _, l := range approved {
		ids = append(ids, fmt.Sprint(l.ID))
		if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
			if byPayee[l.Payee] == nil {
				payees = append(payees, l.Payee)
			}
			byPayee[l.Payee] = append(byPayee[l.Payee], l.ID)
		}
	}
	if len(ids) > 0 {
		out.line("approved %s %s", month.Key, strings.Join(ids, ","))
	}
	for _, py := range payees {
		po, err := svc.Pay(views.PayInput{Lines: byPayee[py], Method: "bank transfer", Reference: month.Key})
		if err != nil {
			return fmt.Errorf("pay %s: %w", month.Key, err)
		}
		out.line("paid %d %s %s", po.ID, po.Amount.String(), joinIDs(po.LineIDs))
	}
	sales, err := svc.SalesBetween(month.Start, month.End)
	if err != nil {
		return err
	}
	if len(sales) >= salesPerMonth {
		if _, err := svc.ClosePeriod(month.Key); err != nil {
			return fmt.Errorf("close %s: %w", month.Key, err)
		}
		out.line("closed %s", month.Key)
	}
	return nil
}

func joinIDs(ids []engine.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ",")
}

// firstOpenMonth is the first month from firstMonth on that is not closed.
func firstOpenMonth(svc *app.Service) (engine.Period, error) {
	m := engine.Month(engine.MustDate(firstMonth))
	var err error
	verr := svc.Store().View(func(tx *data.Tx) error {
		for tx.IsPeriodClosed(m.Key) {
			m = engine.Month(m.End.AddDays(1))
			if m.Start > engine.MustDate(crashToday) {
				err = fmt.Errorf("every month up to %s is closed", crashToday)
				return nil
			}
		}
		return nil
	})
	if verr != nil {
		return m, verr
	}
	return m, err
}

// backups takes a backup every few milliseconds while the writer runs.
// "backup-begin k" is printed before the backup's read transaction starts,
// so every change printed before it must be in backup k.
func backups(st *data.Store, dir string, out *printer, stop *atomic.Bool) {
	for k := 1; !stop.Load(); k++ {
		dst := filepath.Join(dir, fmt.Sprintf("backup-%03d.db", k))
		out.line("backup-begin %d", k)
		if err := st.Backup(dst); err != nil {
			out.line("backup-failed %d %s", k, strings.ReplaceAll(err.Error(), "\n", " "))
			continue
		}
		out.line("backup %d %s", k, dst)
		time.Sleep(15 * time.Millisecond)
	}
}

// runUpgrade opens (and so upgrades) an older file, then says so.
func runUpgrade(path string) int {
	fmt.Println("ready", os.Getpid())
	st, err := data.Open(path, data.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "upgrade: open:", err)
		return childExitFailed
	}
	fmt.Println("upgraded", st.SchemaVersion())
	if err := st.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "upgrade: close:", err)
		return childExitFailed
	}
	return 0
}

// seedWorld writes the writer's fixed world into a new database at path.
func seedWorld(path string) error {
	st, err := data.Open(path, data.Options{Now: crashNow})
	if err != nil {
		return err
	}
	svc := app.NewService(st, "crash", crashNow)
	err = func() error {
		if err := svc.SaveCompany(engine.Company{Name: "Crash Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}); err != nil {
			return err
		}
		p := engine.Partner{Name: partnerName, Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}
		if err := svc.SavePartner(&p); err != nil {
			return err
		}
		if err := svc.SaveRep(&engine.Rep{PartnerID: p.ID, Name: repName, Role: "sales", Active: true}); err != nil {
			return err
		}
		if err := svc.SaveProduct(&engine.Product{SKU: productSKU, Name: "Licence", Category: "licence", ListPrice: decimal.NewFromInt(100)}); err != nil {
			return err
		}
		_, err := svc.SaveProgram(engine.Program{Name: "Monthly commission and MDF", PeriodKind: engine.PeriodMonth,
			ValidFrom: engine.MustDate(firstMonth), Status: engine.ProgramActive, Rules: []engine.Rule{
				{Key: "commission", Name: "Commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: decimal.RequireFromString("5")}},
				{Key: "mdf", Name: "MDF", Kind: engine.RuleFund, Basis: engine.BasisRevenue, Fund: &engine.FundRule{Rate: decimal.NewFromInt(10), ValidityDays: 180, Fund: "MDF"}},
			}})
		return err
	}()
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}
