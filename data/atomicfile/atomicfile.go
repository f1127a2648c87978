// Package atomicfile is the one way Partnerdesk writes a file: into a
// temporary file in the destination's folder, synced, then renamed over the
// destination and the folder synced. At every moment the destination holds
// either its old or its new content, whole; a full disk or a crash leaves
// the old file as it was.
//
// It never writes through a symbolic link: a link (or a device, a folder,
// a pipe) at the destination is refused with the path named, so a link
// planted at an output path cannot redirect the write to another file. The
// rename itself would replace a link and not its target, so the refusal is
// a courtesy to the user, not what keeps the target safe.
//
// Temporary files are named `.<name>.tmp-<pid>-<random>`; Clean removes
// those whose process is gone (a write killed half way).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNotRegular is returned when the destination exists and is not a
// regular file: a symbolic link, a folder, a device or a pipe.
var ErrNotRegular = errors.New("not a regular file")

// File is a temporary file that becomes path on Commit. Write to it like
// an *os.File; Abort (safe to defer) removes it unless it was committed.
type File struct {
	*os.File
	path   string
	perm   os.FileMode
	closed bool
	done   bool
}

// CheckTarget refuses a destination that exists and is not a regular file.
// On Windows it also refuses a name Windows does not allow (filename.CheckName).
func CheckTarget(path string) error {
	if err := checkName(path); err != nil {
		return err
	}
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	switch m := fi.Mode(); {
	case m&os.ModeSymlink != 0:
		return fmt.Errorf("write %s: it is a symbolic link, and Partnerdesk does not write through links: name the real file or remove the link: %w", path, ErrNotRegular)
	case m.IsDir():
		return fmt.Errorf("write %s: it is a folder; name a file: %w", path, ErrNotRegular)
	case !m.IsRegular():
		return fmt.Errorf("write %s: it is not a regular file (%s): %w", path, m.Type(), ErrNotRegular)
	}
	return nil
}

// TempPrefix is the start of the names of path's temporary files.
func TempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-"
}

// Create starts writing path: it refuses a destination that is not a
// regular file and creates the temporary file (mode perm) beside it.
func Create(path string, perm os.FileMode) (*File, error) {
	if err := CheckTarget(path); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), TempPrefix(path)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if perm&0o077 == 0 {
		// For the user alone: on Windows the access list says so (the
		// rename keeps it); on Unix the mode above did.
		Private(f.Name())
	}
	return &File{File: f, path: path, perm: perm}, nil
}

// TempName is the temporary file's path (to check it before Commit).
func (f *File) TempName() string { return f.File.Name() }

// Path is the destination.
func (f *File) Path() string { return f.path }

// Finish syncs and closes the temporary file; Commit calls it when the
// caller did not. It is idempotent.
func (f *File) Finish() error {
	if f.closed {
		return nil
	}
	f.closed = true
	if err := f.File.Sync(); err != nil {
		f.File.Close()
		return fmt.Errorf("write %s: sync: %w", f.path, err)
	}
	if err := f.File.Close(); err != nil {
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Commit syncs the temporary file, renames it over the destination and
// syncs the folder. The destination is checked again just before, so a
// link planted while the file was being written is refused too.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: commit after commit or abort")
	}
	if err := f.Finish(); err != nil {
		f.Abort()
		return err
	}
	if err := CheckTarget(f.path); err != nil {
		f.Abort()
		return err
	}
	if err := os.Rename(f.TempName(), f.path); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	f.done = true
	SyncDir(filepath.Dir(f.path))
	return nil
}

// CommitNew is Commit for a destination that must not exist yet: it fails
// with an error wrapping os.ErrExist (and keeps the temporary file, so the
// caller may try another name) when path is taken. It links rather than
// renames, which never replaces a file.
func (f *File) CommitNew(path string) error {
	if f.done {
		return errors.New("atomicfile: commit after commit or abort")
	}
	if err := f.Finish(); err != nil {
		f.Abort()
		return err
	}
	if filepath.Dir(path) != filepath.Dir(f.path) {
		f.Abort()
		return fmt.Errorf("write %s: not in the folder of %s", path, f.path)
	}
	err := os.Link(f.TempName(), path)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err != nil {
		// No hard links here (FAT, some network shares): look, then
		// rename; only another process racing for the same name in the
		// same instant could be overwritten.
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf("write %s: %w", path, os.ErrExist)
		}
		if err := os.Rename(f.TempName(), path); err != nil {
			f.Abort()
			return fmt.Errorf("write %s: %w", path, err)
		}
	} else {
		os.Remove(f.TempName())
	}
	f.done, f.path = true, path
	SyncDir(filepath.Dir(path))
	return nil
}

// Abort closes and removes the temporary file unless it was committed.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	if !f.closed {
		f.closed = true
		f.File.Close()
	}
	os.Remove(f.TempName())
}

// Write writes path atomically with what write produces (mode perm). If
// write fails, path is left as it was.
func Write(path string, perm os.FileMode, write func(w io.Writer) error) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f.File); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}

// WriteFile writes b to path atomically (mode perm).
func WriteFile(path string, b []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// Clean removes from dir the temporary files of writes whose process is
// gone (killed half way), for destinations whose base name starts with
// prefix ("" for any). It returns the paths removed.
func Clean(dir, prefix string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, "."+prefix) {
			continue
		}
		i := strings.LastIndex(name, ".tmp-")
		if i < 0 {
			continue
		}
		pidStr, _, ok := strings.Cut(name[i+len(".tmp-"):], "-")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || pid <= 0 || ProcessAlive(pid) {
			continue
		}
		p := filepath.Join(dir, name)
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}
