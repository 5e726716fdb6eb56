# %% [markdown] netlearn:header

# %% [markdown]
# Welcome back. A few weeks ago you finished the course with a plan for 30 days. This short notebook
# is your check-in: a quiz from memory, your self-ratings once more, and a look at the commitments
# you made.
#
# **Why come back at all?** Two findings from research on learning. In one set of experiments,
# students who took a test on a passage remembered more of it days to a week later than students
# who spent the same time reading it again, although rereading looked better on a test straight
# away (Roediger & Karpicke, 2006, *Psychological Science*). And across many studies, spreading
# study over separate sessions improved later recall compared with one long session; the best gap
# grows with how long you need to remember (Cepeda et al., 2006, *Psychological Bulletin*). A
# check-in a few weeks after the course is both: a test, in a second session.

# %%
import netlearn
%matplotlib inline

# %% tags=["nbval-check-output"]
print(netlearn.checkin_status())

# %% [markdown]
# ## Answer from memory {core}
#
# The quiz starts with the questions you got wrong in notebooks 01–05 the last time you answered
# them, then adds new questions on the same objectives that the course held back for today. Answer
# without looking back at the notebooks: trying to remember, and then reading the feedback, is the
# part that helps. Your scores in the earlier notebooks stay as they were.

# %%
netlearn.checkin_quiz()

# %% [markdown]
# ## How are your habits now? {core}
#
# Rate the same statements a third time. Rate what you do *now*. Once you've rated a statement,
# your ratings from before and at the end of the course appear under it, with the change.

# %%
netlearn.self_assessment(None, "check-in")

# %% [markdown]
# When you've rated them, run the next cell: your average rating for each mistake before the
# course, at its end, and today.

# %%
from netlearn import charts

netlearn.show_chart(charts.self_assessment_phases, netlearn.self_assessment_phase_means())

# %% [markdown]
# These are self-ratings: a mirror, not a measurement. A rating that fell since the end of the course
# often means you now judge the habit more strictly, or that it slipped once the course was over.
# Either way, it tells you where to look.

# %% [markdown]
# ## Your commitments {core}
#
# Here are the commitments in your log. Mark each one **done**, **not done** (still open, and still
# worth doing) or **dropped** (you decided to let it go). Dropping something on purpose is a
# decision, not a failure; dropped commitments leave your reminders.

# %%
netlearn.commitment_review()

# %% [markdown]
# ## What next {core}
#
# Pick the one habit you most want to keep for the next month and write an if–then plan for it.
# Then put a ten-minute review in your calendar once a month: notebook 06's "Your numbers today"
# cell shows whether it is working, and you can come back to this check-in any time.

# %%
netlearn.reflection("07-check-in")

# %% [markdown]
# ## Key points {core}
#
# - **Recalling beats rereading.** Students who recalled a passage from memory kept it longer than
#   those who reread it, though rereading did better on a test straight away (Roediger & Karpicke,
#   2006).
# - **Space it out.** Separate sessions helped later recall more than one long session (Cepeda et
#   al., 2006). This check-in was your second session.
# - **A miss is still useful.** Read the feedback and come back to it next month.
# - **Dropping a commitment on purpose is a decision**, not a failure. Keep the one or two habits
#   that still matter.
# - **Book the next look.** A monthly ten-minute review keeps the habits alive.

# %% [markdown] netlearn:navigation
