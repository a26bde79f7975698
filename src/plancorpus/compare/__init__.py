"""Two or more plans, or a plan against an annotation: citation checks, evaluation."""
