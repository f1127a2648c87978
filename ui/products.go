package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ScreenProducts is the products screen: the price list, searched and
// sorted, with a form to add and edit a product.
const ScreenProducts = "products"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenProducts, Title: "Products", IconName: theme.IconNameGrid, Order: 25,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(ProductsService)
			if !ok {
				return missingScreen("products")
			}
			return newProductsScreen(sh, svc)
		}})
}

// ProductsService serves the products screen; the command line's
// products, product-add and product-edit verbs call the same use cases.
type ProductsService interface {
	// Products returns every product, sorted by SKU.
	Products() ([]engine.Product, error)
	// SaveProductInput checks a product as typed (engine.CheckProduct, as
	// the import does) and stores it, new when in.ID is 0, with its audit
	// entry; bad fields come back as engine.ValidationErrors naming one of
	// the Product* field keys, and nothing is written.
	SaveProductInput(in views.ProductInput) (engine.Product, error)
	// Company gives the currency the prices are in.
	Company() (engine.Company, error)
}

// The field keys of a product, as the backend names them (the JSON names
// of engine.Product).
const (
	ProductSKU          = "sku"
	ProductName         = "name"
	ProductCategory     = "category"
	ProductListPrice    = "list_price"
	ProductSubscription = "subscription"
)

// The columns of the list, which are also the sort keys.
const (
	prodColSKU = iota
	prodColName
	prodColCategory
	prodColPrice
	prodColKind
)

// productsScreen lists the products (search by typing, sort by clicking a
// column title) and edits the one chosen, or a new one.
type productsScreen struct {
	shell *Shell
	svc   ProductsService

	all      []engine.Product
	shown    []engine.Product
	sortCol  int
	sortDesc bool
	format   numFmt

	search *widget.Entry
	count  *widget.Label
	table  *keyTable
	cols   []column

	editing  engine.Product // ID 0: a new product
	heading  *widget.Label
	fs       fields
	sku      *widget.Entry
	name     *widget.Entry
	category *widget.Entry
	price    *widget.Entry
	kind     *widget.RadioGroup
	message  *widget.Label

	content fyne.CanvasObject
}

func newProductsScreen(sh *Shell, svc ProductsService) *productsScreen {
	sc := &productsScreen{shell: sh, svc: svc, format: numFmt{lang: Lang()}}
	sc.build()
	sc.edit(engine.Product{})
	return sc
}

// Content is the screen.
func (sc *productsScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reloads the list and puts the cursor in the search field.
func (sc *productsScreen) Shown() fyne.Focusable {
	sc.reload()
	return sc.search
}

// Command handles New, Save, Find and Refresh.
func (sc *productsScreen) Command(c Command) bool {
	switch c {
	case CmdNew:
		sc.edit(engine.Product{})
		sc.focus(sc.sku)
	case CmdSave:
		sc.onSave()
	case CmdFind:
		sc.focus(sc.search)
	case CmdRefresh:
		sc.reload()
	default:
		return false
	}
	return true
}

func (sc *productsScreen) focus(f fyne.Focusable) {
	w := sc.shell.Window()
	if f != nil && w.Content() == sc.shell.Content() {
		w.Canvas().Focus(f)
	}
}

// kindChoices are the radio's two options: one-time, subscription.
func kindChoices() []string { return []string{T("One-time"), T("Subscription")} }

func (sc *productsScreen) build() {
	sc.search = widget.NewEntry()
	sc.search.PlaceHolder = T("Search SKU, name or category")
	sc.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	sc.search.OnChanged = func(string) { sc.applyFilter() }
	sc.search.OnSubmitted = func(string) {
		if len(sc.shown) > 0 {
			sc.edit(sc.shown[0])
			sc.focus(sc.name)
		}
	}
	sc.count = widget.NewLabel("")
	sc.count.Importance = widget.LowImportance
	sc.cols = []column{
		{Title: T("SKU"), Width: 120},
		{Title: T("Name"), Width: 160},
		{Title: T("Category"), Width: 100},
		{Title: T("List price"), Width: 120, Align: fyne.TextAlignTrailing},
		{Title: T("Kind"), Width: 110},
	}
	sc.table = newKeyTable(sc.cols, func() int { return len(sc.shown) }, sc.cell,
		func(row int) bool { return sc.editing.ID != 0 && sc.shown[row].ID == sc.editing.ID })
	sc.table.onChoose = func(row int) { sc.edit(sc.shown[row]) }
	// The column titles are buttons: a click sorts by that column, a
	// second click the other way round.
	sc.table.CreateHeader = func() fyne.CanvasObject { return newTapLabel() }
	sc.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*tapLabel)
		if id.Col < 0 || id.Col >= len(sc.cols) {
			return
		}
		title := sc.cols[id.Col].Title
		if id.Col == sc.sortCol {
			if sc.sortDesc {
				title = "▼ " + title
			} else {
				title = "▲ " + title
			}
		}
		col := id.Col
		l.Alignment = sc.cols[id.Col].Align
		l.SetText(title)
		l.onTap = func() { sc.sortBy(col) }
	}
	left := container.NewBorder(container.NewVBox(sc.search, sc.count), nil, nil, nil, sc.table.fit(prodColName))

	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onSave() }
		return e
	}
	sc.sku = entry(T("e.g. NL-ESS-LIC"))
	sc.name = entry(T("Product name as statements print it"))
	sc.category = entry(T("e.g. licence, support, cloud"))
	sc.price = entry(i18n.Number(decimal.NewFromInt(1200), 2, Lang()))
	sc.kind = widget.NewRadioGroup(kindChoices(), nil)
	sc.kind.Horizontal = true
	sc.kind.Required = true
	sc.heading = sectionTitle("")
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon(T("Save"), theme.DocumentSaveIcon(), sc.onSave)
	save.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(T("New product"), theme.ContentAddIcon(), func() {
		sc.edit(engine.Product{})
		sc.focus(sc.sku)
	})
	hint := widget.NewLabel(T("Ctrl+N new · Ctrl+S or Enter saves · ↓ ↑ in the list choose · click a column title to sort"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	form := container.NewVBox(
		sc.heading,
		formGrid(
			sc.fs.add(newField(ProductSKU, T("SKU"), sc.sku)),
			sc.fs.add(newField(ProductName, T("Name"), sc.name)),
			sc.fs.add(newField(ProductCategory, T("Category"), sc.category)),
			sc.fs.add(newField(ProductListPrice, T("List price"), sc.price)),
			sc.fs.add(newField(ProductSubscription, T("Sold as"), sc.kind)),
		),
		container.NewHBox(save, newBtn),
		sc.message,
		hint,
	)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.66
	sc.content = split
}

func (sc *productsScreen) cell(row, col int) string {
	p := sc.shown[row]
	switch col {
	case prodColSKU:
		return p.SKU
	case prodColName:
		return p.Name
	case prodColCategory:
		return p.Category
	case prodColPrice:
		return sc.format.amount(p.ListPrice)
	case prodColKind:
		return kindChoices()[kindIndex(p.Subscription)]
	}
	return ""
}

func kindIndex(subscription bool) int {
	if subscription {
		return 1
	}
	return 0
}

// reload reads the products again.
func (sc *productsScreen) reload() {
	ps, err := sc.svc.Products()
	if err != nil {
		sc.shell.ShowError(err)
		return
	}
	if co, err := sc.svc.Company(); err == nil {
		sc.format = numFmt{lang: Lang(), cur: co.Currency}
	}
	sc.all = ps
	sc.applyFilter()
}

// applyFilter lists the products whose SKU, name or category contains the
// search text regardless of case and accents, in the order chosen.
func (sc *productsScreen) applyFilter() {
	q := engine.FoldName(sc.search.Text)
	sc.shown = sc.shown[:0]
	for _, p := range sc.all {
		if q == "" || strings.Contains(engine.FoldName(p.SKU+"\x00"+p.Name+"\x00"+p.Category), q) {
			sc.shown = append(sc.shown, p)
		}
	}
	sc.sortShown()
	switch {
	case len(sc.shown) == 0 && q != "":
		sc.count.SetText(T("No product matches."))
	default:
		sc.count.SetText(Tf("%d of %d products", len(sc.shown), len(sc.all)))
	}
	sc.table.Refresh()
}

// sortBy sorts by column col; the same column again reverses the order.
func (sc *productsScreen) sortBy(col int) {
	if col == sc.sortCol {
		sc.sortDesc = !sc.sortDesc
	} else {
		sc.sortCol, sc.sortDesc = col, false
	}
	sc.sortShown()
	sc.table.Refresh()
}

func (sc *productsScreen) sortShown() {
	key := func(p engine.Product) string {
		switch sc.sortCol {
		case prodColName:
			return engine.FoldName(p.Name)
		case prodColCategory:
			return engine.FoldName(p.Category)
		case prodColKind:
			return kindChoices()[kindIndex(p.Subscription)]
		}
		return engine.FoldName(p.SKU)
	}
	slices.SortStableFunc(sc.shown, func(a, b engine.Product) int {
		c := 0
		if sc.sortCol == prodColPrice {
			c = a.ListPrice.Cmp(b.ListPrice)
		} else {
			c = cmp.Compare(key(a), key(b))
		}
		c = cmp.Or(c, cmp.Compare(engine.FoldName(a.SKU), engine.FoldName(b.SKU)))
		if sc.sortDesc {
			return -c
		}
		return c
	})
}

// edit puts p in the form (a new product when its ID is 0).
func (sc *productsScreen) edit(p engine.Product) {
	sc.editing = p
	sc.fs.clearErrors()
	sc.message.SetText("")
	if p.ID == 0 {
		sc.heading.SetText(T("New product"))
		sc.sku.SetText("")
		sc.name.SetText("")
		sc.category.SetText("")
		sc.price.SetText("")
		sc.kind.SetSelected(kindChoices()[0])
	} else {
		sc.heading.SetText(Tf("Product %s", p.SKU))
		sc.sku.SetText(p.SKU)
		sc.name.SetText(p.Name)
		sc.category.SetText(p.Category)
		sc.price.SetText(sc.format.amount(p.ListPrice))
		sc.kind.SetSelected(kindChoices()[kindIndex(p.Subscription)])
	}
	sc.table.Refresh()
}

// onSave sends the form to the backend; a refusal shows beside its field.
func (sc *productsScreen) onSave() {
	in := views.ProductInput{ID: sc.editing.ID, SKU: sc.sku.Text, Name: sc.name.Text, Category: sc.category.Text,
		ListPrice: trimmed(sc.price), Subscription: sc.kind.Selected == kindChoices()[1]}
	p, err := sc.svc.SaveProductInput(in)
	if err != nil {
		rest, ok := sc.fs.showErrors(err, nil)
		if !ok {
			sc.shell.ShowError(err)
			return
		}
		sc.message.SetText(strings.Join(rest, " "))
		sc.content.Refresh() // a wrapped reason makes its field taller
		if f := sc.fs.firstError(); f != nil {
			if fo, ok := f.input.(fyne.Focusable); ok {
				sc.focus(fo)
			}
		}
		return
	}
	added := sc.editing.ID == 0
	sc.reload()
	sc.edit(p)
	if added {
		sc.message.SetText(Tf("Product %s added.", p.SKU))
	} else {
		sc.message.SetText(Tf("Product %s saved.", p.SKU))
	}
}

// tapLabel is a bold column title that a click sorts by; it ends in an
// ellipsis when its column is narrow.
type tapLabel struct {
	widget.Label
	onTap func()
}

func newTapLabel() *tapLabel {
	l := &tapLabel{}
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Tapped sorts by the column.
func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}
