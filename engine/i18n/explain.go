package i18n

import (
	"strings"

	"partnerdesk/engine"
)

// catalogues holds the non-English templates; English is engine.Messages.
var catalogues = map[string]map[string]string{
	"it": messagesIT,
	"fr": messagesFR,
	"nl": messagesNL,
	"id": messagesID,
	"de": messagesDE,
	"es": messagesES,
}

// Template returns the template of message key in lang, falling back to
// English when the language lacks it, and whether the key exists at all.
func Template(key, lang string) (string, bool) {
	if cat, ok := catalogues[Normalize(lang)]; ok {
		if t, ok := cat[key]; ok {
			return t, true
		}
	}
	t, ok := engine.Messages[key]
	return t, ok
}

// Word returns the translation of a message key used as a word, such as
// "word.retroactive"; an unknown key is returned as is.
func Word(key, lang string) string {
	if t, ok := Template(key, lang); ok {
		return t
	}
	return key
}

// Explain renders an explanation in lang: the template of e.Key with each
// {name} replaced by the formatted argument, then each of e.More rendered
// the same way, joined by "; ". An unknown key renders as the key followed
// by its arguments "name=value"; a placeholder with no argument stays
// "{name}". It never panics, so a stored line from a newer version still
// prints.
func Explain(e engine.Explanation, lang string) string {
	lang = Normalize(lang)
	var b strings.Builder
	explainTo(&b, e, lang, 0)
	return b.String()
}

// maxDepth stops a cyclic or absurdly nested More from looping: explanations
// come from stored data.
const maxDepth = 8

func explainTo(b *strings.Builder, e engine.Explanation, lang string, depth int) {
	if t, ok := Template(e.Key, lang); ok {
		substitute(b, t, e.Args, lang, depth)
	} else {
		b.WriteString(e.Key)
		for _, a := range e.Args {
			b.WriteByte(' ')
			b.WriteString(a.Name)
			b.WriteByte('=')
			b.WriteString(formatArg(a, lang, depth))
		}
	}
	if depth >= maxDepth {
		return
	}
	for _, m := range e.More {
		b.WriteString("; ")
		explainTo(b, m, lang, depth+1)
	}
}

// substitute writes template t with every {name} that names an argument
// replaced by its formatted value.
func substitute(b *strings.Builder, t string, args []engine.Arg, lang string, depth int) {
	for {
		open := strings.IndexByte(t, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(t[open:], '}')
		if end < 0 {
			break
		}
		end += open
		b.WriteString(t[:open])
		name := t[open+1 : end]
		if a, ok := findArg(args, name); ok {
			b.WriteString(formatArg(a, lang, depth))
		} else {
			b.WriteString(t[open : end+1])
		}
		t = t[end+1:]
	}
	b.WriteString(t)
}

func findArg(args []engine.Arg, name string) (engine.Arg, bool) {
	for _, a := range args {
		if a.Name == name {
			return a, true
		}
	}
	return engine.Arg{}, false
}

// FormatArg formats one explanation argument in lang: money with its
// currency, a number with the scale it was given ("100000.00" prints
// 100,000.00), a percentage, points, a date, a translated word, a list
// joined by List; text and period keys print as written.
func FormatArg(a engine.Arg, lang string) string {
	return formatArg(a, Normalize(lang), 0)
}

func formatArg(a engine.Arg, lang string, depth int) string {
	switch a.Type {
	case engine.ArgList:
		if depth >= maxDepth {
			return ""
		}
		items := make([]string, len(a.Items))
		for i, it := range a.Items {
			var b strings.Builder
			explainTo(&b, it, lang, depth+1)
			items[i] = b.String()
		}
		return List(items, lang)
	case engine.ArgMoney:
		if a.Currency == nil {
			return Number(a.Dec, scale(a), lang)
		}
		return MoneyAsUsed(a.Dec, *a.Currency, lang)
	case engine.ArgNumber:
		return Number(a.Dec, scale(a), lang)
	case engine.ArgPercent:
		return Percent(a.Dec, lang)
	case engine.ArgPoints:
		return Points(a.Dec.IntPart(), lang)
	case engine.ArgDate:
		return Date(a.Date, lang)
	case engine.ArgKey:
		return Word(a.Text, lang)
	case engine.ArgText, engine.ArgPeriod:
		return a.Text
	}
	// An argument type from a newer version: show whatever it carries.
	if a.Text != "" {
		return a.Text
	}
	if !a.Date.IsZero() {
		return Date(a.Date, lang)
	}
	return Number(a.Dec, scale(a), lang)
}

// List joins items the way a sentence lists them: "a", "a and b",
// "a, b and c", with the language's "and" (message key "word.and").
func List(items []string, lang string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := " " + Word("word.and", lang) + " "
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// scale is the number of decimals a number argument was written with.
func scale(a engine.Arg) int32 {
	return max(-a.Dec.Exponent(), a.Places, 0)
}
