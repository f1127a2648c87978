package data

import "partnerdesk/engine"

// WriteSchema1File writes a new schema-1 file at path holding sales (and a
// partner and product for each id they name), laid out exactly as schema 1
// was. It exists for tests outside this package, such as the crash harness
// that kills a process in the middle of the upgrade; the app never calls it.
func WriteSchema1File(path string, sales []engine.Sale) error { return createV1(path, sales) }
