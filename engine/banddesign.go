package engine

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// The band designer's arithmetic: what a band table pays along its basis
// under the retroactive and the marginal reading, where it jumps, and what
// is wrong with it. Pure; the screen draws it.

// BandPoint is what a band table pays at one basis under both readings
// (full precision, before any multiplier, cap or rounding).
type BandPoint struct {
	Basis       decimal.Decimal `json:"basis"`
	Retroactive decimal.Decimal `json:"retroactive"`
	Marginal    decimal.Decimal `json:"marginal"`
}

// BandPay returns what bands pay on basis under mode (a rate is a percent
// of revenue, or an amount per unit when units).
func BandPay(bands []Band, mode BandMode, units bool, basis decimal.Decimal) decimal.Decimal {
	if len(bands) == 0 {
		return decimal.Zero
	}
	b := BasisRevenue
	if units {
		b = BasisUnits
	}
	full, _ := RateAmount(&Rule{Basis: b, Rate: &RateRule{Bands: bands, Mode: mode}}, "", basis, "", Currency{})
	return full
}

// BandCurve returns the payout at 0, just below and at every band's start
// (step below it: one currency unit, or one unit), and at upTo (when above
// the last start; zero: the last start plus half of it, or 1,000 for a
// single band), ordered by basis.
func BandCurve(bands []Band, units bool, step, upTo decimal.Decimal) []BandPoint {
	at := []decimal.Decimal{decimal.Zero}
	for _, b := range bands {
		if b.From.IsPositive() {
			if below := b.From.Sub(step); below.IsPositive() {
				at = append(at, below)
			}
			at = append(at, b.From)
		}
	}
	if upTo.IsZero() && len(bands) > 0 {
		last := bands[len(bands)-1].From
		upTo = last.Add(last.Div(decimal.NewFromInt(2)))
		if !last.IsPositive() {
			upTo = decimal.NewFromInt(1000)
		}
	}
	at = append(at, upTo)
	slices.SortFunc(at, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	at = slices.CompactFunc(at, func(a, b decimal.Decimal) bool { return a.Equal(b) })
	out := make([]BandPoint, 0, len(at))
	for _, x := range at {
		if x.IsNegative() {
			continue
		}
		out = append(out, BandPoint{Basis: x, Retroactive: BandPay(bands, Retroactive, units, x), Marginal: BandPay(bands, Marginal, units, x)})
	}
	return out
}

// BandCliff is a band start where one more step of basis changes the
// payout by more than the band's own rate on that step would: under the
// retroactive reading the whole basis moves to the new rate at once.
type BandCliff struct {
	Band  int             `json:"band"` // index of the band that starts here
	Mode  BandMode        `json:"mode"`
	From  decimal.Decimal `json:"from"`
	Below decimal.Decimal `json:"below"` // payout one step below From
	At    decimal.Decimal `json:"at"`    // payout at From
	Jump  decimal.Decimal `json:"jump"`  // At - Below
}

// BandCliffs lists the cliffs of bands under both readings, in band order,
// retroactive first.
func BandCliffs(bands []Band, units bool, step decimal.Decimal) []BandCliff {
	var out []BandCliff
	for _, mode := range []BandMode{Retroactive, Marginal} {
		for i := 1; i < len(bands); i++ {
			from := bands[i].From
			below := from.Sub(step)
			if below.IsNegative() {
				continue
			}
			lo, hi := BandPay(bands, mode, units, below), BandPay(bands, mode, units, from)
			jump := hi.Sub(lo)
			if jump.Abs().GreaterThan(onBasis(step, bands[i].Rate, units).Abs()) {
				out = append(out, BandCliff{Band: i, Mode: mode, From: from, Below: lo, At: hi, Jump: jump})
			}
		}
	}
	return out
}

// BandProblems names what is wrong with a band table before it is saved,
// with paths under field ("rules[0].rate.bands"): a first band that does
// not start at 0 (a gap: a basis below it pays nothing), bands out of order
// or starting at the same basis (an overlap), a negative rate, and a rate
// lower than the band before under the retroactive reading (more sales
// would pay less: warned, not refused).
func BandProblems(field string, bands []Band, mode BandMode) (errs, warnings ValidationErrors) {
	for i, b := range bands {
		at := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case i == 0 && !b.From.IsZero():
			errs = append(errs, &ValidationError{Field: at + ".from", Reason: fmt.Sprintf("the first band must start from 0: a basis below %s would pay nothing (a gap)", b.From)})
		case i > 0 && b.From.Equal(bands[i-1].From):
			errs = append(errs, &ValidationError{Field: at + ".from", Reason: fmt.Sprintf("two bands start at %s (an overlap)", b.From)})
		case i > 0 && b.From.LessThan(bands[i-1].From):
			errs = append(errs, &ValidationError{Field: at + ".from", Reason: fmt.Sprintf("this band starts at %s, below the band before it (%s): bands go up in order", b.From, bands[i-1].From)})
		}
		if b.Rate.IsNegative() {
			errs = append(errs, &ValidationError{Field: at + ".rate", Reason: "must not be negative"})
		}
		if i > 0 && mode != Marginal && b.Rate.LessThan(bands[i-1].Rate) {
			warnings = append(warnings, &ValidationError{Field: at + ".rate", Reason: fmt.Sprintf("%s is below the band before (%s): under the retroactive reading more sales would pay less", b.Rate, bands[i-1].Rate)})
		}
	}
	return errs, warnings
}

// BandDesign is everything the band designer shows for one band table:
// the payout curve under both readings, the cliffs, and what is wrong.
type BandDesign struct {
	Mode     BandMode         `json:"mode"`  // the reading the rule uses
	Units    bool             `json:"units"` // rates are amounts per unit
	Curve    []BandPoint      `json:"curve"`
	Cliffs   []BandCliff      `json:"cliffs"`
	Errors   ValidationErrors `json:"errors,omitempty"`   // a save refuses these (gap before the first band, overlaps, order, negative rates)
	Warnings ValidationErrors `json:"warnings,omitempty"` // allowed, worth a second look
}

// DesignBands is the band designer's view of bands read under mode: the
// curve and cliffs with a step of one currency unit (or one unit), up to
// upTo (zero: past the last band, see BandCurve), and the problems named
// under field. Bands out of order are drawn in order of their start.
func DesignBands(field string, bands []Band, mode BandMode, units bool, upTo decimal.Decimal) BandDesign {
	d := BandDesign{Mode: mode, Units: units}
	if d.Mode == "" {
		d.Mode = Retroactive
	}
	d.Errors, d.Warnings = BandProblems(field, bands, d.Mode)
	sorted := slices.Clone(bands)
	slices.SortStableFunc(sorted, func(a, b Band) int { return a.From.Cmp(b.From) })
	gap := len(sorted) > 0 && sorted[0].From.IsPositive()
	if gap {
		// What a gap means: a basis below the first band pays nothing.
		sorted = append([]Band{{From: decimal.Zero, Rate: decimal.Zero}}, sorted...)
	}
	one := decimal.NewFromInt(1)
	d.Curve = BandCurve(sorted, units, one, upTo)
	d.Cliffs = BandCliffs(sorted, units, one)
	if gap {
		for i := range d.Cliffs {
			d.Cliffs[i].Band-- // the index among the bands as typed, in order
		}
	}
	return d
}
