// Package ui holds Partnerdesk's Fyne screens: a Shell with a sidebar of
// areas (dashboard, partners, sales, programs, period run, statements,
// import, settings), the forms and lists of each area, the keyboard
// shortcuts and the bundled-font theme.
//
// The package is handed the window and the app by package app and asks a
// Backend for everything: it parses no amounts, applies no business rule and
// never imports fyne.io/fyne/v2/app, the store or bbolt, so its tests build
// with CGO_ENABLED=0 and run without a display.
//
// A screen is a small struct with a constructor, on-event handlers and a
// build method; it registers itself with RegisterScreen from an init
// function in its own file.
//
// # Caveats
//
// Suggestions of the completion fields are drawn inside the form, not in a
// pop-up: a Fyne pop-up takes the keyboard focus away from the field being
// typed in.
package ui
