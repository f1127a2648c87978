package reports

import (
	"strconv"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// formatter prints a statement's figures in its language, through the same
// package (engine/i18n) the screens use, so both show 1.234,56 the same way.
type formatter struct {
	lang string
	cur  engine.Currency
}

func newFormatter(st *Statement) formatter {
	return formatter{lang: i18n.Normalize(st.Language), cur: st.Company.Currency}
}

func (f formatter) money(d decimal.Decimal) string { return i18n.Money(d, f.cur, f.lang) }

func (f formatter) points(p int64) string {
	return Label(f.lang, "points_unit", "points", i18n.Points(p, f.lang))
}

func (f formatter) date(d engine.Date) string { return i18n.Date(d, f.lang) }

func (f formatter) label(key string, kv ...string) string { return Label(f.lang, key, kv...) }

// lineFigure is what a line's amount column prints: money, points, or both
// when a line carries both.
func (f formatter) lineFigure(l Line) string {
	switch {
	case !l.FundCredit.IsZero() && l.Amount.IsZero() && l.Points == 0:
		return f.label("to_fund", "amount", f.money(l.FundCredit))
	case l.Points != 0 && l.Amount.IsZero():
		return f.points(l.Points)
	case l.Points != 0:
		return f.money(l.Amount) + " + " + f.points(l.Points)
	}
	return f.money(l.Amount)
}

func itoa(n int) string { return strconv.Itoa(n) }
