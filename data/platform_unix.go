//go:build !windows

package data

import "os"

// initialMmapSize is 1 GiB: about four million sales with their audit. On
// Unix it is address space only; the file keeps its own size.
const initialMmapSize = 1 << 30

// othersCanWrite: the group or others may write the file (mode bits).
func othersCanWrite(m os.FileMode) bool { return m.Perm()&0o022 != 0 }

// unlockBeforeRename: Unix replaces a file that others hold open, so
// Restore keeps the lock through the rename.
const unlockBeforeRename = false
