package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// LadderFileFormat and LadderFileVersion identify a tier ladder file:
// {"format":"partnerdesk-tier-ladder","version":1,"window_months":12,"levels":[...]}.
const (
	LadderFileFormat  = "partnerdesk-tier-ladder"
	LadderFileVersion = 1
)

// MaxTierLevels bounds a ladder's levels; MaxTierNameLength a level's name
// (in characters).
const (
	MaxTierLevels     = 50
	MaxTierNameLength = 60
)

type ladderFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	TierLadder
}

// MarshalLadderFile writes a ladder as a versioned, indented JSON file that
// ParseLadderFile reads back to the same ladder.
func MarshalLadderFile(l TierLadder) ([]byte, error) {
	if err := ValidateLadder(l); err != nil {
		return nil, fmt.Errorf("tier ladder file: %w", err)
	}
	if l.Levels == nil {
		l.Levels = []TierLevel{}
	}
	b, err := json.MarshalIndent(ladderFile{Format: LadderFileFormat, Version: LadderFileVersion, TierLadder: l}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("tier ladder file: %w", err)
	}
	return append(b, '\n'), nil
}

// ParseLadderFile reads a tier ladder file and validates it; every problem
// comes back as a ValidationError whose field is its JSON path
// ("levels[1].criteria.revenue"). Unknown fields are refused.
func ParseLadderFile(b []byte) (TierLadder, error) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return TierLadder{}, fmt.Errorf("tier ladder file: not JSON: %w", err)
	}
	if head.Format != LadderFileFormat {
		return TierLadder{}, ValidationErrors{{Field: "format", Reason: fmt.Sprintf("this is not a Partnerdesk tier ladder file (format %q, want %q)", head.Format, LadderFileFormat)}}
	}
	if head.Version != LadderFileVersion {
		return TierLadder{}, ValidationErrors{{Field: "version", Reason: fmt.Sprintf("version %d is not supported; this Partnerdesk reads version %d", head.Version, LadderFileVersion)}}
	}
	var f ladderFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return TierLadder{}, fmt.Errorf("tier ladder file: %w", err)
	}
	if err := ValidateLadder(f.TierLadder); err != nil {
		return TierLadder{}, err
	}
	return f.TierLadder, nil
}

// ValidateLadder checks a ladder: at least one level, at most
// MaxTierLevels; names set, at most MaxTierNameLength characters, distinct
// regardless of case and accents; criteria neither negative nor beyond
// the limits; a window of 1 to MaxMonths months (0 reads as 12); activity
// weights counts. Fields are JSON paths of the ladder file.
func ValidateLadder(l TierLadder) error {
	v := &validator{}
	var lim limitSet
	if len(l.Levels) == 0 {
		v.add("levels", "a ladder needs at least one level, the one every partner starts at")
	}
	if len(l.Levels) > MaxTierLevels {
		v.add("levels", "%d levels are beyond the limit: a ladder has at most %d", len(l.Levels), MaxTierLevels)
	}
	if l.WindowMonths < 0 || l.WindowMonths > MaxMonths {
		v.add("window_months", "give the trailing window in months, from 1 to %d (0 or empty: 12)", MaxMonths)
	}
	seen := map[string]int{}
	for i, lv := range l.Levels {
		at := fmt.Sprintf("levels[%d]", i)
		if err := CheckTierName(lv.Name); err != nil {
			v.add(at+".name", "%s", err.Error())
		} else if j, ok := seen[FoldName(lv.Name)]; ok {
			v.add(at+".name", "%q is already level %d (%q): level names must differ", lv.Name, j+1, l.Levels[j].Name)
		} else {
			seen[FoldName(lv.Name)] = i
		}
		c := lv.Criteria
		v.nonNeg(at+".criteria.revenue", c.Revenue)
		v.nonNeg(at+".criteria.units", c.Units)
		lim.Total(at+".criteria.revenue", c.Revenue)
		lim.Total(at+".criteria.units", c.Units)
		lim.Count(at+".criteria.certifications", c.Certifications)
		lim.Count(at+".criteria.won_registrations", c.WonRegistrations)
		lim.Count(at+".criteria.activity_points", c.ActivityPoints)
	}
	for _, t := range sortedKeys(l.PointsPerActivity) {
		if strings.TrimSpace(t) == "" {
			v.add("points_per_activity", "an activity type needs a name")
		}
		lim.Count("points_per_activity."+t, l.PointsPerActivity[t])
	}
	v.errs = append(v.errs, lim.Errs...)
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

// CheckTierName refuses an empty, padded, over-long or control-character
// level name.
func CheckTierName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a level needs a name")
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("%q starts or ends with spaces", name)
	case len([]rune(name)) > MaxTierNameLength:
		return fmt.Errorf("a level name has at most %d characters", MaxTierNameLength)
	case strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return fmt.Errorf("%q contains a control character", name)
	}
	return nil
}

// LadderIndex returns the position of the level named name (as written),
// or -1.
func LadderIndex(l TierLadder, name string) int {
	return slices.IndexFunc(l.Levels, func(lv TierLevel) bool { return lv.Name == name })
}

// ProgramTierUses lists where program p names tier t, as JSON paths of its
// file ("eligibility.tiers[0]", "rules[1].tier_multipliers.Gold").
func ProgramTierUses(p *Program, t string) []string {
	var out []string
	for i, x := range p.Eligibility.Tiers {
		if x == t {
			out = append(out, fmt.Sprintf("eligibility.tiers[%d]", i))
		}
	}
	sets, prefixes := ruleSets(p)
	for k, rules := range sets {
		for i := range rules {
			r := &rules[i]
			if _, ok := r.TierMultipliers[t]; ok {
				out = append(out, fmt.Sprintf("%srules[%d].tier_multipliers.%s", prefixes[k], i, t))
			}
			if r.Rate != nil {
				if _, ok := r.Rate.TierBands[t]; ok {
					out = append(out, fmt.Sprintf("%srules[%d].rate.tier_bands.%s", prefixes[k], i, t))
				}
			}
		}
	}
	for i, ex := range p.Examples {
		if ex.Tier == t {
			out = append(out, fmt.Sprintf("examples[%d].tier", i))
		}
	}
	return out
}

// RenameProgramTier renames tier old to new everywhere program p names it
// (eligibility, tier multipliers, tier band tables of every rule version,
// golden examples) and
// reports whether anything changed. The maps are copied, never shared.
func RenameProgramTier(p *Program, old, new string) bool {
	changed := false
	tiers := slices.Clone(p.Eligibility.Tiers)
	for i, x := range tiers {
		if x == old {
			tiers[i] = new
			changed = true
		}
	}
	p.Eligibility.Tiers = tiers
	var ch bool
	p.Rules, ch = renameRulesTier(p.Rules, old, new)
	changed = changed || ch
	if len(p.EarlierRules) > 0 {
		vers := slices.Clone(p.EarlierRules)
		for i := range vers {
			vers[i].Rules, ch = renameRulesTier(vers[i].Rules, old, new)
			changed = changed || ch
		}
		p.EarlierRules = vers
	}
	examples := slices.Clone(p.Examples)
	for i := range examples {
		if examples[i].Tier == old {
			examples[i].Tier = new
			changed = true
		}
	}
	p.Examples = examples
	return changed
}

func renameKey[V any](m map[string]V, old, new string, v V) map[string]V {
	out := make(map[string]V, len(m))
	for k, x := range m {
		if k != old {
			out[k] = x
		}
	}
	out[new] = v
	return out
}
