//go:build !race

package crashtest

const raceOn = false
