//go:build race

package crashtest

// raceOn: the race detector makes the children and the checks about ten
// times slower, so `make test` (which runs ./app/... with -race) kills the
// slowest harnesses fewer times; `make crashtest` runs without it.
const raceOn = true
