//go:build !race

package modeltest

const raceOn = false
