package i18n

// MergeTexts exposes mergeTexts to the tests.
var MergeTexts = mergeTexts

// RemoveWindowText takes a test's key out again.
func RemoveWindowText(key string) {
	windowMu.Lock()
	defer windowMu.Unlock()
	delete(window, key)
}
