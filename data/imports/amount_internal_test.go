package imports

import (
	"math/rand"
	"testing"

	"partnerdesk/data/sheet"
)

// TestPlainAmountIsParseMoneyIn: the fast path reads every amount it
// takes exactly as sheet.ParseMoneyIn does (same coefficient and
// exponent, so the same stored text), in both notations; random cells of
// digits, separators, signs and spaces, and the classic traps.
func TestPlainAmountIsParseMoneyIn(t *testing.T) {
	cells := []string{"0", "-0", "10", "10.00", "10,00", "1.234", "1,234", "007.50", "-0.5", "123456789012345678",
		"1234567890123456789", "1.", ".5", "1.2.3", "1,2", "--5", "-", "", "5-", "1e3", "99,999", "0,001", "-12,5"}
	r := rand.New(rand.NewSource(1))
	const alphabet = "0123456789.,- "
	for i := 0; i < 20000; i++ {
		b := make([]byte, 1+r.Intn(8))
		for j := range b {
			b[j] = alphabet[r.Intn(len(alphabet))]
		}
		cells = append(cells, string(b))
	}
	taken := 0
	for _, s := range cells {
		for _, comma := range []bool{false, true} {
			got, ok := plainAmount(s, comma)
			if !ok {
				continue
			}
			taken++
			want, err := sheet.ParseMoneyIn(s, comma, "EUR")
			if err != nil || got.Coefficient().Cmp(want.Coefficient()) != 0 || got.Exponent() != want.Exponent() {
				t.Errorf("%q (decimal comma %v): fast %s (%s e%d), ParseMoneyIn %s (%s e%d) %v", s, comma,
					got, got.Coefficient().String(), got.Exponent(), want, want.Coefficient().String(), want.Exponent(), err)
			}
		}
	}
	if taken < 1000 {
		t.Errorf("the fast path took only %d cells", taken)
	}
}
