//go:build windows

package data

// flockHolder is unknown on Windows (no /proc/locks): 0.
func flockHolder(path string) int { return 0 }
