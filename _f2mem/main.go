// Command f2mem is the command line without the window, for helper F2's
// memory measurements (not part of the product; removed after).
package main

import (
	"os"

	"partnerdesk/app/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, nil)) }
