// Command partnerdesk runs a vendor's channel partner programs: with no verb
// it opens the desktop window, with a verb it does that one job and exits.
package main

import (
	"os"

	"partnerdesk/app/cli"
	"partnerdesk/app/gui"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, gui.Run))
}
