# %% [markdown] netlearn:header

# %% [markdown]
# ## Back to earlier notebooks {core}
#
# A few questions from the earlier notebooks first: those you got wrong on the first try, then new
# ones on the same objectives. Answer from memory, without looking back. Remembering is what makes
# it stick, and none of these changes a quiz result.

# %%
import netlearn
%matplotlib inline

netlearn.openers("05-maintaining-relationships")

# %% [markdown]
# ## Where am I? {core}
#
# A quick self-check to start. Rate each statement below from 1 (not at all like me) to 5 (very
# much like me). Many people score low on at least one of these — keeping in touch is the habit
# that slips first when life gets busy. Nobody else sees your ratings, and you'll rate the same
# statements again in notebook 06.
#
# Click the cell and press <kbd>Shift</kbd>+<kbd>Enter</kbd> to run it. It also loads the course
# helpers, so start there.

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment("05-maintaining-relationships", "check")

# %% [markdown]
# ## Warm-up questions {core}
#
# Before you read on, two questions on what this notebook teaches. Guess if you don't know: they
# are never scored, and having tried helps the answers stick when you meet them below. After the
# quiz you'll see which of them you now get right.

# %%
netlearn.pre_questions("05-maintaining-relationships")

# %% [markdown]
# ## The mistake {core}
#
# Think of someone who once mattered to your working life: a manager who backed you, a colleague you
# solved hard problems with, someone from a course who always had good ideas. When did you last
# speak? For most of us the honest answer, for several such people, is "years ago". Nothing went
# wrong. Life moved on, and neither of you got in touch.
#
# Then one day you need something — advice, an introduction, a reference — and that's when you think
# of them. "Hi! Long time no speak. I'm looking for a new role and wondered if…" The blog post behind
# the five mistakes is blunt about how that lands: neglecting your network until you need something
# can come across as insincere and opportunistic, even when you don't mean it that way.
#
# - **The crisis-only message.** People hear from you when you're job hunting, hiring or stuck.
# - **The "we must catch up" loop.** You say it every time you bump into someone; it never happens.
# - **The slow fade.** A colleague leaves. You meant to stay in touch; a year later you're not sure
#   they'd remember you.
# - **The awkward wall.** The longer the silence, the stranger it feels to break it.
#
# Relationships don't stay where you left them. When you finally ask for help, the other person has
# to work out who you are first, and your request arrives with no recent goodwill behind it. And the
# people who could have thought of you for an opportunity didn't, because you weren't on their mind.
#
# ### This isn't about keeping up with everyone
#
# If staying in touch with your whole contact list sounds exhausting, good — it would be, and the
# research below says why. Maintaining relationships means choosing a manageable number of people,
# finding natural reasons to get in touch, and using a simple system so it doesn't depend on memory.
# For introverts in particular, a short message now and then is often far more comfortable than a
# big catch-up every few years.
#
# Choose *whom*: people who help you as well as people you help. Start with five to ten; the outer
# layers need no rhythm. Write with a natural reason (news, a congratulation, something useful), not
# because a reminder came round or the silence has grown: two lines for the wider circle, catch-ups
# for the closest. A message that asks nothing needs no reply to count.

# %% [markdown]
# ## What the research says {core}
#
# **Friendships fade faster than family ties.** Over 18 months, among fewer than 30 young people
# leaving school, friendships decayed faster than family ties; what slowed the decay was more
# contact for women and doing things together for men (Roberts & Dunbar, 2015, *Human Nature*).
# The study did not look at work relationships; our reading is that they are more like friendships
# than family here, with nothing to hold them together except the contact you keep up.
#
# **Nobody can keep up with everyone.** The famous figure of about 150 relationships is a
# prediction, not a count: it was extrapolated from brain size in other primates (148, with a 95 %
# interval of roughly 100 to 230; Dunbar, 1992, *Journal of Human Evolution*), and a re-analysis
# found the interval too wide to support any single number (Lindenfors, Wartel & Lind, 2021,
# *Biology Letters*). Whole personal networks — family and friends, not only work — come in nested
# layers of roughly 5, 15, 50 and 150: a handful of the closest, then each layer larger and less
# intense (Zhou, Sornette, Hill & Dunbar, 2005, *Proceedings of the Royal Society B*). Your time is
# limited whatever the number, so the question isn't "how do I keep up with everyone?" but "whom do
# I choose?".
#
# **Closeness is built from time.** One study estimated that it takes roughly 50 hours together to
# become casual friends, about 90 hours to become friends and more than 200 to become close friends,
# and hours spent working together counted less than leisure time (Hall, 2019, *Journal of Social
# and Personal Relationships*). It studied friendship, not work, and says nothing about brief,
# regular contact; what carries over is that no relationship is built in one coffee.
#
# **Dormant ties are worth reviving.** Executives who reconnected with contacts they hadn't spoken to
# for three or more years got more novel advice than from their current contacts, just as efficiently
# (Levin, Walter & Murnighan, 2011, *Organization Science*). One likely reason (our reading): old
# contacts have spent those years learning things you haven't, and you still share enough history to
# talk easily.
#
# **Our first choice isn't the most useful one.** When executives chose which dormant ties to
# contact, they preferred those they had been close to, but the more valuable ones were people they
# had spent less time with, and higher-status ones (Walter, Levin & Murnighan, 2015, *Organization
# Science*). The finding is about *which* tie people pick, not about whether they reconnect at all.
#
# **And it goes with career success.** In a three-year study of employees, networking behaviour
# predicted both salary level and salary growth (Wolff & Moser, 2009, *Journal of Applied
# Psychology*).
#
# **Practice guidance, not research:** specific rhythms such as "close contacts monthly, the wider
# network a couple of times a year", and a fixed slot in your week for keeping in touch.

# %% [markdown]
# ## Worked example: Sam's quiet close contacts {core}
#
# Let's look at Sam Rivera, the course's invented sample persona: a product designer moving into
# health-tech. Sam marks some contacts as *close* — the people Sam most wants to stay in touch with
# — and the log records every time they were in touch.
#
# The next cell counts how many of Sam's close contacts have gone quiet for 90 days or more, and how
# many old ties Sam revived this year after three or more years of silence — the kind of dormant tie
# Levin and colleagues studied.

# %% tags=["nbval-check-output"]
from netlearn import metrics

net = netlearn.sample_network()
today = net.today()
close = [contact for contact in net.contacts if contact.close]
cold = metrics.gone_cold(net, today, days=90)
revived = metrics.dormant_reconnected(net, today)

print(f"On {today.day} {today:%B %Y}, Sam has {len(close)} close contacts;"
      f" {len(cold)} of them have had no contact for 90 days or more.")
print(f"The longest silence: {cold[0].name}, {cold[0].days_since} days.")
print(f"Sam reconnected with {len(revived)} people after three or more years without contact:")
for tie in revived:
    print(f"- {tie.name}: quiet from {tie.dormant_since:%b %Y} until {tie.reconnected_on:%b %Y}")

# %% [markdown]
# The chart shows Sam's close contacts, longest silence at the top. Bars past the dashed line at 90
# days are hatched: those relationships have gone cold. It counts any contact, either way and on any
# channel (e-mail too, once imported). If nobody is ticked close, it uses the people your data
# suggests, those you were in touch with most, and most recently, over the past year, so a tie that
# has already gone quiet won't be among them: tick your close contacts yourself. In this course a
# close tie goes *cold* after 90 days; a tie is *dormant* after three years, as in the research.

# %%
from netlearn import charts

netlearn.show_chart(charts.network_recency, net, today=today)

# %% [markdown]
# **What it tells us.** Most of Sam's close contacts have heard from Sam recently; a handful have
# drifted. One has been quiet for years — a close contact in name only. None of this is a failure:
# it's what happens to everyone without a system, and the chart turns a vague guilty feeling into a
# short, specific list.
#
# The revived ties are the encouraging part. This year Sam got back in touch with several former
# colleagues after years of silence — the kind of tie that gave the executives Levin and colleagues
# studied fresh advice — and the reconnect list in the practice below is how Sam found them.

# %% [markdown]
# ## Now you try {optional}
#
# Now the same on your own data. `my_network()` returns what you've imported or logged; if you have
# nothing yet, it gives you Sam's sample again, clearly labelled, so the cells always work. The
# first line of output tells you which you're looking at.
#
# The "gone cold" count looks at contacts you've marked as close. If you haven't marked any yet, it
# uses the close contacts your data suggests (the most and most recent contact over the last year;
# you can confirm them in the practice below). From LinkedIn, the chart needs *Connections* and
# *Messages*: both come in the quick download of a few files (within minutes) as well as in the
# complete archive.

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")

mine_today = mine.today()
mine_close, mine_suggested = metrics.close_contacts_or_suggested(mine, mine_today)
mine_in_touch = metrics.close_in_touch(mine, mine_today, days=90)
who = "suggested close contacts" if mine_suggested else "close contacts"
print(f"{mine_in_touch.whole - mine_in_touch.part} of your {mine_in_touch.whole} {who} have had"
      " no contact for 90 days or more.")
mine_cold = [entry for entry in metrics.gone_cold(mine, mine_today, days=90)
             if entry.contact_key in set(mine_close)]
if mine_cold:
    print(f"The longest silence: {mine_cold[0].name}, {mine_cold[0].days_since} days.")
mine_revived = metrics.dormant_reconnected(mine, mine_today)
print(f"Ties you revived after three or more years of silence: {len(mine_revived)}.")

# %% [markdown]
# E-mail counts as being in touch, both ways: with your mailbox imported (notebook 00), the
# numbers above include every e-mail you sent to, or got from, the people you write to. The next
# cell says how much of it there is.

# %%
mine_mail = metrics.mail_in_touch(mine, mine_today)
if mine_mail.messages:
    print(f"In the last year: {mine_mail.messages} e-mails with {mine_mail.people} people,"
          f" the latest on {mine_mail.last:%d %b %Y}.")
else:
    print("No e-mail in this data: import your mailbox in notebook 00 to count it.")

# %%
from netlearn import charts

netlearn.show_chart(charts.network_recency, mine, today=mine.today())

# %% [markdown]
# Look down your list. Is there anyone on it you'd genuinely like to hear from? Hold that name in
# mind for the practice below.

# %% [markdown]
# ## Practice {optional}
#
# Keeping relationships alive takes three things: deciding whom to keep in touch with, having
# natural reasons to get in touch, and a system that reminds you. Then there's one bonus step:
# waking up a dormant tie.

# %% [markdown]
# ### 1. Decide who matters most
# <!-- task: 3 min, sketch your layers on paper or in your head -->
#
# The layers in the research describe whole personal networks, family included; borrowing them for
# your professional network is our practice guidance. As a rough guide, sketch it on paper or in your
# head:
#
# - **about 5** people you'd call for advice on a big decision;
# - **about 15** you'd like to talk to properly every month or two;
# - **about 50** you'd like to hear from a few times a year;
# - **the rest** — people you're glad to know, with no rhythm at all.
#
# Don't aim for exact numbers, and don't feel bad about the outer layers: weak ties are valuable
# precisely because they ask little of you (notebook 04). The point is to choose your inner layers
# on purpose, rather than letting whoever happens to be around fill them. Include people who help
# you *and* people you can help.

# %% [markdown]
# ### 2. Find natural reasons to get in touch
# <!-- tip: maintain-tip-updates -->
# <!-- tip: maintain-tip-share -->
# <!-- tip: maintain-tip-catchup -->
#
# The hardest part of staying in touch is knowing what to say when you don't need anything. Three
# kinds of reason come up again and again:
#
# - **Updates and congratulations.** Get in touch regularly — a short update on what you're working
#   on, congratulations on a new role or a launch — so people hear from you when you don't need
#   anything. Professional networks tell you when people change jobs: a ready-made reason for two
#   friendly lines.
# - **Things they'd find useful.** Pass on articles, resources or opportunities that fit what a
#   contact cares about. "This made me think of what you said about onboarding" takes thirty seconds
#   and shows you remember them.
# - **Catch-ups with the people who matter most.** Now and then, set up a call, a coffee or a walk
#   with the people in your inner layers.
#
# None of these needs a reply to count. A message that asks for nothing is easy to send and easy to
# receive.

# %% [markdown]
# ### 3. Set a rhythm you can keep
#
# Good intentions don't survive a busy quarter; systems do. Give each person you want to stay close
# to a *cadence* — every 30, 60 or 90 days, say. The editor below lists your own contacts, each with
# a cadence and a *close* tick box (use *Find* to look someone up, then *Save changes*). The course
# tracks who is overdue, and the export button puts keep-in-touch reminders in your calendar
# (notebooks 03 and 06). It works on your own records only — if it's empty, import
# your contacts or log a few people first (notebook 00).
#
# Start small: five to ten people. A cadence you keep beats an ambitious one you abandon. To start,
# here are the people your own data suggests — those you were in touch with most, and most
# recently, over the last year — each with the cadence the course suggests (the first five every
# 30 days, the others every 60). Confirm the ones that fit in one click.
#
# An if–then plan helps too; such plans had a medium-to-large effect on reaching goals across 94
# tests (Gollwitzer & Sheeran, 2006, *Advances in Experimental Social Psychology*). For example:
# *"If it's Friday after lunch, then I'll send two messages to people I haven't spoken to in a
# while."*

# %%
netlearn.close_suggestions()

# %%
netlearn.cadence_editor()

# %% [markdown]
# Once you've set a few cadences, run the next cell to see who is overdue, most overdue first. On
# Sam's sample it lists the contacts whose cadence has lapsed.

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")
lapsed = metrics.cadence_overdue(mine, mine.today())
if not lapsed and not any(contact.cadence_days for contact in mine.contacts):
    print("No cadences set: confirm the suggestions above (or pick cadences in the editor).")
elif not lapsed:
    print("Nobody is overdue.")
for entry in lapsed:
    print(f"- {entry.name}: every {entry.cadence_days} days; last in touch {entry.last:%d %b %Y},"
          f" {entry.days_overdue} days overdue")

# %% [markdown]
# ### 4. Wake up a dormant tie
#
# Finally, reconnecting. The list below suggests people you really were in touch with (at least
# twice) but not for three months or more, with the reason each was picked and a low-pressure first
# line that asks for nothing. It follows the research on dormant ties: people quiet for three years
# or more come first (executives got more novel advice from such ties), then people you were in touch
# with only a few times, because people tend to pick the dormant ties they were closest to, though
# those they had spent less time with, and higher-status ones, were worth more (Walter, Levin &
# Murnighan, 2015). Status is not in your data: ask yourself which of these people you'd learn the
# most from, and write to that person. Keep it short and honest; you don't need to explain the
# silence.
# <!-- task: 2 min, write to that person -->

# %%
netlearn.reconnect_list()

# %% [markdown]
# ## Core task: your reconnect message {core}
#
# Now write to someone you really have lost touch with. Write it first, then compare it with a model answer and tick what your draft
# does; revise it if you like, and save. On Sam's sample, or on a shared screen, write for the
# invented person the task offers. Nothing is ever sent: copy it into a message when you're ready.

# %%
netlearn.core_task("05-maintaining-relationships")

# %% [markdown]
# ## Quiz {core}
#
# A few short questions on choosing whom to keep in touch with, finding reasons to get in touch,
# building a rhythm and reconnecting after a long silence. Some have one best answer, some have
# several, and some ask you to rate responses to a tricky situation, where more than one can be
# reasonable. Every choice gets feedback. Your first answer to each question is the one that counts;
# after it, try again as often as you like, as practice.

# %%
netlearn.quiz("05-maintaining-relationships")

# %% [markdown] netlearn:questions

# %% [markdown]
# ## Reflection {core}
#
# Two prompts: one about a person you've lost touch with, one about the people you want in your
# working life five years from now. If the first leads to a message you could send this week, put it
# in your calendar before you close this notebook. Your answers are saved on your computer and
# nobody reads them unless you share them.

# %%
netlearn.reflection("05-maintaining-relationships")

# %% [markdown]
# ## Key points {core}
#
# - **Friendships fade faster than family ties.** Over 18 months, among fewer than 30 school leavers,
#   more contact slowed the decay for women, doing things together for men (Roberts & Dunbar, 2015).
# - **You can't keep up with everyone — so choose deliberately.** The figure of 150 is a prediction
#   from primate brains, too uncertain for any single number (Dunbar, 1992; Lindenfors et al., 2021);
#   whole personal networks, family included, come in layers of roughly 5, 15, 50 and 150 (Zhou et
#   al., 2005). Choose the inner layers by whom you'd turn to, not by how often you talk now — about
#   five you'd call for advice on a big decision (practice guidance).
# - **Closeness takes time.** Roughly 50 hours together to become casual friends, 90 to become
#   friends and over 200 to become close friends, with hours at work counting for less (Hall, 2019).
#   No relationship is built in one coffee.
# - **Reach out before you need something.** Someone who only appears when they want help comes
#   across as opportunistic, even if they don't mean to. If a need is months away, get back in touch
#   first with reasons that ask nothing; mention the need when you ask, plainly. If it is already
#   here, ask in your first message, saying how you know each other (practice guidance).
# - **Dormant ties are worth reviving.** Executives who reconnected with contacts they hadn't spoken
#   to for three or more years got more novel advice, just as efficiently, as from current contacts
#   (Levin, Walter & Murnighan, 2011). When choosing whom to contact, they preferred ties they had
#   been close to, though those they had spent less time with, and higher-status ones, were worth
#   more (Walter, Levin & Murnighan, 2015). So the reconnect list puts ties quiet for three years or
#   more first, then those you were in touch with only a few times.
# - **A simple system beats good intentions.** A fortnightly slot and a few if–then cues keep
#   relationships alive with little effort (practice guidance; if–then plans: Gollwitzer & Sheeran,
#   2006). Start with five to ten people, the closest five every 30 days and the rest every 60; the
#   outer layers get no rhythm, just two lines when there's a natural reason, and a message that asks
#   nothing needs no reply to count; the chart and lists count contact either way, answered or not
#   (practice guidance).
#
# **Next:** you've now met all five mistakes. Notebook 06 brings them together into an action plan
# for the next 30 days — and shows you how far you've come.

# %%
netlearn.progress_bar("05-maintaining-relationships")

# %% [markdown] netlearn:navigation
