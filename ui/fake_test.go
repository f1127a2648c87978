package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// fakeBackend is an in-memory Backend for the screen tests. It records what
// the screens send and answers with what a test sets up; the dashboard,
// programs, period run and statements screens have their fake in
// fake_services_test.go.
type fakeBackend struct {
	company  engine.Company
	operator string
	partners []engine.Partner
	reps     []engine.Rep
	products []engine.Product
	today    engine.Date

	// sales are the lines AddSale accepted; calls every call, with confirmed.
	sales []views.SaleInput
	calls []bool
	// addErr, when set, may refuse a line before it is stored.
	addErr func(in views.SaleInput, confirmed bool) error
	// removed are the sales RemoveSale took out (fake_sales_edit_test.go).
	removed map[engine.ID]bool
	// saveErr, when set, refuses SavePartner.
	saveErr error

	kinds     []string
	preview   views.ImportPreview
	dryRun    views.ImportSummary
	imported  views.ImportSummary
	mappings  map[string]views.ColumnMap
	templates []string
	progress  [][2]int
}

// newFake returns a backend with two partners (one with a Japanese name),
// reps and products.
func newFake() *fakeBackend {
	return &fakeBackend{
		company: engine.Company{Name: "Vendor Srl", Address: "Via Roma 1, Milano",
			Currency: engine.NewCurrency("EUR"), FiscalYearStart: 1, Language: "it"},
		operator: "Giulia",
		partners: []engine.Partner{
			{ID: 1, Name: "Acme Srl", Kind: engine.KindReseller, Country: "IT", Status: engine.StatusActive, ReferralCode: "ACME10"},
			{ID: 2, Name: "Nimbus Cloud GmbH", Kind: engine.KindMSP, Country: "DE", Status: engine.StatusActive},
			{ID: 3, Name: "株式会社ニンバス", Kind: engine.KindVAR, Country: "JP", Status: engine.StatusProspect},
			{ID: 4, Name: "Acme Distribution BV", Kind: engine.KindDistributor, Country: "NL", Status: engine.StatusActive},
		},
		reps: []engine.Rep{
			{ID: 11, PartnerID: 1, Name: "Ana Ruiz", Role: "sales", Active: true},
			{ID: 12, PartnerID: 1, Name: "Marco Bianchi", Role: "presales", Active: true},
			{ID: 21, PartnerID: 2, Name: "Jonas Weber", Role: "sales", Active: true},
		},
		products: []engine.Product{
			{ID: 101, SKU: "CRM-PRO", Name: "CRM Professional", ListPrice: decimal.RequireFromString("100")},
			{ID: 102, SKU: "CRM-ENT", Name: "CRM Enterprise", ListPrice: decimal.RequireFromString("250")},
			{ID: 103, SKU: "SUP-1Y", Name: "Support one year", ListPrice: decimal.RequireFromString("40")},
		},
		today:    engine.MustDate("2026-07-15"),
		kinds:    []string{"sales", "partners"},
		mappings: map[string]views.ColumnMap{},
	}
}

func (f *fakeBackend) Company() (engine.Company, error) { return f.company, nil }

func (f *fakeBackend) SaveCompany(c engine.Company) error {
	if strings.TrimSpace(c.Name) == "" {
		return engine.Invalid(CompanyName, "A company needs a name.")
	}
	f.company = c
	return nil
}

func (f *fakeBackend) OperatorName() string { return f.operator }

func (f *fakeBackend) SetOperator(name string) error {
	if name == "" {
		return engine.Invalid(FieldOperator, "Type your name: it goes into the audit trail.")
	}
	f.operator = name
	return nil
}

func (f *fakeBackend) Partners(query string) ([]engine.Partner, error) {
	q := strings.ToLower(query)
	var out []engine.Partner
	for _, p := range f.partners {
		if q == "" || strings.Contains(strings.ToLower(p.Name), q) ||
			strings.Contains(strings.ToLower(p.ReferralCode), q) || strings.EqualFold(p.Country, q) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (f *fakeBackend) Partner(id engine.ID) (engine.Partner, error) {
	for _, p := range f.partners {
		if p.ID == id {
			return p, nil
		}
	}
	return engine.Partner{}, fmt.Errorf("partner %d: %w", id, engine.ErrNotFound)
}

func (f *fakeBackend) SavePartner(p *engine.Partner) error {
	if f.saveErr != nil {
		return f.saveErr
	}
	if p.ID == 0 {
		p.ID = engine.ID(len(f.partners) + 1)
		f.partners = append(f.partners, *p)
		return nil
	}
	for i := range f.partners {
		if f.partners[i].ID == p.ID {
			f.partners[i] = *p
		}
	}
	return nil
}

func (f *fakeBackend) Reps(partnerID engine.ID) ([]engine.Rep, error) {
	var out []engine.Rep
	for _, r := range f.reps {
		if r.PartnerID == partnerID {
			out = append(out, r)
		}
	}
	return out, nil
}

func (f *fakeBackend) SaveRep(r *engine.Rep) error {
	if r.Name == "" {
		return engine.Invalid(RepName, "A rep needs a name.")
	}
	if r.ID == 0 {
		r.ID = engine.ID(100 + len(f.reps))
		f.reps = append(f.reps, *r)
		return nil
	}
	for i := range f.reps {
		if f.reps[i].ID == r.ID {
			f.reps[i] = *r
		}
	}
	return nil
}

func (f *fakeBackend) Products() ([]engine.Product, error) { return f.products, nil }

func (f *fakeBackend) AddSale(in views.SaleInput, confirmed bool) (engine.Sale, error) {
	f.calls = append(f.calls, confirmed)
	if f.addErr != nil {
		if err := f.addErr(in, confirmed); err != nil {
			return engine.Sale{}, err
		}
	}
	d, err := engine.ParseDate(in.Date)
	if err != nil {
		return engine.Sale{}, engine.Invalid(SaleDate, "%s", err.Error())
	}
	line, _ := strconv.Atoi(in.Line)
	q, _ := decimal.NewFromString(in.Quantity)
	f.sales = append(f.sales, in)
	return engine.Sale{ID: engine.ID(len(f.sales)), Date: d, PartnerID: in.PartnerID, RepID: in.RepID,
		ProductID: in.ProductID, Customer: in.Customer, Invoice: in.Invoice, Line: line, Quantity: q}, nil
}

func (f *fakeBackend) RecentSales(limit int) ([]views.SaleRow, error) {
	var rows []views.SaleRow
	for i := len(f.sales) - 1; i >= 0 && len(rows) < limit; i-- {
		in := f.sales[i]
		if f.removed[engine.ID(i+1)] {
			continue
		}
		q, _ := decimal.NewFromString(in.Quantity)
		p, _ := decimal.NewFromString(in.UnitPrice)
		rows = append(rows, views.SaleRow{
			Sale: engine.Sale{ID: engine.ID(i + 1), Date: engine.MustDate(in.Date), Customer: in.Customer, Quantity: q,
				UnitPrice: p, Net: q.Mul(p), Invoice: in.Invoice},
			Partner: in.Partner, Rep: in.Rep, Product: in.Product, Currency: f.company.Currency,
		})
	}
	return rows, nil
}

func (f *fakeBackend) Today() engine.Date { return f.today }

func (f *fakeBackend) ImportKinds() []string { return f.kinds }

func (f *fakeBackend) ImportPreview(kind, path string) (views.ImportPreview, error) {
	if path == "" || strings.HasSuffix(path, ".pdf") {
		return views.ImportPreview{}, errors.New("only CSV and XLSX files can be imported")
	}
	p := f.preview
	p.Kind = kind
	if m, ok := f.mappings[kind]; ok {
		p.Mapping, p.Remembered = m, true
	}
	return p, nil
}

func (f *fakeBackend) SaveColumns(kind string, m views.ColumnMap) error {
	f.mappings[kind] = m
	return nil
}

func (f *fakeBackend) CheckFile(kind, path string, m views.ColumnMap) (views.ImportSummary, error) {
	return f.dryRun, nil
}

func (f *fakeBackend) ImportFile(kind, path string, m views.ColumnMap, progress func(done, total int)) (views.ImportSummary, error) {
	for i := 1; i <= f.imported.Rows; i++ {
		progress(i, f.imported.Rows)
		f.progress = append(f.progress, [2]int{i, f.imported.Rows})
	}
	return f.imported, nil
}

func (f *fakeBackend) SaveTemplate(kind, path string) error {
	f.templates = append(f.templates, kind+" "+path)
	return nil
}
