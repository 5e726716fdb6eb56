"""Charts of the learner's network (``learner``), of a cohort (``cohort``), their text
alternatives (``text``) and how a notebook shows them (``display``).

The learner's charts are re-exported here, so notebooks keep writing
``from netlearn import charts`` and ``charts.activity_timeline(net)``.
"""

from netlearn.charts.learner import *  # noqa: F403
from netlearn.charts.learner import __all__  # noqa: F401
