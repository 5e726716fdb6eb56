"""Import a LinkedIn "Download your data" export: connections, messages, invitations and more.

:func:`read_linkedin` (in :mod:`.reader`) reads a zip, an unzipped folder or one of its
CSVs; :mod:`.files` finds the files and tells which is which; :mod:`.connections`,
:mod:`.invitations`, :mod:`.messages`, :mod:`.profile` and :mod:`.complete` read one
kind each into a :class:`~.part.Part`; :mod:`.people` and :mod:`.owner` turn the people
they name into contacts and find whose export it is.
"""

from netlearn.importers.linkedin.files import lone_file
from netlearn.importers.linkedin.reader import read_linkedin

__all__ = ["lone_file", "read_linkedin"]
