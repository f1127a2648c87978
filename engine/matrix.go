package engine

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// weights returns the four cells in class order (new/new, new/existing,
// existing/new, existing/existing). A weight of 0 is 0: the cell earns
// nothing.
func (m *Matrix) weights() [4]decimal.Decimal {
	return [4]decimal.Decimal{m.NewNew, m.NewExisting, m.ExistingNew, m.ExistingExisting}
}

// UnitMatrix returns a matrix that weighs every cell 1, to change from.
func UnitMatrix() Matrix {
	return Matrix{NewNew: unitWeight, NewExisting: unitWeight, ExistingNew: unitWeight, ExistingExisting: unitWeight}
}

// UnmarshalJSON reads a matrix in which a cell left out (or null) weighs
// the default 1 and a cell written 0 weighs 0.
func (m *Matrix) UnmarshalJSON(b []byte) error {
	var raw struct {
		NewNew           decimal.NullDecimal `json:"new_customer_new_product"`
		NewExisting      decimal.NullDecimal `json:"new_customer_existing_product"`
		ExistingNew      decimal.NullDecimal `json:"existing_customer_new_product"`
		ExistingExisting decimal.NullDecimal `json:"existing_customer_existing_product"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	cell := func(n decimal.NullDecimal) decimal.Decimal {
		if n.Valid {
			return n.Decimal
		}
		return unitWeight
	}
	*m = Matrix{NewNew: cell(raw.NewNew), NewExisting: cell(raw.NewExisting), ExistingNew: cell(raw.ExistingNew), ExistingExisting: cell(raw.ExistingExisting)}
	return nil
}
