// Package reference is a second, naive implementation of the arithmetic of
// SPEC.md ("Periods", "Money", "The basis", "Rule kinds"), kept for tests
// only: the property test compares it with engine.Compute on random
// programs and datasets, the cheapest way to find the case nobody thought of.
//
// It reads engine's types (Inputs, Program, Rule, Sale...) as its input but
// shares no code with engine: no engine function that matches, rounds,
// floors, looks up tiers or periods or sums a basis is called. Everything is
// plain loops over the inputs, with no indexes and no fast paths, its own
// half-away-from-zero rounding, its own exact floor for points and its own
// case- and accent-insensitive comparison of names. It is written from the
// words of SPEC.md, not from engine's code, and it favours being obviously
// right over being fast.
//
// # Caveats
//
// It computes one period with no closed periods (so no adjustments) and
// returns one total per program, rule, payee and unit. It is not used by
// the application and must never be.
package reference
