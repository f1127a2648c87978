//go:build race

package modeltest

// raceOn: the race detector makes a history about ten times slower, so
// `make test` (which runs ./app/... with -race) runs fewer of them.
const raceOn = true
