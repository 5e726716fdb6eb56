"""The practice tools of notebooks 00–05: planners, drafters, editors and own-data screens."""
