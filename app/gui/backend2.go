package gui

import "partnerdesk/ui"

// The dashboard, programs, period run and statements screens find these
// services on the backend by type assertion.
var (
	_ ui.DashboardService = (*Backend)(nil)
	_ ui.ProgramService   = (*Backend)(nil)
	_ ui.PeriodService    = (*Backend)(nil)
	_ ui.StatementService = (*Backend)(nil)
)

// The period run screen finds What changed on the backend by type assertion.
var _ ui.ChangesService = (*Backend)(nil)

// The registrations & activity screen finds this service on the backend by
// type assertion.
var _ ui.EntriesService = (*Backend)(nil)
