package gui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"

	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/ui"
)

// The dashboard, programs, period run and statements screens find these
// services on the backend by type assertion.
var (
	_ ui.DashboardService = (*Backend)(nil)
	_ ui.ProgramService   = (*Backend)(nil)
	_ ui.PeriodService    = (*Backend)(nil)
	_ ui.StatementService = (*Backend)(nil)
)

// Dashboard implements ui.DashboardService.
func (b *Backend) Dashboard(_ context.Context, period string) (ui.DashboardData, error) {
	d, err := b.svc.Dashboard(period)
	if err != nil {
		return ui.DashboardData{}, err
	}
	out := ui.DashboardData{
		Period: d.Period, Previous: d.Previous, YearBefore: d.YearBefore, Next: d.Next,
		Language: d.Language, Currency: d.Currency,
		Revenue: d.Revenue, RevenuePrevious: d.RevenuePrevious, RevenueYearBefore: d.RevenueYearBefore,
		GrowthPrevious: d.GrowthPrevious, GrowthYear: d.GrowthYear,
		Cost: d.Cost, CostPoints: d.CostPoints, CostRatio: d.CostRatio,
		ActivePartners: d.ActivePartners, AllActivePartners: d.AllActivePartners,
		Leaders: ui.Leaderboard{
			PartnersByRevenue: leaderRows(d.Leaders.PartnersByRevenue),
			PartnersByPoints:  leaderRows(d.Leaders.PartnersByPoints),
			RepsByRevenue:     leaderRows(d.Leaders.RepsByRevenue),
			RepsByPoints:      leaderRows(d.Leaders.RepsByPoints),
		},
		Registrations:     ui.RegistrationCounts(d.Registrations),
		Funds:             ui.FundPosition(d.Funds),
		PointsOutstanding: d.PointsOutstanding,
	}
	for _, m := range d.RevenueByMonth {
		out.RevenueByMonth = append(out.RevenueByMonth, ui.ChartPoint{Label: m.Month, Value: m.Revenue})
	}
	for _, p := range d.Programs {
		out.Programs = append(out.Programs, ui.ProgramCost(p))
	}
	for _, t := range d.Tiers {
		out.Tiers = append(out.Tiers, ui.TierCount(t))
	}
	return out, nil
}

func leaderRows(rs []app.LeaderRow) []ui.LeaderRow {
	out := make([]ui.LeaderRow, len(rs))
	for i, r := range rs {
		out[i] = ui.LeaderRow(r)
	}
	return out
}

// DashboardDetail implements ui.DashboardService.
func (b *Backend) DashboardDetail(_ context.Context, period string, f ui.Figure) (ui.DetailTable, error) {
	t, err := b.svc.DashboardDetail(period, app.DashboardFigure{Kind: app.FigureKind(f.Kind), Program: f.Program, Payee: f.Payee, Arg: f.Arg})
	if err != nil {
		return ui.DetailTable{}, err
	}
	out := ui.DetailTable{Title: t.Title, Columns: t.Columns, Total: t.Total, Rows: make([][]ui.Cell, len(t.Rows))}
	for i, r := range t.Rows {
		row := make([]ui.Cell, len(r))
		for j, c := range r {
			row[j] = ui.Cell{Kind: cellKind(c.Kind), Text: c.Text, Dec: c.Dec, Date: c.Date}
		}
		out.Rows[i] = row
	}
	return out, nil
}

func cellKind(k app.CellKind) ui.CellKind {
	switch k {
	case app.CellMoney:
		return ui.CellMoney
	case app.CellNumber:
		return ui.CellNumber
	case app.CellPoints:
		return ui.CellPoints
	case app.CellDate:
		return ui.CellDate
	}
	return ui.CellText
}

// Programs implements ui.ProgramService.
func (b *Backend) Programs(context.Context) (ui.ProgramList, error) {
	co, err := b.svc.Company()
	if err != nil {
		return ui.ProgramList{}, err
	}
	ps, err := b.svc.ProgramsWithSpend()
	if err != nil {
		return ui.ProgramList{}, err
	}
	out := ui.ProgramList{Language: co.Language, Currency: co.Currency}
	for _, p := range ps {
		out.Programs = append(out.Programs, ui.ProgramSummary{Program: p.Program, Spent: p.Spent})
	}
	return out, nil
}

// Program implements ui.ProgramService.
func (b *Backend) Program(_ context.Context, id engine.ID) (engine.Program, error) {
	return b.svc.ProgramByID(id)
}

// ReadProgram implements ui.ProgramService.
func (b *Backend) ReadProgram(_ context.Context, data []byte) (engine.Program, error) {
	return b.svc.ReadProgram(data)
}

// SaveProgram implements ui.ProgramService.
func (b *Backend) SaveProgram(_ context.Context, p engine.Program) (engine.Program, error) {
	return b.svc.SaveProgram(p)
}

// ExportProgram implements ui.ProgramService.
func (b *Backend) ExportProgram(_ context.Context, id engine.ID) ([]byte, error) {
	return b.svc.ExportProgramByID(id)
}

// Simulate implements ui.ProgramService.
func (b *Backend) Simulate(_ context.Context, p engine.Program, period string) (ui.Simulation, error) {
	co, err := b.svc.Company()
	if err != nil {
		return ui.Simulation{}, err
	}
	sim, err := b.svc.Simulate(p, period)
	if err != nil {
		return ui.Simulation{}, err
	}
	out := ui.Simulation{Program: sim.Program, Period: sim.Period, Language: co.Language, Currency: sim.Currency,
		Cost: sim.Total, Paid: sim.Actual, Difference: sim.Total.Sub(sim.Actual)}
	for _, r := range sim.Rows {
		out.Rows = append(out.Rows, ui.SimRow{Payee: r.Payee, Name: r.Name, Cost: r.Simulated, Points: r.Points, Paid: r.Actual, Difference: r.Diff})
		out.Points += r.Points
	}
	return out, nil
}

// CurrentPeriod implements ui.PeriodService and ui.StatementService.
func (b *Backend) CurrentPeriod(context.Context) (string, error) { return b.svc.RunPeriodKey() }

// Period implements ui.PeriodService.
func (b *Backend) Period(_ context.Context, key string) (ui.PeriodInfo, error) {
	p, err := b.svc.PeriodInfo(key)
	if err != nil {
		return ui.PeriodInfo{}, err
	}
	return ui.PeriodInfo(p), nil
}

// Compute implements ui.PeriodService.
func (b *Backend) Compute(_ context.Context, period string, progress func(done, total int)) (ui.ComputeResult, error) {
	r, err := b.svc.ComputeForRun(period, app.Progress(progress))
	if err != nil {
		return ui.ComputeResult{}, err
	}
	return ui.ComputeResult{Lines: r.Lines, Kept: r.Kept, Programs: r.Programs}, nil
}

// Review implements ui.PeriodService.
func (b *Backend) Review(_ context.Context, period string) (ui.Review, error) {
	r, err := b.svc.Review(period)
	if err != nil {
		return ui.Review{}, err
	}
	out := ui.Review{Period: ui.PeriodInfo(r.Period), Language: r.Language, Currency: r.Currency, Money: r.Money, Points: r.Points}
	for _, l := range r.Lines {
		out.Lines = append(out.Lines, ui.ReviewLine(l))
	}
	for _, t := range r.Totals {
		out.Totals = append(out.Totals, ui.ProgramTotal(t))
	}
	return out, nil
}

// Approve implements ui.PeriodService; past a budget the error wraps the
// *engine.BudgetError whose figures the screen asks the user about.
func (b *Backend) Approve(_ context.Context, period string, ids []engine.ID, confirmed bool) error {
	_, err := b.svc.Approve(period, ids, confirmed)
	if err != nil {
		return fmt.Errorf("approve %d lines of %s: %w", len(ids), period, err)
	}
	return err
}

// Pay implements ui.PeriodService.
func (b *Backend) Pay(_ context.Context, req ui.PayRequest) (engine.Payout, error) {
	in := app.PayInput{Lines: req.LineIDs, Method: req.Method, Reference: req.Reference}
	if req.Payee.ID != 0 {
		prefix := "P"
		if req.Payee.Kind == engine.PayeeRep {
			prefix = "R"
		}
		in.Payee = idRef(prefix, req.Payee.ID)
	}
	if req.Date != 0 {
		in.Date = req.Date.String()
	}
	return b.svc.Pay(in)
}

// CloseImpact implements ui.PeriodService.
func (b *Backend) CloseImpact(_ context.Context, period string) (ui.CloseImpact, error) {
	ci, err := b.svc.CloseImpact(period)
	if err != nil {
		return ui.CloseImpact{}, err
	}
	return ui.CloseImpact(ci), nil
}

// ClosePeriod implements ui.PeriodService.
func (b *Backend) ClosePeriod(_ context.Context, period string) error {
	_, err := b.svc.ClosePeriod(period)
	return err
}

// FindPayees implements ui.StatementService.
func (b *Backend) FindPayees(_ context.Context, query string, limit int) ([]ui.PayeeRef, error) {
	ps, err := b.svc.FindPayees(query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]ui.PayeeRef, len(ps))
	for i, p := range ps {
		out[i] = ui.PayeeRef(p)
	}
	return out, nil
}

// StatementPreview implements ui.StatementService.
func (b *Backend) StatementPreview(_ context.Context, period string, payee engine.Payee) (ui.StatementSummary, error) {
	sp, err := b.svc.StatementPreview(period, payee)
	if err != nil {
		return ui.StatementSummary{}, err
	}
	out := ui.StatementSummary{Payee: ui.PayeeRef(sp.Payee), Period: sp.Period, Language: sp.Language, Currency: sp.Currency,
		Tier: sp.Tier, Progress: sp.Progress, Nudges: sp.Nudges, Sales: sp.Sales, Rewards: sp.Rewards, Points: sp.Points,
		Fund: sp.Fund, Paid: sp.Paid, YTD: sp.YTD, Lines: sp.Lines}
	for _, p := range sp.Programs {
		out.Programs = append(out.Programs, ui.ProgramAmount(p))
	}
	return out, nil
}

// WriteStatement implements ui.StatementService.
func (b *Backend) WriteStatement(_ context.Context, period string, payee engine.Payee, format ui.StatementFormat, w io.Writer) error {
	return b.svc.WriteStatement(payee, period, string(format), w)
}

// PrintAll implements ui.StatementService. A cancelled run returns what it
// wrote with Canceled set and the context's error.
func (b *Backend) PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (ui.BatchResult, error) {
	payees, err := b.svc.PayeesWithLines(period)
	if err != nil {
		return ui.BatchResult{Dir: dir}, err
	}
	res, err := b.svc.PrintAll(ctx, period, dir, app.Progress(progress))
	out := ui.BatchResult{Dir: res.Dir, Total: len(payees), Canceled: res.Canceled}
	for _, f := range res.Files {
		out.Files = append(out.Files, filepath.Base(f))
	}
	for payee, reason := range res.Failed {
		out.Failed = append(out.Failed, ui.BatchFailure{Payee: payee, Reason: reason})
	}
	sort.Slice(out.Failed, func(i, j int) bool { return out.Failed[i].Payee < out.Failed[j].Payee })
	if err == nil && res.Canceled {
		err = ctx.Err()
	}
	return out, err
}
