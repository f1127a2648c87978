// Package views holds the values the use cases take and return: the typed
// inputs of the forms (a sale, a registration, a payout as typed) and the
// read models the screens and the command line show (the dashboard, a
// period's review, a statement's summary, a payee reference...).
//
// They are declared once, here, so that app returns them and ui shows them
// with no copy and no conversion in between: ui declares the small
// interfaces it needs over these types and *app.Service satisfies them.
// The package touches neither the store nor the toolkit: it imports engine,
// decimal and the standard library only, and holds no rule beyond trivial
// accessors (a rule belongs to engine, a use case to app).
package views
