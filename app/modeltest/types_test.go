package modeltest

import (
	"partnerdesk/app"
	"partnerdesk/engine/views"
)

// The use cases' input types, named once here: they are moving from app to
// engine/views (STYLE: declared in a package that touches neither the store
// nor the toolkit), and only this file follows them.
type (
	saleInput         = views.SaleInput
	registrationInput = views.RegistrationInput
	trainingInput     = views.TrainingInput
	activityInput     = views.ActivityInput
	claimInput        = app.ClaimInput
	redeemInput       = app.RedeemInput
	payInput          = views.PayInput
)
