package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

func init() {
	register(&verb{name: "path", summary: "print the database file's path", noStore: true, run: func(c *cmd, _ []string) error {
		fmt.Fprintln(c.stdout, c.dbPath)
		return nil
	}})
	register(&verb{name: "init", args: "[--company NAME] [--currency EUR] [--minor-units N] [--fy-start 1-12] [--language en]",
		summary: "create the database and set the company", run: runInit})
	register(&verb{name: "company", args: "[--name N] [--address A] [--tax-id T|-] [--currency C] [--minor-units N] [--fy-start M] [--language L] [--logo FILE] [--accounts FILE] [--csv-style comma|semicolon] [--point-value X]",
		summary: "show the company, or change what the flags give; --accounts reads the journal's chart of accounts (JSON or CSV role,code,name), --csv-style how CSV files are written, --point-value what a point is worth in the journal (0: nothing), --tax-id the VAT id printed on self-billed invoices (- removes it)", run: runCompany})
	register(&verb{name: "demo", args: "[--if-missing] [--seed N] [--through DATE] [--raw]",
		summary: "create the demo company (twelve months of data) in an empty database", noStore: true, run: runDemo})
	register(&verb{name: "backup", args: "[FILE]", summary: "write a consistent copy of the database (default: backups/ beside it)", run: runBackup})
	register(&verb{name: "restore", args: "FILE", summary: "check a backup, then put it in place of the database", noStore: true, run: runRestore})
	register(&verb{name: "check", args: "[FILE]", summary: "verify a database file: bbolt consistency and the app's invariants", noStore: true, run: runCheck})
}

func runInit(c *cmd, args []string) error {
	fs := c.flags()
	name := fs.String("company", "", "company name")
	cur := fs.String("currency", "EUR", "ISO 4217 code")
	mu := fs.Int("minor-units", -1, "minor units of the currency (default: the code's)")
	fy := fs.Int("fy-start", 1, "month the fiscal year starts")
	lang := fs.String("language", "en", "statement language default")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	co, err := c.svc.Company()
	if err != nil {
		return err
	}
	if *name != "" {
		co.Name = *name
	}
	if co.Name == "" {
		co.Name = "My company"
	}
	co.Currency = engine.NewCurrency(strings.ToUpper(*cur))
	if *mu >= 0 {
		co.Currency.MinorUnits = int32(*mu)
	}
	co.FiscalYearStart, co.Language = time.Month(*fy), *lang
	if err := c.svc.SaveCompany(co); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "database %s ready for %s (%s)\n", c.svc.Path(), co.Name, co.Currency.Code)
	return nil
}

func runCompany(c *cmd, args []string) error {
	fs := c.flags()
	name := fs.String("name", "", "")
	addr := fs.String("address", "", "")
	taxID := fs.String("tax-id", "", "the company's VAT or tax id; \"-\" removes it")
	cur := fs.String("currency", "", "")
	mu := fs.Int("minor-units", -1, "")
	fy := fs.Int("fy-start", 0, "")
	lang := fs.String("language", "", "")
	logo := fs.String("logo", "", "PNG or JPEG file")
	accounts := fs.String("accounts", "", "chart of accounts, JSON or CSV (role,code,name)")
	csvStyle := fs.String("csv-style", "", "comma or semicolon")
	pointValue := fs.String("point-value", "", "money per point in the journal; 0: points carry no money")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	co, err := c.svc.Company()
	if err != nil {
		return err
	}
	changed := false
	set := func(cond bool, f func()) {
		if cond {
			f()
			changed = true
		}
	}
	set(*name != "", func() { co.Name = *name })
	set(*addr != "", func() { co.Address = cliLines(*addr) })
	set(*taxID != "", func() {
		if co.TaxID = *taxID; co.TaxID == "-" {
			co.TaxID = ""
		}
	})
	set(*cur != "", func() { co.Currency = engine.NewCurrency(strings.ToUpper(*cur)) })
	set(*mu >= 0, func() { co.Currency.MinorUnits = int32(*mu) })
	set(*fy != 0, func() { co.FiscalYearStart = time.Month(*fy) })
	set(*lang != "", func() { co.Language = *lang })
	if *logo != "" {
		b, err := app.ReadLogo(*logo)
		if err != nil {
			return err
		}
		co.Logo, changed = b, true
	}
	if *accounts != "" {
		chart, err := app.ReadChartFile(*accounts)
		if err != nil {
			return err
		}
		co.Accounts, changed = chart, true
	}
	set(*csvStyle != "", func() { co.CSVStyle = strings.ToLower(strings.TrimSpace(*csvStyle)) })
	if *pointValue != "" {
		v, err := c.svc.ParseAmount("point_value", *pointValue)
		if err != nil {
			return err
		}
		co.PointValue, changed = v, true
	}
	if changed {
		if err := c.svc.SaveCompany(co); err != nil {
			return err
		}
		// As stored: the tax id and the address normalised.
		if co, err = c.svc.Company(); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.stdout, "name:        %s\naddress:     %s\ntax id:      %s\ncurrency:    %s (%d minor units)\nfiscal year: starts in month %d\nlanguage:    %s\nlogo:        %d bytes\n",
		co.Name, strings.ReplaceAll(co.Address, "\n", ", "), co.TaxID, co.Currency.Code, co.Currency.MinorUnits, int(co.FiscalYearStart), co.Language, len(co.Logo))
	fmt.Fprintf(c.stdout, "csv style:   %s\npoint value: %s\naccounts:\n", co.CSVStyle, pointValueText(co))
	for _, r := range engine.AccountRoles {
		a, _ := co.Accounts.Role(r.Key)
		fmt.Fprintf(c.stdout, "  %-20s %-8s %s\n", r.Key, a.Code, a.Name)
	}
	return nil
}

func runDemo(c *cmd, args []string) error {
	fs := c.flags()
	ifMissing := fs.Bool("if-missing", false, "do nothing when the database exists")
	seed := fs.Int64("seed", 1, "random seed")
	through := fs.String("through", "", "last day of the demo's twelve months (default: the end of last month)")
	raw := fs.Bool("raw", false, "only the data: compute, approve, pay and close nothing")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if _, err := os.Stat(c.dbPath); err == nil {
		if *ifMissing {
			return nil
		}
	}
	end := engine.DateOf(time.Now()).AddDays(0)
	y, m, _ := end.YMD()
	end = engine.NewDate(y, m, 1).AddDays(-1)
	if *through != "" {
		d, err := engine.ParseDate(*through)
		if err != nil {
			return usagef("--through: %v", err)
		}
		end = d
	}
	return c.withService(func() error {
		ds := demo.Generate(*seed, end)
		if err := c.svc.LoadDataset(ds, terminalBar(c.stderr, "demo")); err != nil {
			return err
		}
		if !*raw {
			if err := c.svc.SettleDemo(end, terminalBar(c.stderr, "periods")); err != nil {
				return err
			}
		}
		fmt.Fprintf(c.stdout, "demo company %s written to %s: %d partners, %d reps, %d products, %d programs, %d sales through %s\n",
			ds.Company.Name, c.svc.Path(), len(ds.Partners), len(ds.Reps), len(ds.Products), len(ds.Programs), len(ds.Sales), end)
		return nil
	})
}

func runBackup(c *cmd, args []string) error {
	fs := c.flags()
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	dst := ""
	if len(pos) == 1 {
		dst = pos[0]
		if err := c.svc.BackupTo(dst); err != nil {
			return err
		}
	} else if dst, err = c.svc.BackupNow(); err != nil {
		// A new file in backups/ beside the database, never one replaced.
		return err
	}
	fmt.Fprintf(c.stdout, "backup written to %s (checked)\n", dst)
	return nil
}

func runRestore(c *cmd, args []string) error {
	fs := c.flags()
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	kept, err := app.Restore(pos[0], c.dbPath)
	if err != nil {
		return err
	}
	if kept == "" {
		fmt.Fprintf(c.stdout, "%s checked and restored to %s\n", pos[0], c.dbPath)
		return nil
	}
	fmt.Fprintf(c.stdout, "%s checked and restored to %s; the replaced file is kept as %s\n", pos[0], c.dbPath, kept)
	return nil
}

func runCheck(c *cmd, args []string) error {
	fs := c.flags()
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	path := c.dbPath
	if len(pos) == 1 {
		path = pos[0]
	}
	rep, err := app.CheckDatabase(path)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, rep.String())
	if !rep.OK() {
		return errors.New("the check found problems")
	}
	return nil
}

// parseIDs reads "3,4,9" or "3 4 9".
func parseIDs(s string) ([]engine.ID, error) {
	var out []engine.ID
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.ParseUint(strings.TrimLeft(f, "#"), 10, 64)
		if err != nil || n == 0 {
			return nil, fmt.Errorf("%q is not a line id", f)
		}
		out = append(out, engine.ID(n))
	}
	return out, nil
}

func pointValueText(co engine.Company) string {
	if co.PointValue.IsZero() {
		return "none (points carry no money in the journal)"
	}
	return co.PointValue.String() + " " + co.Currency.Code
}
