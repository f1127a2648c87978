package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file declares what the dashboard, programs, period run and
// statements screens need from the back end. The app package implements
// the four services; the screens only display what they return, so every
// figure (growth, ratios, totals, budgets) is computed behind them.

// DashboardService gives the owner's first screen its figures and the
// lines behind each one.
type DashboardService interface {
	// Dashboard computes the figures of period (a key such as "2026-07";
	// empty: the current month) and of the period before it. A key that
	// is not a period returns an error whose text says how to write one.
	Dashboard(period string) (views.Dashboard, error)
	// DashboardDetail returns the rows behind one figure of the dashboard.
	DashboardDetail(period string, f views.Figure) (views.DetailTable, error)
}

// ProgramService lists, imports, exports, saves and simulates programs.
type ProgramService interface {
	// ProgramList lists every program with what it has spent.
	ProgramList() (views.ProgramList, error)
	// ProgramByID returns one program.
	ProgramByID(id engine.ID) (engine.Program, error)
	// ReadProgram parses and validates a program JSON file without saving it.
	ReadProgram(data []byte) (engine.Program, error)
	// SaveProgram validates and stores p (a new one when p.ID is 0) and
	// returns it as stored.
	SaveProgram(p engine.Program) (engine.Program, error)
	// ExportProgramByID returns the program as an indented JSON file.
	ExportProgramByID(id engine.ID) ([]byte, error)
	// Simulate computes p over period's inputs without writing anything
	// and compares it with what that period's lines of the program paid.
	Simulate(p engine.Program, period string) (views.Simulation, error)
}

// PeriodService runs a period: compute, review, approve, pay, close.
type PeriodService interface {
	// RunPeriodKey is the key of the period the run screen opens on.
	RunPeriodKey() (string, error)
	// Today is the default date of a payout (the clock is the app's).
	Today() engine.Date
	// PeriodInfo validates a typed key and says whether the period is closed.
	PeriodInfo(key string) (views.PeriodInfo, error)
	// ComputeForRun replaces the period's draft lines by a fresh
	// computation, calling progress(done, total) as it goes (from its own
	// goroutine).
	ComputeForRun(period string, progress func(done, total int)) (views.ComputeRun, error)
	// Review returns the period's reward lines with names and totals.
	Review(period string) (views.PeriodReview, error)
	// Approve approves the draft lines ids. Unless confirmed, an approval
	// that passes a program's budget returns an error wrapping
	// *engine.BudgetError (and so engine.ErrConfirmationNeeded).
	Approve(period string, ids []engine.ID, confirmed bool) (views.ApproveResult, error)
	// Pay records a payout that settles approved lines of one payee.
	Pay(in views.PayInput) (engine.Payout, error)
	// CloseImpact counts what closing the period makes read-only.
	CloseImpact(period string) (views.CloseImpact, error)
	// ClosePeriod closes the period.
	ClosePeriod(period string) (engine.PeriodState, error)
}

// StatementService previews, saves and prints partner statements.
type StatementService interface {
	// RunPeriodKey is the key of the period the screen opens on.
	RunPeriodKey() (string, error)
	// FindPayees returns up to limit partners and reps whose name contains
	// query (case-insensitive), partners first.
	FindPayees(query string, limit int) ([]views.PayeeRef, error)
	// StatementPreview summarises one payee's statement for a period.
	StatementPreview(period string, payee engine.Payee) (views.StatementPreview, error)
	// WriteStatement writes one statement as "pdf", "csv" or "xlsx" to w.
	WriteStatement(payee engine.Payee, period, format string, w io.Writer) error
	// PrintAll writes one PDF per payee with lines in period into dir,
	// calling progress(done, total) from its own goroutine. A cancelled
	// ctx stops it between files; the result lists what was written.
	PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (views.BatchResult, error)
}

// The statement formats WriteStatement takes.
const (
	FormatPDF  = "pdf"
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// missingScreen stands in for a screen whose service the back end does not
// provide yet, so the shell still opens.
type missingScreen string

func (m missingScreen) Content() fyne.CanvasObject {
	l := widget.NewLabel("The " + string(m) + " screen is not available in this build: the back end does not provide it.")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (m missingScreen) Shown() fyne.Focusable { return nil }
