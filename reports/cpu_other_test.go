//go:build !unix

package reports_test

import "time"

// cpuTime is not measured here; the benchmark then judges by wall time.
func cpuTime() time.Duration { return 0 }
