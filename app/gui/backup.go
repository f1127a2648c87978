package gui

import (
	"partnerdesk/app"
	"partnerdesk/ui"
)

// Settings > Back up now: the window holds the file, so a backup is taken
// from the window rather than from a second process.
var _ ui.BackupService = (*app.Service)(nil)
