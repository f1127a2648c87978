package main

// The store, PDF and XLSX libraries are imported here until their packages
// use them, so that `go mod tidy` keeps them. (Removed once wired.)
import (
	_ "github.com/jung-kurt/gofpdf"
	_ "github.com/xuri/excelize/v2"
	_ "go.etcd.io/bbolt"
)
