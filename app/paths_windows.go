//go:build windows

package app

import (
	"errors"
	"os"
)

// dataDir is %AppData% (the roaming profile, C:\Users\NAME\AppData\Roaming),
// whose access list admits the user, SYSTEM and administrators only.
func dataDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("%AppData% is not set, so there is no folder to keep the database in: set PARTNERDESK_DB or pass --db FILE")
	}
	return d, nil
}
