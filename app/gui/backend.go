package gui

import (
	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/ui"
)

// Backend adapts the app's use cases to the interfaces the screens declare.
// It converts types and nothing else: every rule lives in app or engine.
type Backend struct {
	*app.Service
}

// NewBackend returns the screens' backend over svc.
func NewBackend(svc *app.Service) *Backend { return &Backend{Service: svc} }

var _ ui.Backend = (*Backend)(nil)

// Company implements ui.SettingsBackend.
func (b *Backend) Company() (engine.Company, error) { return b.Service.Company() }

// SaveCompany implements ui.SettingsBackend.
func (b *Backend) SaveCompany(c engine.Company) error { return b.Service.SaveCompany(c) }

// Operator implements ui.SettingsBackend.
func (b *Backend) Operator() string { return b.Service.Operator }

// SetOperator implements ui.SettingsBackend.
func (b *Backend) SetOperator(name string) error { return b.Service.SetOperator(name) }

// Partners implements ui.PartnersBackend.
func (b *Backend) Partners(query string) ([]engine.Partner, error) { return b.Service.Partners(query) }

// Partner implements ui.PartnersBackend.
func (b *Backend) Partner(id engine.ID) (engine.Partner, error) { return b.Service.Partner(id) }

// SavePartner implements ui.PartnersBackend.
func (b *Backend) SavePartner(p *engine.Partner) error { return b.Service.SavePartner(p) }

// Reps implements ui.PartnersBackend.
func (b *Backend) Reps(partnerID engine.ID) ([]engine.Rep, error) {
	rs, err := b.Service.Reps(partnerID)
	sortReps(rs)
	return rs, err
}

// SaveRep implements ui.PartnersBackend.
func (b *Backend) SaveRep(r *engine.Rep) error { return b.Service.SaveRep(r) }

// Products implements ui.SalesBackend.
func (b *Backend) Products() ([]engine.Product, error) { return b.Service.Products() }

// Today implements ui.SalesBackend and ui.PeriodService.
func (b *Backend) Today() engine.Date { return b.Service.Today() }

// AddSale implements ui.SalesBackend.
func (b *Backend) AddSale(in ui.SaleInput, confirmed bool) (engine.Sale, error) {
	ai := app.SaleInput{
		Date: in.Date, Partner: in.Partner, Rep: in.Rep, Customer: in.Customer,
		NewCustomer: in.NewCustomer, NewProduct: in.NewProduct, Product: in.Product,
		Quantity: in.Quantity, UnitPrice: in.UnitPrice, Net: in.Net, Invoice: in.Invoice,
		Line: in.Line, Registration: in.Registration, OriginalInvoice: in.OriginalInvoice,
		ReferralCode: in.ReferralCode,
	}
	// A value picked from a completion list is passed by id, so a name
	// that two partners share still finds the one the user chose.
	if in.PartnerID != 0 {
		ai.Partner = idRef("P", in.PartnerID)
	}
	if in.RepID != 0 {
		ai.Rep = idRef("R", in.RepID)
	}
	if in.ProductID != 0 {
		ai.Product = idRef("", in.ProductID)
	}
	return b.Service.AddSale(ai, confirmed)
}

// RecentSales implements ui.SalesBackend.
func (b *Backend) RecentSales(limit int) ([]ui.SaleRow, error) {
	rs, err := b.Service.RecentSales(limit)
	if err != nil {
		return nil, err
	}
	// The list writes numbers the way the company's language does.
	co, err := b.Service.Company()
	if err != nil {
		return nil, err
	}
	out := make([]ui.SaleRow, len(rs))
	for i, r := range rs {
		out[i] = ui.SaleRow{Sale: r.Sale, Partner: r.Partner, Rep: r.Rep, Product: r.Product, Currency: r.Currency, Language: co.Language}
	}
	return out, nil
}
