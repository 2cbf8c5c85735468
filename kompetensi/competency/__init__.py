"""Competency development: the dictionary (kamus kompetensi), job standards, the evidence ledger that profiles are
derived from, gaps and job-person match."""
