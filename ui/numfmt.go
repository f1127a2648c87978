package ui

// How every screen writes money, amounts, points, percentages and growth:
// through engine/i18n, in the window's language, so screens and statements
// agree.

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// numFmt formats figures in the operator's language and the company's
// currency, through engine/i18n, so screens and statements agree.
type numFmt struct {
	lang string
	cur  engine.Currency
}

func (f numFmt) money(d decimal.Decimal) string { return i18n.Money(d, f.cur, f.lang) }

// amount is money without the currency code, for a column whose header
// names it.
func (f numFmt) amount(d decimal.Decimal) string { return i18n.Number(d, f.cur.MinorUnits, f.lang) }

func (f numFmt) percent(d decimal.Decimal) string { return i18n.Percent(d.Round(1), f.lang) }

func (f numFmt) points(p int64) string { return Tf("%s points", i18n.Points(p, f.lang)) }

func (f numFmt) pointsBare(p int64) string { return i18n.Points(p, f.lang) }

// growth prints a signed percentage, or a dash when there is nothing to compare.
func (f numFmt) growth(g decimal.NullDecimal) string {
	if !g.Valid {
		return "–"
	}
	s := f.percent(g.Decimal)
	if g.Decimal.IsPositive() {
		s = "+" + s
	}
	return s
}

// compact prints a chart label: 12,345.67 becomes "12.3k", 2,500,000 "2.5M".
func (f numFmt) compact(d decimal.Decimal) string {
	a := d.Abs()
	switch {
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000_000)):
		return i18n.Number(d.Shift(-6).Round(1), 1, f.lang) + "M"
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000)):
		return i18n.Number(d.Shift(-3).Round(1), 1, f.lang) + "k"
	}
	return i18n.Number(d.Round(0), 0, f.lang)
}

// cell formats one detail cell.
func (f numFmt) cell(c views.Cell) string {
	switch c.Kind {
	case views.CellMoney:
		return f.money(c.Dec)
	case views.CellNumber:
		places := int32(0)
		if e := c.Dec.Exponent(); e < 0 {
			places = -e
		}
		return i18n.Number(c.Dec, places, f.lang)
	case views.CellPoints:
		return i18n.Points(c.Dec.IntPart(), f.lang)
	case views.CellDate:
		return i18n.Date(c.Date, f.lang)
	}
	return c.Text
}
