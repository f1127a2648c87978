package i18n_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func ExampleExplain() {
	eur := engine.NewCurrency("EUR")
	e := engine.Explanation{
		Key: "rate.retroactive",
		Args: []engine.Arg{
			engine.TextArg("rule", "Volume rebate"),
			engine.MoneyArg("basis", decimal.RequireFromString("102500.50"), eur),
			engine.PeriodArg("period", "2026-Q3"),
			engine.NumberArg("from", decimal.RequireFromString("100000.00")),
			engine.PercentArg("rate", decimal.NewFromInt(5)),
			engine.KeyArg("mode", "word.retroactive"),
			// 102,500.50 x 5 % = 5,125.025 -> 5,125.03.
			engine.MoneyArg("amount", decimal.RequireFromString("5125.03"), eur),
		},
	}
	fmt.Println(i18n.Explain(e, "en"))
	fmt.Println(i18n.Explain(e, "de"))
	// Output:
	// Volume rebate: 102,500.50 EUR in 2026-Q3 reaches band from 100,000.00 at 5 % (retroactive) = 5,125.03 EUR
	// Volume rebate: 102.500,50 EUR in 2026-Q3 erreicht die Staffel ab 100.000,00 zu 5 % (rückwirkend) = 5.125,03 EUR
}

func ExampleMoney() {
	fmt.Println(i18n.Money(decimal.RequireFromString("-12.345"), engine.NewCurrency("EUR"), "en"))
	fmt.Println(i18n.Money(decimal.RequireFromString("1234.5"), engine.NewCurrency("JPY"), "it"))
	// Output:
	// -12.35 EUR
	// 1.235 JPY
}

func ExamplePeriodName() {
	for _, lang := range []string{"en", "it", "es"} {
		fmt.Println(i18n.PeriodName("2026-07", lang), "/", i18n.PeriodName("2026-Q3", lang))
	}
	// Output:
	// July 2026 / Q3 2026
	// luglio 2026 / 3º trimestre 2026
	// julio de 2026 / 3.er trimestre de 2026
}
