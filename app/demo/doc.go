// Package demo builds Partnerdesk's demonstration and scale data as plain
// engine values: a small vendor's year of channel business (Generate) and a
// large synthetic load for benchmarks and the scale report (Scale).
//
// It does no I/O: the caller writes the Dataset to the store. Every ID is
// pre-assigned from 1 per kind and every reference uses those IDs, so a store
// that keeps given IDs loads the data as it is.
//
// Both generators are deterministic: the same arguments give the same
// Dataset, byte for byte once encoded. They never read the clock.
//
// # Caveats
//
// NewCustomer and NewProduct are true by construction within the data set
// only: the first invoice of a customer in the twelve months is its first
// ever, as if the vendor had no business before the window.
package demo
