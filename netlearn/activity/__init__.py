"""The learner's networking activity: records, importers, metrics."""
