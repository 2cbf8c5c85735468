"""The individual development plan (rencana pengembangan kompetensi): writing, approval, progress derived from the
training data, coverage for HR. Its models live in `kompetensi.models.plans` (the app's models package imports
them), so this package may read the training models and the competency profile without an import cycle."""
