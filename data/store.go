package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"partnerdesk/data/atomicfile"
)

// Options tune Open. The zero value is ready to use.
type Options struct {
	// Timeout is how long Open waits for the file lock (default 1 s).
	Timeout time.Duration
	// Now is the clock for audit entries and backup names (default time.Now).
	Now func() time.Time
	// ReadOnly opens the file with a shared lock and refuses every change;
	// an older schema is not upgraded: Check reads it in its own shape, but
	// the sales of a schema 1-3 file are read only once it is opened for
	// writing (which upgrades it).
	ReadOnly bool
	// NoUpgrade makes Open fail with ErrSchemaOlder instead of upgrading.
	NoUpgrade bool
	// MustExist makes Open fail with ErrNoDatabase when path holds no
	// database (no file, or an empty one) instead of creating a new one.
	// Only the jobs that create a company (init, demo, the window's first
	// run) leave it false; ReadOnly implies it.
	MustExist bool
}

// ErrNoDatabase: Options.MustExist (or ReadOnly) was set and the path holds
// no database: there is no file, or the file is empty (0 bytes).
var ErrNoDatabase = errors.New("no database at this path")

// Store is an open Partnerdesk database file.
type Store struct {
	db       *bolt.DB
	path     string
	now      func() time.Time
	readOnly bool
	version  int
	lockPath string      // the sidecar we wrote, removed on Close
	file     os.FileInfo // the file bbolt opened, to know it again by path (nil: unknown)
}

// noteFile remembers which file bbolt has open at the path.
func (s *Store) noteFile() {
	s.file, _ = os.Stat(s.path)
}

// Open opens (or creates, mode 0600 in a 0700 directory, unless MustExist)
// the database at path, takes its lock, creates the buckets and upgrades an
// older schema after writing a backup of it. Opened for writing, it also
// removes the temporary files of backups and restores of this file that
// were killed half way (see CleanTemps).
func Open(path string, opt Options) (*Store, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	path = abs
	if err := checkMode(path); err != nil {
		return nil, err
	}
	if err := validateSize(path); err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if opt.ReadOnly || opt.MustExist {
		if err := mustHoldDatabase(path); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("create the database folder: %w", err)
		}
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  opt.Timeout,
		ReadOnly: opt.ReadOnly,
		// A large initial map (address space only) spares a big import
		// the remaps, each of which copies every dirty node.
		InitialMmapSize: initialMmapSize,
	})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, holderOf(path)
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: opt.Now, readOnly: opt.ReadOnly}
	s.noteFile()
	if created {
		// The user's alone: mode 0600 on Unix, an access list of the
		// user's own on Windows (best effort: FAT has none).
		atomicfile.Private(path)
	}
	if !opt.ReadOnly {
		if err := s.writeLockFile(); err != nil {
			db.Close()
			return nil, err
		}
		// Under the exclusive lock no backup or restore of this file runs.
		CleanTemps(path)
	}
	if err := s.prepare(opt); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// mustHoldDatabase refuses a path with no file or an empty one, naming it:
// a typo in a path, or a file truncated to nothing, must never become a new
// empty company.
func mustHoldDatabase(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return &noDatabaseError{fmt.Sprintf("there is no database at %s: no file has that name", path)}
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if fi.Mode().IsRegular() && fi.Size() == 0 {
		return &noDatabaseError{fmt.Sprintf("there is no database at %s: the file is empty (0 bytes)", path)}
	}
	return nil
}

// noDatabaseError is ErrNoDatabase with the path and the reason.
type noDatabaseError struct{ msg string }

func (e *noDatabaseError) Error() string        { return e.msg }
func (e *noDatabaseError) Is(target error) bool { return target == ErrNoDatabase }

// CleanTemps removes the temporary files that backups and restores of the
// database at path left when they were killed half way: in its folder
// (restores, copies kept before a restore, backups before an upgrade,
// backups and exports written there) and in its backups folder. Only
// files named as atomicfile names them, of processes that are gone, are
// removed. It returns the paths removed.
func CleanTemps(path string) []string {
	dir := filepath.Dir(path)
	removed := atomicfile.Clean(dir, "")
	return append(removed, atomicfile.Clean(filepath.Join(dir, BackupDir), "")...)
}

// checkMode refuses an existing file that is not a regular file, and,
// where the platform's file modes say who may write (see othersCanWrite),
// one that others can write: it holds what the vendor owes its partners.
func checkMode(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("open database %s: it is not a regular file", path)
	}
	if othersCanWrite(fi.Mode()) {
		return fmt.Errorf("%s has mode %04o, so other users can change it; Partnerdesk opens only a file that you alone can write: run `chmod 600 %s` and try again: %w",
			path, fi.Mode().Perm(), path, ErrUnsafeMode)
	}
	return nil
}

var errClosed = errors.New("the database is closed")

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// SchemaVersion is the schema of the open file (older than
// CurrentSchema only when opened read-only).
func (s *Store) SchemaVersion() int { return s.version }

// Close releases the file and its lock.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	if s.lockPath != "" {
		os.Remove(s.lockPath)
		s.lockPath = ""
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Update runs fn in one write transaction on behalf of operator: every Put
// and Delete in it, and their audit entries, commit together or not at all.
func (s *Store) Update(operator string, fn func(tx *Tx) error) error {
	if s.db == nil {
		return errClosed
	}
	if s.readOnly {
		return fmt.Errorf("change %s: %w", s.path, ErrReadOnly)
	}
	staged := false
	err := s.db.Update(func(btx *bolt.Tx) error {
		tx := &Tx{btx: btx, s: s, operator: operator}
		if err := fn(tx); err != nil {
			return err
		}
		if err := tx.flush(); err != nil {
			return err
		}
		staged = true
		return nil
	})
	if err != nil && staged {
		// The change was whole; writing it to the disk failed. Past the
		// first sync the new root may already be on the disk, so the
		// honest word is "may".
		return &CommitError{Path: s.path, Err: err}
	}
	return err
}

// CommitError says that a change was complete but the disk reported an
// error while it was being saved (EIO or ENOSPC at a write or a sync):
// the file holds the state before the change or after it, whole, and
// which one is not known. Reopen the file and look (`partnerdesk check`,
// then the audit trail) before doing the change again.
type CommitError struct {
	Path string
	Err  error
}

func (e *CommitError) Error() string {
	return fmt.Sprintf("saving the change to %s failed (%v): the change may have been saved; run `partnerdesk check` and look at the audit trail (`partnerdesk audit`) before doing it again", e.Path, e.Err)
}

func (e *CommitError) Unwrap() error { return e.Err }

// View runs fn in one read transaction: a consistent snapshot.
func (s *Store) View(fn func(tx *Tx) error) error {
	if s.db == nil {
		return errClosed
	}
	return s.db.View(func(btx *bolt.Tx) error {
		return fn(&Tx{btx: btx, s: s})
	})
}
