//go:build windows

package data

import "os"

// initialMmapSize is 0 on Windows (bbolt's default growth): bbolt sets the
// file's length to the size of its map there, so a 1 GiB map would make
// every database a 1 GiB file on the disk.
const initialMmapSize = 0

// othersCanWrite is false on Windows: the mode bits Go reports there say
// only whether the read-only attribute is set (0666 or 0444), not who may
// write. Who may is in the file's access list, which Partnerdesk sets to
// the user alone when it creates the file (atomicfile.Private).
func othersCanWrite(os.FileMode) bool { return false }

// unlockBeforeRename: Windows refuses to rename over a file that is open
// (bbolt opens it without FILE_SHARE_DELETE), the lock's own handle
// included. Restore therefore lets go of the lock just before the rename;
// should another Partnerdesk open the file in that instant, the rename
// fails, Restore says so, and the old database stays in place, whole.
const unlockBeforeRename = true
