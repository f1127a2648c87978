//go:build darwin

package app

import (
	"errors"
	"os"
)

// dataDir is ~/Library/Application Support.
func dataDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("no home directory to keep the database in: set PARTNERDESK_DB or pass --db FILE")
	}
	return d, nil
}
