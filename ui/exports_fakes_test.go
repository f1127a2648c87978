package ui

import (
	"bytes"
	"os"

	"partnerdesk/engine"
)

// SaveStatementFile writes what the shared fake's WriteStatement writes
// to path, so the fake still serves the statements screen.
func (f *fakeBackend) SaveStatementFile(payee engine.Payee, period, format, path string) error {
	var b bytes.Buffer
	if err := f.WriteStatement(payee, period, format, &b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o600)
}
