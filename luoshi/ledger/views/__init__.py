"""The ledger's views, thin: parse input, call a model method, render."""
