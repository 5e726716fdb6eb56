"""Course content and the pure functions over it: loading and validation, grading,
item quality, timing, check-in.
"""
