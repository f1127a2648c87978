package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/data/atomicfile"
)

// BackupDir is the folder beside the database where BackupInto puts the
// backups taken without a name.
const BackupDir = "backups"

// stampFormat dates the names of backups and of files kept by a restore.
const stampFormat = "20060102-150405"

// Backup writes a consistent copy of the database to dst while the app
// keeps running: a read transaction's snapshot goes to a temporary file in
// dst's folder, which is synced, verified (its size is the snapshot's, and
// it opens as a database of the snapshot's transaction and schema), and
// only then renamed over dst (mode 0600). A failed backup leaves dst as it
// was; a link at dst is refused. The copy is byte for byte a committed
// state of the file, so the app's invariants are not checked again here
// (`check` does, and a restore checks a backup fully before installing it):
// that made a backup of a million sales take thirteen plain copies.
func (s *Store) Backup(dst string) error {
	f, err := s.backupTemp(dst)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := f.Commit(); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	return nil
}

// BackupInto writes a backup as a new file in dir (BackupDir beside the
// database when dir is ""), named partnerdesk-<date>-<time>.db by the
// store's clock, with -2, -3, ... added when a backup of the same second
// is there: it never replaces an earlier backup. It returns the file's
// path.
func (s *Store) BackupInto(dir string) (string, error) {
	if dir == "" {
		dir = filepath.Join(filepath.Dir(s.path), BackupDir)
	}
	base := "partnerdesk-" + s.now().Format(stampFormat)
	f, err := s.backupTemp(filepath.Join(dir, base+".db"))
	if err != nil {
		return "", err
	}
	defer f.Abort()
	for n := 1; n <= 1000; n++ {
		dst := filepath.Join(dir, base+".db")
		if n > 1 {
			dst = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, n))
		}
		err := f.CommitNew(dst)
		if err == nil {
			return dst, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("back up to %s: %w", dst, err)
		}
	}
	return "", fmt.Errorf("back up into %s: a thousand backups already carry the name %s", dir, base)
}

// backupTemp writes, syncs and checks the snapshot in a temporary file
// beside dst, ready to be committed.
func (s *Store) backupTemp(dst string) (*atomicfile.File, error) {
	if s.db == nil {
		return nil, errClosed
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("back up to %s: %w", dst, err)
	}
	f, err := atomicfile.Create(dst, 0o600)
	if err != nil {
		return nil, fmt.Errorf("back up: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			f.Abort()
		}
	}()
	var want snapshot
	err = s.db.View(func(btx *bolt.Tx) error {
		want = snapshot{txid: btx.ID(), size: btx.Size(), schema: readSchema(btx)}
		return s.writeSnapshot(btx, f.File)
	})
	if err != nil {
		return nil, fmt.Errorf("back up to %s: write the copy: %w", dst, err)
	}
	if err := f.Finish(); err != nil {
		return nil, fmt.Errorf("back up to %s: %w", dst, err)
	}
	if err := verifyCopy(f.TempName(), want); err != nil {
		return nil, fmt.Errorf("back up to %s: %w: %w", dst, err, ErrCheckFailed)
	}
	ok = true
	return f, nil
}

// Restore replaces the database at dbPath with backup. The backup is
// copied into a temporary file beside dbPath, synced and checked (bbolt's
// check and the app's invariants); the file it replaces is kept as
// `<db>.before-restore-<stamp>` (a hard link made before anything moves,
// else a copy); then the copy is renamed over dbPath, which is atomic: at
// every moment dbPath holds the old or the new database, whole. A link at
// dbPath is followed to the real file, which is restored in place. It fails
// with an *InUseError (engine.ErrInUse) while another process holds dbPath.
func Restore(backup, dbPath string, opt Options) error {
	_, err := RestoreKeeping(backup, dbPath, opt)
	return err
}

// RestoreKeeping is Restore that also returns the name under which the
// replaced file was kept ("" when there was none).
//
// It is long because it is the restore's sequence of steps (lock the file,
// copy the backup beside it, check the copy, keep the replaced file,
// rename), each with its error; the order is the safety argument and reads
// best in one place.
func RestoreKeeping(backup, dbPath string, opt Options) (kept string, err error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	dbPath = abs
	if real, err := filepath.EvalSymlinks(dbPath); err == nil {
		dbPath = real
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	// Hold the current file's lock while it is swapped, so that no other
	// instance has it open.
	live := false
	unlock := func() {}
	if _, err := os.Stat(dbPath); err == nil {
		live = true
		if err := checkMode(dbPath); err != nil {
			return "", err
		}
		release, err := lockFile(dbPath, opt.Timeout)
		if err != nil {
			return "", fmt.Errorf("restore: %w", err)
		}
		unlock = func() {
			if release != nil {
				release()
				release = nil
			}
		}
		defer unlock()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("restore: %w", err)
	}
	CleanTemps(dbPath)

	f, err := atomicfile.Create(dbPath, 0o600)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	defer f.Abort()
	if err := copyInto(f.File, backup); err != nil {
		return "", fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if err := f.Finish(); err != nil {
		return "", fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if err := restoreStep("copied"); err != nil {
		return "", err
	}
	// The copy is what gets installed, so the copy is what is checked.
	rep, err := CheckFile(f.TempName())
	if err != nil {
		why := strings.TrimPrefix(err.Error(), "check "+f.TempName()+": ")
		why = strings.ReplaceAll(why, f.TempName(), "the copy")
		return "", fmt.Errorf("restore from %s: the backup does not open as a Partnerdesk database, so nothing was replaced (%s): %w", backup, why, ErrCheckFailed)
	}
	if !rep.OK() {
		return "", fmt.Errorf("restore from %s: the backup fails its check, so nothing was replaced: %s: %w", backup, strings.Join(rep.Problems, "; "), ErrCheckFailed)
	}
	if err := restoreStep("checked"); err != nil {
		return "", err
	}
	if live {
		if kept, err = keepCopy(dbPath, opt.Now()); err != nil {
			return "", fmt.Errorf("restore: keep the current file: %w", err)
		}
	}
	if err := restoreStep("kept"); err != nil {
		return "", err
	}
	if unlockBeforeRename {
		unlock()
	}
	if err := f.Commit(); err != nil {
		return "", fmt.Errorf("restore: put %s in place: %w", backup, err)
	}
	return kept, nil
}

// restoreStep is called after each step of Restore; a test makes it fail
// to stop Restore there, as a crash or an I/O error would.
var restoreStep = func(step string) error { return nil }

// copyInto copies the file at src into w.
func copyInto(w io.Writer, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = io.Copy(w, in)
	return err
}

// keepCopy keeps the file at path under a new name,
// `<path>.before-restore-<stamp>` (with -2, -3, ... when taken), without
// moving it: a hard link where the file system has them, else a synced
// copy. It returns the name.
func keepCopy(path string, now time.Time) (string, error) {
	base := path + ".before-restore-" + now.Format(stampFormat)
	var f *atomicfile.File
	defer func() {
		if f != nil {
			f.Abort()
		}
	}()
	for n := 1; n <= 1000; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		if f == nil {
			err := os.Link(path, name)
			if err == nil {
				atomicfile.SyncDir(filepath.Dir(path))
				return name, nil
			}
			if errors.Is(err, os.ErrExist) {
				continue
			}
			// No hard links here: copy the file instead.
			if f, err = atomicfile.Create(name, 0o600); err != nil {
				return "", err
			}
			if err := copyInto(f.File, path); err != nil {
				return "", err
			}
		}
		err := f.CommitNew(name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("a thousand files are already named %s", base)
}

// snapshot is what a backup's copy must be: the committed state of
// transaction txid, size bytes long, of the schema.
type snapshot struct {
	txid   int
	size   int64
	schema int
}

// verifyCopy checks the synced copy at path: its size is the snapshot's,
// and it opens read-only (bbolt checks its meta pages' checksums) as the
// snapshot's transaction, of its schema. It does not read the copy's
// pages back to compare them with what was written: right after the
// write they come from the system's cache, not from the disk, so that
// compared the cache with itself, at half a plain copy's time (decisions,
// round 5); a failed write or sync is an error where it happens.
func verifyCopy(path string, want snapshot) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("read the copy back: %w", err)
	}
	if fi.Size() != want.size {
		return fmt.Errorf("the copy is %d bytes, the snapshot %d", fi.Size(), want.size)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("the copy does not open: %w", err)
	}
	defer db.Close()
	var got snapshot
	db.View(func(btx *bolt.Tx) error {
		got = snapshot{txid: btx.ID(), size: fi.Size(), schema: readSchema(btx)}
		return nil
	})
	if got.schema != want.schema {
		return fmt.Errorf("the copy has schema %d, the file %d", got.schema, want.schema)
	}
	if got.txid != want.txid {
		return fmt.Errorf("the copy holds transaction %d, the snapshot %d", got.txid, want.txid)
	}
	return nil
}

// writeSnapshot writes the snapshot of btx to dst as bbolt's WriteTo
// does: two meta pages for btx (bbolt makes them), then the file's pages
// up to btx's size. bbolt reads those through a SectionReader, which Go
// copies through a 32 KB buffer in the process; read from the open file
// itself, they go through the system's file copy (copy_file_range on
// Linux), as a plain copy of the file does. The pages btx can reach do
// not change while it is open; the others are free in its snapshot.
func (s *Store) writeSnapshot(btx *bolt.Tx, dst *os.File) error {
	ps := int64(s.db.Info().PageSize)
	src, err := os.Open(s.path)
	if err != nil {
		return err
	}
	defer src.Close()
	if fi, err := src.Stat(); err != nil || s.file == nil || !os.SameFile(fi, s.file) {
		// Not surely the file bbolt has open: bbolt's own copy.
		_, err := btx.WriteTo(dst)
		return err
	}
	if _, err := btx.WriteTo(&metaPages{w: dst, left: 2 * ps}); !errors.Is(err, errMetaWritten) {
		if err == nil {
			err = errors.New("the snapshot has no data pages")
		}
		return err
	}
	if _, err := src.Seek(2*ps, io.SeekStart); err != nil {
		return err
	}
	n, err := io.CopyN(dst, src, btx.Size()-2*ps)
	if err != nil {
		return fmt.Errorf("copy the data pages (%d bytes copied): %w", n, err)
	}
	return nil
}

// metaPages takes the two meta pages bbolt's WriteTo writes first and
// refuses what follows with errMetaWritten.
type metaPages struct {
	w    io.Writer
	left int64
}

var errMetaWritten = errors.New("meta pages written")

func (m *metaPages) Write(p []byte) (int, error) {
	if m.left <= 0 {
		return 0, errMetaWritten
	}
	if int64(len(p)) > m.left {
		return 0, fmt.Errorf("bbolt wrote %d bytes of meta pages where %d were left", len(p), m.left)
	}
	m.left -= int64(len(p))
	return m.w.Write(p)
}
