package engine

import (
	"strconv"
	"strings"
)

// PartnerMatches is the one rule by which a typed search finds a partner,
// wherever a partner is searched (the partner list, the pickers, the
// statements' payee box, the command line's partners verb). Case and
// accents do not matter ("zur" finds Zürcher, "mull" finds Müller, as
// FoldName compares); what is typed must occur in the name, referral code,
// country, kind, segment, region, contact, email or account manager; and
// it may instead be the partner's id, "12" or "P12", so a partner whose
// name the keyboard cannot type is still found. An empty query matches
// every partner.
func PartnerMatches(p Partner, query string) bool {
	q := FoldName(query)
	if q == "" {
		return true
	}
	if id, ok := ParseRef(q, "p"); ok && id == p.ID {
		return true
	}
	hay := FoldName(strings.Join([]string{p.Name, p.ReferralCode, p.Country, string(p.Kind), p.Segment,
		p.Region, p.Contact, p.Email, p.AccountManager}, "\x00"))
	return strings.Contains(hay, q)
}

// RepMatches is PartnerMatches for a rep: its name, email or role, or its
// id ("7" or "R7").
func RepMatches(r Rep, query string) bool {
	q := FoldName(query)
	if q == "" {
		return true
	}
	if id, ok := ParseRef(q, "r"); ok && id == r.ID {
		return true
	}
	return strings.Contains(FoldName(r.Name+"\x00"+r.Email+"\x00"+r.Role), q)
}

// ParseRef reads a record id typed as "12" or, with a prefix, "P12"
// (either case); it reports false for anything else and for 0.
func ParseRef(s, prefix string) (ID, bool) {
	s = strings.TrimSpace(s)
	if prefix != "" && len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		s = s[len(prefix):]
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 {
		return 0, false
	}
	return ID(n), true
}
