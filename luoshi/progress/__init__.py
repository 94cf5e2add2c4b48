"""Progress reports (进展报告), their evidence, and the review workflow."""
