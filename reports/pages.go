package reports

import "fmt"

// OrphanProblems returns what is wrong with the page breaks of a laid-out
// document: a page after the first that holds no data row of a section
// other than the year-to-date block (only the year to date, or only
// "(continued)" and a total), a total row alone with its heading on a
// page, or a section title as the last thing on a page.
func OrphanProblems(pages []Page) []string {
	var out []string
	for i, p := range pages {
		n := i + 1
		if n > 1 {
			rows := false
			for _, b := range p.Blocks {
				if b.Kind == "row" && b.Section != "ytd" {
					rows = true
				}
			}
			if !rows {
				out = append(out, fmt.Sprintf("page %d holds no row of its own: %v", n, p.Blocks))
			}
		}
		for j, b := range p.Blocks {
			if b.Kind == "total" && n > 1 {
				own := false
				for _, c := range p.Blocks[:j] {
					own = own || (c.Kind == "row" && c.Section == b.Section)
				}
				if !own {
					out = append(out, fmt.Sprintf("page %d: the total of %s stands without any of its rows", n, b.Section))
				}
			}
			if (b.Kind == "heading" || b.Kind == "continued" || b.Kind == "head") && j == len(p.Blocks)-1 {
				out = append(out, fmt.Sprintf("page %d ends with the title of %s", n, b.Section))
			}
		}
	}
	return out
}
