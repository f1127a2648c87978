package views

import "partnerdesk/engine"

// ProgramTemplate names one ready-made program the window offers under
// "New from template" (`partnerdesk program templates`).
type ProgramTemplate struct {
	Name    string // what `program new --template` takes
	Title   string // the program's name
	Summary string // the program real vendors run that it expresses
}

// ProgramChoices is what the program editor offers to pick by typing: the
// company's products (by SKU), categories, partners (by name or code) and
// tier levels, lowest first.
type ProgramChoices struct {
	Products   []ProductChoice
	Categories []string
	Partners   []PartnerChoice
	Tiers      []string
}

// ProductChoice is one product to pick by its SKU.
type ProductChoice struct {
	SKU, Name, Category string
}

// PartnerChoice is one partner to pick by name or referral code.
type PartnerChoice struct {
	ID   engine.ID
	Name string
	Code string
}
