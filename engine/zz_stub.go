package engine

type adjSale struct{}

func (c *computer) splitAdjustments() ([]*Sale, []adjSale) { return nil, nil }
func (c *computer) adjustments(int, *Program)                {}
func checkRuleParts(*Rule) error                             { return nil }
func (c *computer) ruleSPIF(*progCtx, int)                   {}
func (c *computer) ruleDealReg(*progCtx, int)                {}
func (c *computer) ruleReferral(*progCtx, int)               {}
func (c *computer) ruleFund(*progCtx, int)                   {}
func (c *computer) ruleTraining(*progCtx, int)               {}
func (c *computer) ruleActivity(*progCtx, int)               {}
func (c *computer) ruleLoyalty(*progCtx, int)                {}
