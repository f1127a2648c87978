package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// tierPanel runs a tier review as of a day, shows what each partner
// achieved over the trailing window and the tier it qualifies for, and
// applies the proposals a person chose from an effective day (by default
// the first of the next month: a tier counts for a whole period from the
// period's first day).
type tierPanel struct {
	sc *entriesScreen
	fs fields

	asOf    *formEntry
	run     *widget.Button
	summary *widget.Label

	review views.TierReviewView
	picked map[engine.ID]bool
	sel    int
	table  *keyTable
	format numFmt

	from    *formEntry
	note    *formEntry
	count   *widget.Label
	apply   *widget.Button
	msg     formMessage
	content fyne.CanvasObject
}

func newTierPanel(sc *entriesScreen) *tierPanel {
	p := &tierPanel{sc: sc, picked: map[engine.ID]bool{}, sel: -1, msg: newFormMessage()}
	p.asOf = submitEntry(T("Today"), p.onReview)
	p.run = widget.NewButtonWithIcon(T("Review"), theme.SearchIcon(), p.onReview)
	p.summary = widget.NewLabel(T("Review the tiers as of a day: every partner is measured over the ladder's trailing window."))
	p.summary.Wrapping = fyne.TextWrapWord

	cols := []column{
		{T("✓"), 40, fyne.TextAlignCenter},
		{T("Partner"), 140, fyne.TextAlignLeading},
		{T("Holds"), 96, fyne.TextAlignLeading},
		{T("Proposed"), 96, fyne.TextAlignLeading},
		{T("Change"), 72, fyne.TextAlignLeading},
		{T("Revenue"), 124, fyne.TextAlignTrailing},
		{T("Units"), 60, fyne.TextAlignTrailing},
		{T("Certs"), 52, fyne.TextAlignTrailing},
		{T("Won regs"), 84, fyne.TextAlignTrailing},
		{T("Applied"), 160, fyne.TextAlignLeading},
	}
	p.table = newKeyTable(cols, func() int { return len(p.review.Proposals) }, p.cell, func(row int) bool { return row == p.sel })
	p.table.onChoose = func(row int) {
		p.sel = row
		p.table.Refresh()
		p.table.ScrollTo(widget.TableCellID{Row: row})
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		// A click both chooses the row and ticks or clears it.
		p.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.review.Proposals) {
			p.sel = id.Row
			p.toggle(id.Row)
		}
	}
	p.table.onRune = func(r rune) bool {
		if r == ' ' && p.sel >= 0 {
			p.toggle(p.sel)
			return true
		}
		return false
	}

	p.from = submitEntry("2026-08-01", p.onApply)
	p.note = submitEntry(T("Why (optional)"), p.onApply)
	p.count = widget.NewLabel("")
	all := widget.NewButton(T("Choose all"), func() { p.chooseAll(true) })
	none := widget.NewButton(T("Clear"), func() { p.chooseAll(false) })
	p.apply = widget.NewButtonWithIcon(T("Apply chosen"), theme.ConfirmIcon(), p.onApply)
	p.apply.Importance = widget.HighImportance

	asOf := p.fs.add(newField(EntryAsOf, T("Review as of"), p.asOf))
	from := p.fs.add(newField(EntryFrom, T("Effective from"), p.from))
	note := p.fs.add(newField(EntryNote, T("Note"), p.note))
	top := container.NewGridWithColumns(4, asOf.Cell(), saveCell(p.run), widget.NewLabel(""), widget.NewLabel(""))
	head := container.NewVBox(
		container.NewBorder(nil, nil, sectionTitle(T("Tier review")), nil, p.msg.Label),
		top, p.summary, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(p.count, all, none),
			widget.NewLabel(T("Space or a click ticks a proposal; Enter in the fields below applies the ticked ones."))),
		container.NewGridWithColumns(4, from.Cell(), note.Cell(), widget.NewLabel(""), saveCell(p.apply)))
	p.content = inOrder(head, p.table.fit(1), bottom)
	p.showCount()
	return p
}

// first is where the keyboard goes when the tab comes up: the list once a
// review is on show, else the day to review.
func (p *tierPanel) first() fyne.Focusable {
	if len(p.review.Proposals) > 0 {
		return p.table
	}
	return p.asOf
}

func (p *tierPanel) cell(row, col int) string {
	if row >= len(p.review.Proposals) {
		return ""
	}
	r := p.review.Proposals[row]
	e := r.Evidence
	switch col {
	case 0:
		if p.picked[r.PartnerID] {
			return "✓"
		}
		return "·"
	case 1:
		return r.Partner
	case 2:
		return r.Current
	case 3:
		return r.Proposed
	case 4:
		if r.Promotion {
			return T("↑ up")
		}
		return T("↓ down")
	case 5:
		return p.format.money(e.Revenue)
	case 6:
		return i18n.Number(e.Units, 0, p.format.lang)
	case 7:
		return fmt.Sprint(e.Certifications)
	case 8:
		return fmt.Sprint(e.WonRegistrations)
	case 9:
		if r.Scheduled == "" {
			return ""
		}
		return Tf("%s from %s", r.Scheduled, i18n.Date(r.ScheduledFrom, Lang()))
	}
	return ""
}

// onReview runs the review as of the typed day and ticks every promotion
// not applied yet. Demotions start unticked: taking a tier away is a
// decision a person makes partner by partner.
func (p *tierPanel) onReview() {
	p.fs.clearErrors()
	rv, err := p.sc.svc.ReviewTiersAsOf(p.asOf.trimmed())
	if err != nil {
		showFormError(p.sc.shell, &p.fs, p.msg, err)
		return
	}
	p.show(rv)
	p.msg.SetText("")
	p.sc.focus(p.first())
}

func (p *tierPanel) show(rv views.TierReviewView) {
	p.review = rv
	p.format = numFmt{lang: Lang(), cur: rv.Currency}
	p.asOf.SetText(rv.AsOf.String())
	p.from.SetText(rv.EffectiveFrom.String())
	if p.note.trimmed() == "" || strings.HasPrefix(p.note.Text, strings.TrimSpace(Tf("Tier review as of %s", ""))) {
		p.note.SetText(Tf("Tier review as of %s", rv.AsOf.String()))
	}
	p.picked = map[engine.ID]bool{}
	up := 0
	for _, r := range rv.Proposals {
		if r.Promotion {
			up++
		}
		p.picked[r.PartnerID] = r.Promotion && r.Scheduled != r.Proposed
	}
	p.sel = -1
	if len(rv.Proposals) > 0 {
		p.sel = 0
	}
	window := Tf("Window %s – %s", i18n.Date(rv.From, p.format.lang), i18n.Date(rv.To, p.format.lang))
	switch {
	case len(rv.Levels) == 0:
		p.summary.SetText(T("There is no tier ladder yet: define its levels before a review can propose anything."))
	case len(rv.Proposals) == 0:
		p.summary.SetText(Tf("%s: every active partner holds the tier it qualifies for.", window))
	default:
		p.summary.SetText(Tf("%s: %d changes proposed (%d promotions, %d demotions) over the ladder %s.",
			window, len(rv.Proposals), up, len(rv.Proposals)-up, strings.Join(rv.Levels, " → ")))
	}
	p.table.Refresh()
	p.showCount()
}

func (p *tierPanel) toggle(row int) {
	id := p.review.Proposals[row].PartnerID
	p.picked[id] = !p.picked[id]
	p.table.Refresh()
	p.showCount()
}

func (p *tierPanel) chooseAll(on bool) {
	for _, r := range p.review.Proposals {
		p.picked[r.PartnerID] = on
	}
	p.table.Refresh()
	p.showCount()
}

// chosen returns the ticked proposals in list order.
func (p *tierPanel) chosen() []views.TierProposalView {
	var out []views.TierProposalView
	for _, r := range p.review.Proposals {
		if p.picked[r.PartnerID] {
			out = append(out, r)
		}
	}
	return out
}

func (p *tierPanel) showCount() {
	n := len(p.chosen())
	p.count.SetText(Tf("%d of %d ticked", n, len(p.review.Proposals)))
	if n == 0 {
		p.apply.Disable()
	} else {
		p.apply.Enable()
	}
}

// onApply asks before it records the ticked changes: a tier decides
// rewards for every period from the effective day on.
func (p *tierPanel) onApply() {
	rows := p.chosen()
	if len(rows) == 0 {
		p.msg.bad(T("Tick at least one proposal to apply."))
		return
	}
	from := p.from.trimmed()
	lines := make([]string, 0, len(rows))
	picks := make([]views.TierPick, len(rows))
	for i, r := range rows {
		picks[i] = views.TierPick{PartnerID: r.PartnerID, Tier: r.Proposed}
		if i < 8 {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", r.Partner, r.Current, r.Proposed))
		}
	}
	if len(rows) > 8 {
		lines = append(lines, Tf("… and %d more", len(rows)-8))
	}
	p.sc.shell.Confirm(Tf("Apply %s?", changes(len(rows))), strings.Join(lines, "\n")+"\n\n"+Tf("Effective from %s.", from), func(yes bool) {
		if !yes {
			return
		}
		p.fs.clearErrors()
		got, err := p.sc.svc.ApplyTiers(picks, from, p.note.trimmed())
		if err != nil {
			showFormError(p.sc.shell, &p.fs, p.msg, err)
			return
		}
		asOf := p.review.AsOf
		rv, err := p.sc.svc.ReviewTiersAsOf(asOf.String())
		if err == nil {
			p.show(rv)
		}
		p.msg.ok(Tf("Applied %s from %s.", changes(len(got)), from))
	})
}

// changes counts tier changes in words: "1 tier change", "3 tier changes".
func changes(n int) string {
	if n == 1 {
		return T("1 tier change")
	}
	return Tf("%d tier changes", n)
}
