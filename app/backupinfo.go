package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// DatabasePath is the path of the open database file (Settings > Where
// the file is, and the window's status line).
func (s *Service) DatabasePath() string { return s.store.Path() }

// BackupsFolder is the folder BackupNow writes into, beside the database.
func (s *Service) BackupsFolder() string { return BackupsFolderOf(s.store.Path()) }

// BackupsFolderOf is the backups folder beside the database at dbPath.
func BackupsFolderOf(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), data.BackupDir)
}

// InspectBackup checks the backup at path as restore will (bbolt's check
// and the app's invariants) and says what it holds: when it was taken, the
// company, how many partners, sales, programs and payouts, the last change
// recorded and the latest closed period. The window shows it in the
// restore's confirmation; a file that would not restore is an error here,
// before anyone is asked.
func InspectBackup(path string) (views.BackupInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return views.BackupInfo{}, fmt.Errorf("backup %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return views.BackupInfo{}, fmt.Errorf("backup %s: not a file", path)
	}
	info := views.BackupInfo{Path: path, Written: fi.ModTime(), Size: fi.Size()}
	rep, err := data.CheckFile(path)
	if err != nil {
		return info, fmt.Errorf("backup %s does not open as a Partnerdesk database: %w", path, err)
	}
	if !rep.OK() {
		return info, fmt.Errorf("backup %s fails its check, so it cannot be restored: %s", path, rep.Problems[0])
	}
	info.Schema = rep.Schema
	info.Partners, info.Sales = rep.Counts[data.KindPartner], rep.Counts[data.KindSale]
	info.Programs, info.Payouts = rep.Counts[data.KindProgram], rep.Counts[data.KindPayout]
	st, err := data.Open(path, data.Options{ReadOnly: true, MustExist: true, Timeout: time.Second})
	if err != nil {
		return info, fmt.Errorf("backup %s: %w", path, err)
	}
	defer st.Close()
	err = st.View(func(tx *data.Tx) error {
		co, err := tx.Company()
		if err != nil {
			return err
		}
		info.Company = co.Name
		last, err := tx.RecentAudit(1)
		if err != nil {
			return err
		}
		if len(last) == 1 {
			info.LastChange, info.LastOperator = last[0].At, last[0].Operator
		}
		states, err := tx.PeriodStates()
		if err != nil {
			return err
		}
		var end engine.Date
		for _, p := range states {
			// The longest of the periods ending last: 2026 over 2026-Q4.
			if p.Closed && (p.End > end || p.End == end && p.Start < start(states, info.LastClosed)) {
				info.LastClosed, end = p.Key, p.End
			}
		}
		return nil
	})
	if err != nil {
		return info, fmt.Errorf("backup %s: %w", path, err)
	}
	return info, nil
}

// start is the first day of the period keyed key among states.
func start(states []engine.PeriodState, key string) engine.Date {
	for _, p := range states {
		if p.Key == key {
			return p.Start
		}
	}
	return engine.Date(0)
}

// InspectBackup is InspectBackup for the window's Settings (ui.BackupInspector).
func (s *Service) InspectBackup(path string) (views.BackupInfo, error) { return InspectBackup(path) }
