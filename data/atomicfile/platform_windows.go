//go:build windows

package atomicfile

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"

	"partnerdesk/engine/filename"
)

// SyncDir does nothing on Windows: a folder cannot be flushed there
// (FlushFileBuffers needs a handle opened for writing, which a folder does
// not give), and NTFS journals the rename itself.
func SyncDir(dir string) {}

// Private gives the file at path an access list of its own, not inherited
// from its folder: full control for the user running Partnerdesk and for
// SYSTEM (which backs files up), nothing for anyone else. It is Windows'
// form of mode 0600. On a file system without access lists (FAT, exFAT: a
// USB stick) it fails, and the file stays readable by whoever reads the
// stick, as on Unix.
func Private(path string) error {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString("D:P(A;;FA;;;" + u.User.Sid.String() + ")(A;;FA;;;SY)")
	if err != nil {
		return err
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return err
	}
	return windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
}

// checkName refuses a destination whose name Windows would not keep as
// typed: a device name (writing `-o CON.csv` would reach the console, not a
// file), a trailing dot or space, a reserved character.
func checkName(path string) error {
	if err := filename.CheckName(filepath.Base(path)); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
