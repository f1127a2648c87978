package engine

// UnitFund marks a reward line credited to the partner's MDF / co-op fund:
// money the partner claims against proof of spend, not paid out.
const UnitFund Unit = "fund"
