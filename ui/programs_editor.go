package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The rule editor: every field of docs/programs.md, one rule at a time.
// Tables (bands, tier bands, steps, per-partner targets, tier multipliers)
// are typed one row a line, so they are edited from the keyboard like any
// text. The editor keeps the program being edited in s.draft; what the
// form does not show (identity, golden examples, earlier rule versions, a
// confirmed rate) is carried through untouched.

// ruleEditor holds the widgets of the rule on show.
type ruleEditor struct {
	pick              *widget.Select // which rule
	cur               int            // index of the rule on the form
	key, name, cap    *widget.Entry
	kind, basis       *widget.Select
	categories, skus  *listPicker // picked by typing (programs_pickers.go)
	customer, product *widget.Select
	partnerKinds      *widget.Entry
	repRoles          *widget.Entry
	matrix            [4]*widget.Entry
	multipliers       *widget.Entry
	head, common      *widget.Form // the rule's identity; its filters, matrix, multipliers and cap

	// rate
	rate, bands, tierBands *widget.Entry
	mode                   *widget.Select
	// target
	defaultTarget, targets, steps, accelerator *widget.Entry
	// spif
	spifSKUs                               *listPicker
	spifFrom, spifTo, spifAmount, spifRate *widget.Entry
	perDeal                                *widget.Check
	// dealreg
	dealRate *widget.Entry
	// referral
	bounty, refRate, refMonths *widget.Entry
	// fund
	fundRate, fundDays *widget.Entry
	fund               *widget.Select
	// training
	courses, trainAmount *widget.Entry
	trainUnit            *widget.Select
	// activity
	types, actAmount *widget.Entry
	actUnit          *widget.Select
	actToRep         *widget.Check
	// loyalty
	points, per, loyMonths *widget.Entry
	loyToRep               *widget.Check

	kindForms map[engine.RuleKind]*widget.Form
	kindStack *fyne.Container
	// items maps a field's JSON path under the rule ("rate.bands") to its
	// form item, where its problem is shown.
	items map[string]*widget.FormItem
}

// Program-level fields the head form gains for the editor.
type eligibilityFields struct {
	kinds, segments *widget.Entry
	tiers, partners *listPicker // picked by typing (programs_pickers.go)
}

func (s *ProgramsScreen) editorEntry(placeholder string, multi bool) *widget.Entry {
	var e *widget.Entry
	if multi {
		e = widget.NewMultiLineEntry()
		e.SetMinRowsVisible(3)
	} else {
		e = widget.NewEntry()
	}
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.onEdited() }
	return e
}

func (s *ProgramsScreen) editorSelect(options []string) *widget.Select {
	return widget.NewSelect(options, func(string) { s.onEdited() })
}

func (s *ProgramsScreen) editorCheck(label string) *widget.Check {
	return widget.NewCheck(label, func(bool) { s.onEdited() })
}

// buildEditor makes the eligibility fields and the rule editor. It is long
// because it declares one field for every setting of the nine rule kinds,
// in the order the form shows them.
func (s *ProgramsScreen) buildEditor() fyne.CanvasObject {
	el := &s.elig
	el.kinds = s.editorEntry(T("every kind, or e.g. reseller, msp"), false)
	el.segments = s.editorEntry(T("every segment, or e.g. education"), false)
	s.pickers.hint = map[*listPicker]string{}
	el.tiers = s.newPicker(T("every tier; type to pick"), tierChoices)
	el.partners = s.newPicker(T("every partner; type a name or code"), partnerPickChoices)
	for _, it := range s.form.Items {
		it.HintText = noHint
	}
	s.form.Items = append(s.form.Items[:len(s.form.Items)-1],
		hinted(T("Eligible kinds"), el.kinds),
		hinted(T("Segments"), el.segments),
		el.tiers.placed(T("Tiers")),
		el.partners.placed(T("Partners")),
		s.form.Items[len(s.form.Items)-1]) // Description stays last
	s.form.Refresh()

	r := &s.re
	r.pick = widget.NewSelect(nil, func(string) {
		if s.loading {
			return
		}
		s.showRule(r.pick.SelectedIndex())
	})
	r.key = s.editorEntry(T("unique in the program, e.g. rebate"), false)
	r.name = s.editorEntry(T("starts every explanation"), false)
	kinds := make([]string, len(engine.RuleKinds))
	for i, k := range engine.RuleKinds {
		kinds[i] = string(k)
	}
	r.kind = widget.NewSelect(kinds, func(k string) {
		s.showKind(engine.RuleKind(k))
		s.onEdited()
	})
	r.basis = s.editorSelect([]string{string(engine.BasisRevenue), string(engine.BasisUnits)})
	r.cap = s.editorEntry(T("no cap"), false)
	r.categories = s.newPicker(T("every category; type to pick"), categoryChoices)
	r.skus = s.newPicker(T("every SKU; type a SKU or name"), skuChoices)
	r.customer = s.editorSelect([]string{"any", string(engine.FilterNew), string(engine.FilterExisting)})
	r.product = s.editorSelect([]string{"any", string(engine.FilterNew), string(engine.FilterExisting)})
	r.partnerKinds = s.editorEntry(T("every partner kind"), false)
	r.repRoles = s.editorEntry(T("every rep role"), false)
	// The customer x product matrix: a new or existing customer buying a
	// new or existing product (the labels stay short: the form is narrow).
	for i, ph := range []string{"1 (new customer, new product)", "1 (new customer, existing product)", "1 (existing customer, new product)", "1 (existing customer, existing product)"} {
		r.matrix[i] = s.editorEntry(ph, false)
	}
	r.multipliers = s.editorEntry(T("one tier a line, e.g. Gold: 1.2"), true)
	r.head = widget.NewForm(
		hinted(T("Key"), r.key),
		hinted(T("Rule name"), r.name),
		hinted(T("Kind"), r.kind),
		hinted(T("Basis"), r.basis))
	r.common = widget.NewForm(
		r.categories.placed(T("Categories")),
		r.skus.placed(T("SKUs")),
		hinted(T("Customers"), r.customer),
		hinted(T("Products"), r.product),
		hinted(T("Partner kinds"), r.partnerKinds),
		hinted(T("Rep roles"), r.repRoles),
		hinted(T("Weight new × new"), r.matrix[0]),
		hinted(T("New × existing"), r.matrix[1]),
		hinted(T("Existing × new"), r.matrix[2]),
		hinted(T("Existing × existing"), r.matrix[3]),
		hinted(T("Tier multipliers"), r.multipliers),
		hinted(T("Cap per payee"), r.cap),
	)
	r.items = map[string]*widget.FormItem{}
	for i, p := range []string{"key", "name", "kind", "basis"} {
		r.items[p] = r.head.Items[i]
	}
	for i, p := range []string{"filter.categories", "filter.skus", "filter.customer", "filter.product",
		"filter.partner_kinds", "filter.rep_roles", "matrix.new_customer_new_product", "matrix.new_customer_existing_product",
		"matrix.existing_customer_new_product", "matrix.existing_customer_existing_product", "tier_multipliers", "cap"} {
		r.items[p] = r.common.Items[i]
	}

	units := []string{string(engine.UnitMoney), string(engine.UnitPoints)}
	r.rate = s.editorEntry(T("% of revenue, or per unit on units"), false)
	r.mode = s.editorSelect([]string{string(engine.Retroactive), string(engine.Marginal)})
	r.bands = s.editorEntry(T("one band a line: from, rate\n0  2\n50000  4"), true)
	r.bands.SetMinRowsVisible(5)
	r.tierBands = s.editorEntry(T("one tier a line, e.g. Gold: 0 3; 50000 5"), true)
	r.defaultTarget = s.editorEntry("e.g. 100000", false)
	r.targets = s.editorEntry(T("one partner a line: id: target, e.g. 12: 150000"), true)
	r.steps = s.editorEntry(T("one step a line: attainment %, amount\n80  500\n100  1500"), true)
	r.accelerator = s.editorEntry(T("% of the basis above target"), false)
	r.spifSKUs = s.newPicker(T("type a SKU or name to pick"), skuChoices)
	r.spifFrom, r.spifTo = s.editorEntry("2026-07-01", false), s.editorEntry("2026-09-30", false)
	r.spifAmount = s.editorEntry(T("per unit, or per deal"), false)
	r.perDeal = s.editorCheck("one amount per sale line")
	r.spifRate = s.editorEntry(T("or % of the net amount"), false)
	r.dealRate = s.editorEntry(T("% of registered deals"), false)
	r.bounty = s.editorEntry(T("per new customer"), false)
	r.refRate = s.editorEntry(T("% of subscription revenue"), false)
	r.refMonths = s.editorEntry(T("while the program runs"), false)
	r.fundRate = s.editorEntry(T("% of revenue"), false)
	r.fundDays = s.editorEntry(T("days after the period end"), false)
	r.fund = s.editorSelect([]string{"MDF", "co-op"})
	r.courses = s.editorEntry(T("e.g. Firewall basics, Cloud admin"), false)
	r.trainAmount = s.editorEntry(T("per course"), false)
	r.trainUnit = s.editorSelect(units)
	r.types = s.editorEntry(T("e.g. webinar, demo"), false)
	r.actAmount = s.editorEntry(T("per activity"), false)
	r.actUnit = s.editorSelect(units)
	r.actToRep = s.editorCheck("the rep on the activity")
	r.points = s.editorEntry(T("points"), false)
	r.per = s.editorEntry(T("per this much basis"), false)
	r.loyToRep = s.editorCheck("points to the rep")
	r.loyMonths = s.editorEntry(T("points never expire"), false)

	type item struct {
		path, label string
		w           fyne.CanvasObject
	}
	forms := []struct {
		kind  engine.RuleKind
		items []item
	}{
		{engine.RuleRate, []item{{"rate.rate", T("Flat rate"), r.rate}, {"rate.mode", T("Bands read"), r.mode}, {"rate.bands", T("Bands"), r.bands}, {"rate.tier_bands", T("Bands per tier"), r.tierBands}}},
		{engine.RuleTarget, []item{{"target.default_target", T("Default target"), r.defaultTarget}, {"target.targets", T("Partner targets"), r.targets}, {"target.steps", T("Steps"), r.steps}, {"target.accelerator", T("Accelerator"), r.accelerator}}},
		{engine.RuleSPIF, []item{{"spif.skus", T("SPIF SKUs"), r.spifSKUs.completionEntry}, {"spif.from", T("From"), r.spifFrom}, {"spif.to", T("To"), r.spifTo}, {"spif.amount", T("Amount"), r.spifAmount}, {"spif.per_deal", T("Per deal"), r.perDeal}, {"spif.rate", T("Rate"), r.spifRate}}},
		{engine.RuleDealReg, []item{{"dealreg.rate", T("Rate"), r.dealRate}}},
		{engine.RuleReferral, []item{{"referral.bounty", T("Bounty"), r.bounty}, {"referral.rate", T("Rate"), r.refRate}, {"referral.months", T("Months"), r.refMonths}}},
		{engine.RuleFund, []item{{"fund.rate", T("Rate"), r.fundRate}, {"fund.validity_days", T("Valid (days)"), r.fundDays}, {"fund.fund", T("Fund"), r.fund}}},
		{engine.RuleTraining, []item{{"training.courses", T("Courses"), r.courses}, {"training.amount", T("Amount"), r.trainAmount}, {"training.unit", T("Unit"), r.trainUnit}}},
		{engine.RuleActivity, []item{{"activity.types", T("Activity types"), r.types}, {"activity.amount", T("Amount"), r.actAmount}, {"activity.unit", T("Unit"), r.actUnit}, {"activity.to_rep", T("To rep"), r.actToRep}}},
		{engine.RuleLoyalty, []item{{"loyalty.points", T("Points"), r.points}, {"loyalty.per", T("Per"), r.per}, {"loyalty.to_rep", T("To rep"), r.loyToRep}, {"loyalty.validity_months", T("Points valid (months)"), r.loyMonths}}},
	}
	r.kindForms = map[engine.RuleKind]*widget.Form{}
	r.kindStack = container.NewStack()
	for _, f := range forms {
		form := widget.NewForm()
		for _, it := range f.items {
			fi := hinted(it.label, it.w)
			form.AppendItem(fi)
			r.items[it.path] = fi
		}
		form.Hide()
		r.kindForms[f.kind] = form
		r.kindStack.Add(form)
	}

	addBtn := widget.NewButtonWithIcon(T("Add rule"), theme.ContentAddIcon(), s.onAddRule)
	removeBtn := widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), s.onRemoveRule)
	s.editorProblems = widget.NewLabel("")
	s.editorProblems.Importance = widget.DangerImportance
	s.editorProblems.Wrapping = fyne.TextWrapWord
	ruleHead := widget.NewLabelWithStyle(T("Rules"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The buttons beside the heading, not the picker: a long rule name
	// widens the picker, and the form must fit the pane.
	return container.NewVBox(s.form, widget.NewSeparator(),
		container.NewBorder(nil, nil, ruleHead, container.NewHBox(addBtn, removeBtn)), r.pick,
		r.head, r.kindStack, r.common, s.editorProblems)
}

// noHint is the hint of a field with no problem (see buildEditor).
const noHint = " "

// hinted is a form item drawn with its hint line from the start: Fyne's
// form draws a hint only for an item that had one when first drawn. The
// blank line also keeps the form from jumping when a problem appears.
func hinted(label string, w fyne.CanvasObject) *widget.FormItem {
	return &widget.FormItem{Text: label, Widget: w, HintText: noHint}
}

// showKind shows the kind's own fields.
func (s *ProgramsScreen) showKind(k engine.RuleKind) {
	for kind, f := range s.re.kindForms {
		if kind == k {
			f.Show()
		} else {
			f.Hide()
		}
	}
	s.re.kindStack.Refresh()
}

// loadEditor fills the editor with p's eligibility and first rule.
func (s *ProgramsScreen) loadEditor(p engine.Program) {
	s.draft = p
	s.draft.Rules = append([]engine.Rule(nil), p.Rules...)
	s.draft.Examples = append([]engine.Example(nil), p.Examples...) // edited in place by the examples tab
	if len(s.draft.Rules) == 0 {
		s.draft.Rules = []engine.Rule{{Key: "rule1", Kind: engine.RuleRate, Rate: &engine.RateRule{}}}
	}
	s.tried = false
	s.loading = true
	defer func() { s.loading = false }()
	el := &s.elig
	kinds := make([]string, len(p.Eligibility.Kinds))
	for i, k := range p.Eligibility.Kinds {
		kinds[i] = string(k)
	}
	el.kinds.SetText(strings.Join(kinds, ", "))
	el.segments.SetText(strings.Join(p.Eligibility.Segments, ", "))
	el.tiers.SetList(strings.Join(p.Eligibility.Tiers, ", "))
	el.partners.SetList(s.partnersText(p.Eligibility.Partners))
	s.re.cur = -1
	s.showRule(0)
	s.loadExamples()
}

// ruleLabels names the rules in the picker.
func (s *ProgramsScreen) ruleLabels() []string {
	out := make([]string, len(s.draft.Rules))
	for i, r := range s.draft.Rules {
		name := r.Name
		if name == "" {
			name = r.Key
		}
		out[i] = fmt.Sprintf("%d. %s (%s)", i+1, name, r.Kind)
	}
	return out
}

// showRule keeps the rule on show and shows rule i.
func (s *ProgramsScreen) showRule(i int) {
	if i < 0 || i >= len(s.draft.Rules) {
		return
	}
	if s.re.cur >= 0 && s.re.cur < len(s.draft.Rules) && s.re.cur != i {
		if r, bad := s.readRule(); len(bad) == 0 {
			s.draft.Rules[s.re.cur] = r
		}
	}
	was := s.loading
	s.loading = true
	defer func() { s.loading = was }()
	s.re.cur = i
	s.re.pick.Options = s.ruleLabels()
	s.re.pick.SetSelectedIndex(i)
	s.writeRule(s.draft.Rules[i])
	s.updateBands()
	if !was {
		s.validateDraft()
	}
}

// setSelected selects v, or nothing when v is not an option (Fyne's
// SetSelected would keep the previous rule's choice).
func setSelected(sel *widget.Select, v string) {
	for _, o := range sel.Options {
		if o == v {
			sel.SetSelected(v)
			return
		}
	}
	sel.ClearSelected()
}

func joinDec(ds ...decimal.Decimal) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, "  ")
}

func bandsText(bs []engine.Band, sep string) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = joinDec(b.From, b.Rate)
	}
	return strings.Join(parts, sep)
}

func decText(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func dateText(d engine.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// writeRule shows r on the form. It is long because it fills every field of
// every rule kind, one assignment each, mirroring readRule.
func (s *ProgramsScreen) writeRule(r engine.Rule) {
	e := &s.re
	e.key.SetText(r.Key)
	e.name.SetText(r.Name)
	setSelected(e.kind, string(r.Kind))
	s.showKind(r.Kind)
	setSelected(e.basis, string(r.Basis))
	if r.Cap.Valid {
		e.cap.SetText(r.Cap.Decimal.String())
	} else {
		e.cap.SetText("")
	}
	f := r.Filter
	e.categories.SetList(strings.Join(f.Categories, ", "))
	e.skus.SetList(strings.Join(f.SKUs, ", "))
	newSel := func(sel *widget.Select, v engine.NewFilter) {
		if v == engine.FilterAny {
			sel.SetSelected("any")
		} else {
			sel.SetSelected(string(v))
		}
	}
	newSel(e.customer, f.Customer)
	newSel(e.product, f.Product)
	kinds := make([]string, len(f.PartnerKinds))
	for i, k := range f.PartnerKinds {
		kinds[i] = string(k)
	}
	e.partnerKinds.SetText(strings.Join(kinds, ", "))
	e.repRoles.SetText(strings.Join(f.RepRoles, ", "))
	if m := r.Matrix; m != nil {
		for i, d := range []decimal.Decimal{m.NewNew, m.NewExisting, m.ExistingNew, m.ExistingExisting} {
			e.matrix[i].SetText(d.String())
		}
	} else {
		for _, m := range e.matrix {
			m.SetText("")
		}
	}
	tiers := make([]string, 0, len(r.TierMultipliers))
	for t := range r.TierMultipliers {
		tiers = append(tiers, t)
	}
	sort.Strings(tiers)
	lines := make([]string, len(tiers))
	for i, t := range tiers {
		lines[i] = t + ": " + r.TierMultipliers[t].String()
	}
	e.multipliers.SetText(strings.Join(lines, "\n"))

	rr := engine.RateRule{}
	if r.Rate != nil {
		rr = *r.Rate
	}
	e.rate.SetText(decText(rr.Rate))
	setSelected(e.mode, string(rr.Mode))
	e.bands.SetText(bandsText(rr.Bands, "\n"))
	tiers = tiers[:0]
	for t := range rr.TierBands {
		tiers = append(tiers, t)
	}
	sort.Strings(tiers)
	lines = lines[:0]
	for _, t := range tiers {
		lines = append(lines, t+": "+bandsText(rr.TierBands[t], "; "))
	}
	e.tierBands.SetText(strings.Join(lines, "\n"))

	tr := engine.TargetRule{}
	if r.Target != nil {
		tr = *r.Target
	}
	e.defaultTarget.SetText(decText(tr.DefaultTarget))
	ids := make([]engine.ID, 0, len(tr.Targets))
	for id := range tr.Targets {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	lines = lines[:0]
	for _, id := range ids {
		lines = append(lines, fmt.Sprintf("%d: %s", id, tr.Targets[id]))
	}
	e.targets.SetText(strings.Join(lines, "\n"))
	steps := make([]string, len(tr.Steps))
	for i, st := range tr.Steps {
		steps[i] = joinDec(st.Attainment, st.Amount)
	}
	e.steps.SetText(strings.Join(steps, "\n"))
	e.accelerator.SetText(decText(tr.Accelerator))

	sp := engine.SPIFRule{}
	if r.SPIF != nil {
		sp = *r.SPIF
	}
	e.spifSKUs.SetList(strings.Join(sp.SKUs, ", "))
	e.spifFrom.SetText(dateText(sp.From))
	e.spifTo.SetText(dateText(sp.To))
	e.spifAmount.SetText(decText(sp.Amount))
	e.perDeal.SetChecked(sp.PerDeal)
	e.spifRate.SetText(decText(sp.Rate))

	dr := engine.DealRegRule{}
	if r.DealReg != nil {
		dr = *r.DealReg
	}
	e.dealRate.SetText(decText(dr.Rate))
	rf := engine.ReferralRule{}
	if r.Referral != nil {
		rf = *r.Referral
	}
	e.bounty.SetText(decText(rf.Bounty))
	e.refRate.SetText(decText(rf.Rate))
	e.refMonths.SetText(intText(rf.Months))
	fu := engine.FundRule{}
	if r.Fund != nil {
		fu = *r.Fund
	}
	e.fundRate.SetText(decText(fu.Rate))
	e.fundDays.SetText(intText(fu.ValidityDays))
	setSelected(e.fund, fu.Fund)
	trn := engine.TrainingRule{}
	if r.Training != nil {
		trn = *r.Training
	}
	e.courses.SetText(strings.Join(trn.Courses, ", "))
	e.trainAmount.SetText(decText(trn.Amount))
	setSelected(e.trainUnit, string(trn.Unit))
	ac := engine.ActivityRule{}
	if r.Activity != nil {
		ac = *r.Activity
	}
	e.types.SetText(strings.Join(ac.Types, ", "))
	e.actAmount.SetText(decText(ac.Amount))
	setSelected(e.actUnit, string(ac.Unit))
	e.actToRep.SetChecked(ac.ToRep)
	lo := engine.LoyaltyRule{}
	if r.Loyalty != nil {
		lo = *r.Loyalty
	}
	e.points.SetText(decText(lo.Points))
	e.per.SetText(decText(lo.Per))
	e.loyToRep.SetChecked(lo.ToRep)
	e.loyMonths.SetText(intText(lo.ValidityMonths))
}

func (s *ProgramsScreen) onAddRule() {
	if r, bad := s.readRule(); len(bad) == 0 && s.re.cur >= 0 {
		s.draft.Rules[s.re.cur] = r
	}
	n := len(s.draft.Rules) + 1
	key := fmt.Sprintf("rule%d", n)
	s.draft.Rules = append(s.draft.Rules, engine.Rule{Key: key, Kind: engine.RuleRate, Rate: &engine.RateRule{}})
	s.re.cur = -1
	s.showRule(n - 1)
	s.win.Canvas().Focus(s.re.name)
}

func (s *ProgramsScreen) onRemoveRule() {
	i := s.re.cur
	if i < 0 || len(s.draft.Rules) <= 1 {
		s.editorProblems.SetText(T("A program needs at least one rule: change this one instead."))
		return
	}
	s.draft.Rules = append(s.draft.Rules[:i:i], s.draft.Rules[i+1:]...)
	s.re.cur = -1
	s.showRule(max(0, i-1))
	s.onEdited()
}
