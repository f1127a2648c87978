package engine

// RuleWorkers lets the tests compute rules sequentially (1) or side by side.
var RuleWorkers = &ruleWorkers
