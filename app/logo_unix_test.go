//go:build unix

package app_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"partnerdesk/app"
)

// TestReadLogoRefusesPipe: a named pipe as the logo is refused at once;
// opening it would wait for a writer forever.
func TestReadLogoRefusesPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "logo.png")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := app.ReadLogo(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || err.Error() != "read logo "+fifo+": not a regular file" {
			t.Errorf("err = %v, want not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadLogo waits on a named pipe")
	}
}
