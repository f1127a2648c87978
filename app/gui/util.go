package gui

import (
	"fmt"
	"sort"
	"strings"

	"partnerdesk/engine"
)

func idRef(prefix string, id engine.ID) string { return fmt.Sprintf("%s%d", prefix, id) }

func sortReps(rs []engine.Rep) {
	sort.SliceStable(rs, func(i, j int) bool { return strings.ToLower(rs[i].Name) < strings.ToLower(rs[j].Name) })
}
