//go:build !windows && !darwin

package app

import (
	"errors"
	"os"
	"path/filepath"
)

// dataDir is XDG_DATA_HOME when it is an absolute path, else
// ~/.local/share (Linux and the other Unixes).
func dataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("no home directory to keep the database in: set PARTNERDESK_DB or pass --db FILE")
	}
	return filepath.Join(home, ".local", "share"), nil
}
