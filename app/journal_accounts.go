package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ReadChartFile reads a chart of accounts from a JSON or CSV file (by its
// extension; anything but .json is read as CSV or XLSX through the one
// sheet reader):
//
//	JSON: {"reward_expense": {"code": "6400", "name": "Partner incentives"}, ...}
//	CSV:  role,code,name   one row per role of engine.AccountRoles
//
// Every role must be given once; the chart is validated (codes unique and
// not empty, names not empty) and nothing is stored here.
func ReadChartFile(path string) (engine.ChartOfAccounts, error) {
	var c engine.ChartOfAccounts
	b, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("accounts file: %w", err)
	}
	if strings.EqualFold(filepath.Ext(path), ".json") {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return c, &engine.ValidationError{Field: "accounts", Reason: fmt.Sprintf("%s is not a chart of accounts in JSON (keys %s, each {\"code\": ..., \"name\": ...}): %v", filepath.Base(path), roleKeys(), err)}
		}
	} else if c, err = chartFromTable(b, filepath.Base(path)); err != nil {
		return c, err
	}
	c = c.Trimmed()
	if errs := c.Check(); errs != nil {
		return c, errs
	}
	return c, nil
}

func roleKeys() string {
	var ks []string
	for _, r := range engine.AccountRoles {
		ks = append(ks, r.Key)
	}
	return strings.Join(ks, ", ")
}

// chartFromTable reads the CSV (or XLSX) form: a header role, code, name
// and one row per role.
func chartFromTable(b []byte, name string) (engine.ChartOfAccounts, error) {
	var c engine.ChartOfAccounts
	t, err := sheet.Read(bytes.NewReader(b), name)
	if err != nil {
		return c, err
	}
	cols := map[string]int{}
	for _, h := range []string{"role", "code", "name"} {
		if cols[h] = t.Column(h); cols[h] < 0 {
			return c, &engine.ValidationError{Field: "accounts", Reason: fmt.Sprintf("%s line %d: the header needs the columns role, code and name", name, t.HeaderLine)}
		}
	}
	var errs engine.ValidationErrors
	seen := map[string]int{}
	err = t.Each(func(r sheet.Row) error {
		role := strings.ToLower(strings.TrimSpace(r.Cell(cols["role"])))
		a, ok := c.Role(role)
		switch {
		case !ok:
			errs = append(errs, &engine.ValidationError{Field: "role", Reason: fmt.Sprintf("line %d: %q is not a role: use %s", r.Line, role, roleKeys())})
		case seen[role] > 0:
			errs = append(errs, &engine.ValidationError{Field: "role", Reason: fmt.Sprintf("line %d: %s is already given on line %d", r.Line, role, seen[role])})
		default:
			seen[role] = r.Line
			a.Code, a.Name = sheet.UnescapeText(r.Cell(cols["code"])), sheet.UnescapeText(r.Cell(cols["name"]))
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	for _, r := range engine.AccountRoles {
		if seen[r.Key] == 0 {
			errs = append(errs, &engine.ValidationError{Field: "role", Reason: fmt.Sprintf("%s gives no %s account (%s)", name, r.Key, strings.ToLower(r.Label))})
		}
	}
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

// SaveBooks stores the company's bookkeeping settings (Settings > Books)
// and nothing else of the company: the chart of accounts, the CSV style and
// the point value, validated by engine.CheckBooks; a bad one is refused
// naming its field (accounts.bank.code, csv_style, point_value) and nothing
// is written.
func (s *Service) SaveBooks(in views.BooksInput) error {
	co, err := s.Company()
	if err != nil {
		return err
	}
	co.Accounts, co.CSVStyle, co.PointValue = in.Accounts, in.CSVStyle, decimal.Zero
	if t := strings.TrimSpace(in.PointValue); t != "" {
		if co.PointValue, err = s.ParseAmount("point_value", t); err != nil {
			return err
		}
	}
	if errs := engine.CheckBooks(co); errs != nil {
		return errs
	}
	return s.SaveCompany(co)
}
