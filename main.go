// Command partnerdesk runs a vendor's channel partner programs: with no verb
// it opens the desktop window, with a verb it does that one job and exits.
package main

import (
	"os"

	"partnerdesk/app"
	"partnerdesk/app/gui"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr, gui.Run))
}
