package app

import (
	"os"
	"path/filepath"
)

// DBEnv names the environment variable that overrides the default database path.
const DBEnv = "PARTNERDESK_DB"

// DefaultDBPath is where the database lives when --db is not given: the
// per-user data directory (XDG_DATA_HOME or ~/.local/share on Linux,
// ~/Library/Application Support on macOS, %AppData% on Windows), in a
// partnerdesk folder, unless PARTNERDESK_DB names a file.
func DefaultDBPath() (string, error) {
	if p := os.Getenv(DBEnv); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "partnerdesk", "partnerdesk.db"), nil
}
