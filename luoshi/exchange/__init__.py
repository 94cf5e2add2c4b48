"""Excel in and out: the 任务分工方案 exported for a decision, a unit or a filter, and imported back."""
