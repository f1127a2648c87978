package data

import (
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/data/atomicfile"
)

// compactAfterUpgrade rewrites the file without its free pages when they
// are a quarter of it or more, as after the upgrade to schema 4 (the sales
// shrink to a tenth): bbolt never gives pages back to the file system, and
// a backup copies free pages too, so without this the upgraded file and
// every backup of it stay their old size. The copy is written beside the
// file, checked, and renamed over it; a crash at any moment leaves the
// upgraded file or the compacted one at the path, whole. A failure before
// the rename leaves the upgraded file as it is and is not an error of the
// open; only a failure to reopen the file is.
func (s *Store) compactAfterUpgrade(opt Options) error {
	st := s.db.Stats()
	fi, err := os.Stat(s.path)
	if err != nil {
		return nil
	}
	free := int64(st.FreePageN+st.PendingPageN) * int64(s.db.Info().PageSize)
	if free*4 < fi.Size() {
		return nil
	}
	f, err := s.compactedCopy()
	if err != nil {
		return nil // the upgraded file stays as it is
	}
	defer f.Abort()
	s.db.Close()
	s.db = nil
	if err := f.Commit(); err != nil {
		// The path still holds the upgraded file: open it again.
		err = fmt.Errorf("compact %s: %w", s.path, err)
		if rerr := s.reopen(opt); rerr != nil {
			return fmt.Errorf("%w; reopen: %v", err, rerr)
		}
		return nil
	}
	return s.reopen(opt)
}

// compactedCopy writes the live pages into a checked, synced temporary
// file beside the database, ready to be committed over it.
func (s *Store) compactedCopy() (*atomicfile.File, error) {
	f, err := atomicfile.Create(s.path, 0o600)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			f.Abort()
		}
	}()
	dst, err := bolt.Open(f.TempName(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	if err := bolt.Compact(dst, s.db, 64<<20); err != nil {
		dst.Close()
		return nil, err
	}
	if err := dst.Close(); err != nil {
		return nil, err
	}
	if err := f.Finish(); err != nil {
		return nil, err
	}
	if rep, err := CheckFile(f.TempName()); err != nil || !rep.OK() {
		return nil, fmt.Errorf("the compacted copy fails its check: %v %v", err, rep.Problems)
	}
	ok = true
	return f, nil
}

func (s *Store) reopen(opt Options) error {
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: opt.Timeout, InitialMmapSize: initialMmapSize})
	if err != nil {
		return fmt.Errorf("reopen %s after compacting it: %w", s.path, err)
	}
	s.db = db
	s.noteFile()
	return nil
}
