"""Plumbing every room uses: where data lives, one-line errors, today's date, the
version, file permissions, hosting.
"""
