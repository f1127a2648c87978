package app

import (
	"fmt"
	"strconv"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// findPartner resolves what a user typed: an id ("12" or "P12"), a referral
// code or a name (case and accents ignored, engine.SameName). A name that matches several partners is
// refused rather than guessed.
func findPartner(tx *data.Tx, ref string) (*engine.Partner, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, fmt.Errorf("no partner given")
	}
	if id, ok := parseID(ref, "P"); ok {
		if p, err := data.Get[engine.Partner](tx, id); err == nil {
			return p, nil
		}
	}
	var byCode, byName []*engine.Partner
	err := data.Each(tx, func(p *engine.Partner) error {
		switch {
		case p.ReferralCode != "" && strings.EqualFold(p.ReferralCode, ref):
			c := *p
			byCode = append(byCode, &c)
		case engine.SameName(p.Name, ref):
			c := *p
			byName = append(byName, &c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	switch {
	case len(byCode) == 1:
		return byCode[0], nil
	case len(byName) == 1:
		return byName[0], nil
	case len(byName) > 1:
		return nil, fmt.Errorf("%d partners are named %q: use the id", len(byName), ref)
	}
	return nil, fmt.Errorf("no partner has the id, name or referral code %q", ref)
}

// findRep resolves a rep of partner pid by id or name.
func findRep(tx *data.Tx, pid engine.ID, ref string) (*engine.Rep, error) {
	ref = strings.TrimSpace(ref)
	if id, ok := parseID(ref, "R"); ok {
		r, err := data.Get[engine.Rep](tx, id)
		if err == nil {
			if r.PartnerID != pid {
				return nil, fmt.Errorf("rep %d (%s) works for another partner", r.ID, r.Name)
			}
			return r, nil
		}
	}
	var found []*engine.Rep
	err := data.Each(tx, func(r *engine.Rep) error {
		if r.PartnerID == pid && strings.EqualFold(r.Name, ref) {
			c := *r
			found = append(found, &c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(found) > 1 {
		return nil, fmt.Errorf("%d reps of this partner are named %q: use the id", len(found), ref)
	}
	return nil, fmt.Errorf("the partner has no rep %q", ref)
}

// findProduct resolves a product by SKU (case and accents do not matter,
// as everywhere a SKU is matched) or id.
func findProduct(tx *data.Tx, ref string) (*engine.Product, error) {
	ref = strings.TrimSpace(ref)
	var found *engine.Product
	err := data.Each(tx, func(p *engine.Product) error {
		if found == nil && engine.SameName(p.SKU, ref) {
			c := *p
			found = &c
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found != nil {
		return found, nil
	}
	if id, ok := parseID(ref, ""); ok {
		if p, err := data.Get[engine.Product](tx, id); err == nil {
			return p, nil
		}
	}
	return nil, fmt.Errorf("no product has the SKU or id %q", ref)
}

// parseID reads "12" or, with a prefix, "P12" (engine.ParseRef).
func parseID(s, prefix string) (engine.ID, bool) { return engine.ParseRef(s, prefix) }

// pickedRef is the reference of a value picked from a list: its id with
// prefix ("P12", "R7", "12" for a product), so that a name two records
// share still finds the one the user chose. id 0 (typed, not picked)
// returns the text as typed.
func pickedRef(text string, id engine.ID, prefix string) string {
	if id != 0 {
		return prefix + strconv.FormatUint(uint64(id), 10)
	}
	return text
}
