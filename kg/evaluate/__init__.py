"""Evaluation of the extraction against gold annotations."""
