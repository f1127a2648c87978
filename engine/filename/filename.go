package filename

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"partnerdesk/engine"
)

// The file names Partnerdesk proposes (a statement, a program's export, an
// import template) are made with SafeName, so that they are valid on every
// file system the program runs on, Windows' included, and the same on
// every platform. CheckName states Windows' rules; on Windows, Create
// refuses a destination that breaks them (see checkName).

// maxStem is the longest stem SafeName returns, in bytes: a statement's
// name is two stems and an extension, well under the 255 of every file
// system, leaving room for the folder in Windows' 260-character paths.
const maxStem = 80

// SafeName makes s a file name stem (without extension) valid on Windows,
// macOS and Linux: lower case; accents on Latin letters folded ("é" -> "e",
// "ß" -> "ss"); other letters (Greek, Cyrillic, CJK, Hangul) and their
// marks kept; every run of anything else (spaces, dots, `/ \ : * ? " < > |`,
// control characters) one hyphen, none at the ends; at most 80 bytes, cut
// between characters; never empty ("unnamed") and never a name Windows
// reserves for a device (`con` becomes `con-file`).
func SafeName(s string) string {
	var b strings.Builder
	dash := false
	latin := false // the last letter was Latin, so its accents may go
	for _, r := range s {
		if b.Len() >= maxStem {
			break
		}
		switch {
		case unicode.Is(unicode.Mn, r) && latin:
			continue // an accent on a Latin letter: "é" -> "e"
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			// Other scripts keep their marks: "й", "ガ", "ή", "हि".
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
			dash = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			latin = unicode.Is(unicode.Latin, r)
			if latin {
				// The one fold of names: "é" -> "e", "Ø" -> "o".
				b.WriteString(engine.FoldName(string(r)))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > maxStem {
		out = strings.TrimRight(cutRunes(out, maxStem), "-")
	}
	if out == "" {
		out = "unnamed"
	}
	if WindowsReserved(out) {
		out += "-file"
	}
	return out
}

// cutRunes cuts s to at most n bytes without splitting a character.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// reservedDevices are the names Windows gives devices: a file cannot have
// one, with or without an extension, in any case ("con.csv", "Nul.txt").
// COM0/LPT0 and the superscript digits are in Microsoft's list too.
var reservedDevices = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM0": true, "COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"COM¹": true, "COM²": true, "COM³": true,
	"LPT0": true, "LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
	"LPT¹": true, "LPT²": true, "LPT³": true,
}

// WindowsReserved reports whether name (a file name, not a path) is a
// device name on Windows: its part before the first dot, without trailing
// spaces, is CON, PRN, AUX, NUL, COM0-9 or LPT0-9, in any case.
func WindowsReserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	return reservedDevices[strings.ToUpper(strings.TrimRight(stem, " "))]
}

// CheckName says why name (a file name, not a path) is not valid on
// Windows, or returns nil: empty, "." or "..", longer than 255 bytes, a
// character Windows refuses (`< > : " / \ | ? *` or a control character),
// a trailing dot or space (Windows drops it, so the file would get another
// name), or a device name.
func CheckName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return fmt.Errorf("file name %q: name a file", name)
	case len(name) > 255:
		return fmt.Errorf("file name %.40q...: longer than 255 bytes", name)
	case !utf8.ValidString(name):
		return fmt.Errorf("file name %q: not valid UTF-8", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r) {
			return fmt.Errorf("file name %q: Windows does not allow %q in a file name", name, r)
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return fmt.Errorf("file name %q: Windows drops a dot or space at the end of a name", name)
	}
	if WindowsReserved(name) {
		return fmt.Errorf("file name %q: Windows reserves that name for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension); choose another", name)
	}
	return nil
}
