package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/filename"
)

// onImport reads a program JSON file, shows what it holds and saves it.
func (s *ProgramsScreen) onImport() {
	s.openJSON(T("Import a program from a JSON file"), func(data []byte, name string) {
		p, err := s.svc.ReadProgram(data)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("read %s: %w", name, err), s.win)
				return
			}
			msg := fmt.Sprintf("%s holds the program %q with %d rules (%s, %s). It replaces a stored program with the same identity or name, else it is added. Save it?", name, p.Name, len(p.Rules), p.Status, validity(p))
			showConfirm(T("Import program"), msg, func(ok bool) {
				if ok {
					s.saveImported(p, name)
				}
			}, s.win)
		})
	})
}

// saveImported saves a program read from a file. When it would replace an
// active program the service refuses with *engine.ReplaceProgramError,
// saying what changes; the user confirms that and the program is saved
// under the stored program's id.
func (s *ProgramsScreen) saveImported(p engine.Program, name string) {
	s.background(func() {
		saved, err := s.svc.SaveProgram(p)
		fyne.Do(func() {
			var re *engine.ReplaceProgramError
			if errors.As(err, &re) {
				showConfirm(T("Replace an active program"), re.Error()+".\n\n"+T("Replace it?"), func(ok bool) {
					if ok {
						p.ID = re.ID
						s.saveImported(p, name)
					}
				}, s.win)
				return
			}
			if err != nil {
				showErr(fmt.Errorf("import %s: %w", name, err), s.win)
				return
			}
			s.edit(saved)
			s.reload(saved.ID)
		})
	})
}

// openJSON asks for a .json file and hands its bytes to use, off the UI goroutine.
func (s *ProgramsScreen) openJSON(title string, use func(data []byte, name string)) {
	d := newFileOpen(s.win, folderPrograms, title, []string{".json"}, func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if r == nil {
			return
		}
		s.background(func() {
			defer r.Close()
			data, err := io.ReadAll(io.LimitReader(r, 16<<20))
			if err != nil {
				fyne.Do(func() { showErr(fmt.Errorf("read %s: %w", r.URI().Name(), err), s.win) })
				return
			}
			use(data, r.URI().Name())
		})
	})
	d.Show()
}

// onExport saves the program on show as a JSON file.
func (s *ProgramsScreen) onExport() {
	p := s.current
	if p.ID == 0 {
		showInfo(T("Export program"), T("Choose a saved program first."), s.win)
		return
	}
	d := newFileSave(s.win, folderPrograms, Tf("Export %q as JSON", p.Name), fileName(p.Name)+".json", []string{".json"}, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if w == nil {
			return
		}
		s.background(func() {
			data, err := s.svc.ExportProgramByID(p.ID)
			if err == nil {
				_, err = w.Write(data)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					showErr(fmt.Errorf("export %q: %w", p.Name, err), s.win)
					return
				}
				s.problem.Importance = widget.LowImportance
				s.problem.SetText(Tf("Exported %q to %s.", p.Name, w.URI().Path()))
			})
		})
	})
	d.Show()
}

// fileName is the name the window proposes for a file holding the given
// parts (a program's name; a statement's period and payee), without the
// extension: each part made valid on every file system, Windows' included,
// by filename.SafeName, joined by "_". A statement's name is the one the
// command line's `statements` writes (reports.FileName): PERIOD_payee.
func fileName(parts ...string) string {
	safe := make([]string, len(parts))
	for i, p := range parts {
		safe[i] = filename.SafeName(p)
	}
	return strings.Join(safe, "_")
}
