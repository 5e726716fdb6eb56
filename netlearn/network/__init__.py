"""The learner's network as plain data: records, the metrics of each mistake, and the
sample persona.
"""
