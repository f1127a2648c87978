package ui

import (
	"slices"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds the partner list's filters and order: selects over the
// values the backend reports (views.PartnerList), and the filter they
// make. Which partner a filter selects is the backend's rule.

// buildFilters makes the filter and sort selects, when the backend lists
// with filters.
func (sc *partnersScreen) buildFilters() {
	if sc.lister == nil {
		return
	}
	changed := func(string) { sc.reload() }
	kinds := []string{T("Any kind")}
	for _, k := range engine.PartnerKinds {
		kinds = append(kinds, kindName(k))
	}
	statuses := []string{T("Any status")}
	for _, st := range partnerStatuses {
		statuses = append(statuses, statusName(st))
	}
	sc.fKind = widget.NewSelect(kinds, nil)
	sc.fStatus = widget.NewSelect(statuses, nil)
	sc.fSegment = widget.NewSelect([]string{T("Any segment")}, nil)
	sc.fRegion = widget.NewSelect([]string{T("Any region")}, nil)
	sc.fTier = widget.NewSelect([]string{T("Any tier")}, nil)
	for _, s := range []*widget.Select{sc.fKind, sc.fStatus, sc.fSegment, sc.fRegion, sc.fTier} {
		s.SetSelectedIndex(0)
		s.OnChanged = changed
	}
	var sorts []string
	for _, o := range views.PartnerSorts {
		sorts = append(sorts, sortName(o))
	}
	sc.sortBy = widget.NewSelect(sorts, nil)
	sc.sortBy.SetSelectedIndex(0)
	sc.sortBy.OnChanged = changed
	sc.sortDesc = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
		sc.desc = !sc.desc
		if sc.desc {
			sc.sortDesc.SetIcon(theme.MoveUpIcon())
		} else {
			sc.sortDesc.SetIcon(theme.MoveDownIcon())
		}
		sc.reload()
	})
	sc.sortDesc.Importance = widget.LowImportance
	sc.filterBox = container.NewGridWithColumns(2,
		sc.fKind, sc.fStatus, sc.fSegment, sc.fRegion, sc.fTier,
		container.NewBorder(nil, nil, nil, sc.sortDesc, sc.sortBy))
}

// sortName is an order of the list as its select shows it.
func sortName(o string) string {
	switch o {
	case views.SortKind:
		return T("By kind")
	case views.SortSegment:
		return T("By segment")
	case views.SortRegion:
		return T("By region")
	case views.SortTier:
		return T("By tier")
	case views.SortStatus:
		return T("By status")
	case views.SortCountry:
		return T("By country")
	case views.SortJoined:
		return T("By joined date")
	}
	return T("By name")
}

// filter is what the search text and the selects ask for. The first
// option of each select is "any".
func (sc *partnersScreen) filter(q string) views.PartnerFilter {
	f := views.PartnerFilter{Query: q, Desc: sc.desc}
	if sc.fKind == nil {
		return f
	}
	if i := sc.fKind.SelectedIndex(); i > 0 {
		f.Kind = engine.PartnerKinds[i-1]
	}
	if i := sc.fStatus.SelectedIndex(); i > 0 {
		f.Status = partnerStatuses[i-1]
	}
	if i := sc.fSegment.SelectedIndex(); i > 0 {
		f.Segment = sc.fSegment.Selected
	}
	if i := sc.fRegion.SelectedIndex(); i > 0 {
		f.Region = sc.fRegion.Selected
	}
	if i := sc.fTier.SelectedIndex(); i > 0 {
		f.Tier = sc.fTier.Selected
	}
	if i := sc.sortBy.SelectedIndex(); i >= 0 {
		f.Sort = views.PartnerSorts[i]
	}
	return f
}

// setFilterOptions offers the segments, regions and tiers the file holds,
// keeping what is selected.
func (sc *partnersScreen) setFilterOptions(l views.PartnerList) {
	if sc.fSegment == nil {
		return
	}
	set := func(s *widget.Select, anyText string, values []string) {
		opts := append([]string{anyText}, values...)
		if slices.Equal(opts, s.Options) {
			return
		}
		keep := s.Selected
		on := s.OnChanged
		s.OnChanged = nil // the list is being reloaded already
		s.SetOptions(opts)
		if slices.Contains(opts, keep) {
			s.SetSelected(keep)
		} else {
			s.SetSelectedIndex(0)
		}
		s.OnChanged = on
	}
	set(sc.fSegment, T("Any segment"), l.Segments)
	set(sc.fRegion, T("Any region"), l.Regions)
	set(sc.fTier, T("Any tier"), l.Tiers)
}
