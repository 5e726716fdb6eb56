# %% [markdown] netlearn:header

# %% [markdown]
# ## Where am I? {core}
#
# Before you read on, take half a minute to rate how well each statement describes you today. There
# are no right answers and nobody else sees your ratings; you'll rate them again in notebook 06, so
# be honest rather than kind to yourself. (Run a cell with <kbd>Shift</kbd>+<kbd>Enter</kbd>.)

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment("01-preparation", "check")

# %% [markdown]
# ## Warm-up questions {core}
#
# Before you read on, two questions on what this notebook teaches. Guess if you don't know: they
# are never scored, and having tried helps the answers stick when you meet them below. After the
# quiz you'll see which of them you now get right.

# %%
netlearn.pre_questions("01-preparation")

# %% [markdown]
# ## The mistake {core}
#
# You signed up for an event weeks ago. The day arrives, work runs late, and you walk in with no
# plan beyond "see who's there". That is the mistake this notebook is about: turning up without
# knowing what you want from the event, whom you hope to meet, or how you'll introduce yourself.
#
# It rarely feels like a mistake at the time; it feels relaxed. The cost shows up later:
#
# - **You talk to the people you already know.** With nobody in particular to look for, you stay
#   with the colleague you came with. Two pleasant hours pass and you meet no one new.
# - **"So, what do you do?" catches you out.** It's the most predictable question of the evening,
#   yet without an answer ready you either undersell yourself ("oh, nothing very interesting") or
#   tell your whole career story while the other person looks for a gap.
# - **You miss the person you most wanted to meet.** Afterwards you learn that the speaker whose
#   work you admire was there all along.
# - **You can't tell whether it was worth it.** Without a goal there's nothing to judge the evening
#   against, so it feels vaguely pointless, and the next invitation is easier to decline.
#
# None of this is about personality: outgoing people lose evenings to small talk that goes nowhere,
# quieter people to the phone in their hand.
#
# ### Preparation helps most if you dislike networking
#
# If events drain you, preparation is on your side. It moves the hardest decisions — whom to talk to,
# what to say, when to leave — to a quiet moment beforehand, without an audience. On the night you
# carry out a small plan instead of improvising a performance.
#
# It helps career changers, too. "What do you do?" is hardest when the honest answer is "I'm between
# two worlds". Prepared, that becomes a strength: one sentence leading with where you're going and
# one thing done there, your past as background.
#
# ### What preparation is not
#
# Not a script, nor a file on everyone in the room. You prepare a few *decisions* — a goal, two or
# three people, an introduction, a couple of questions — so that the conversations themselves can be
# relaxed and genuine. Fifteen minutes is usually enough (practice guidance, not a research
# finding).
# A goal is yours to carry out: "ask two people how they got hired", not "get a call booked", which
# they decide. It may be all about your needs.

# %% [markdown]
# ## What the research says {core}
#
# To be straight with you: we know of no study that sent some people to events prepared and others
# not, and compared the results. The advice to prepare comes mostly from practice. But there is good
# research behind its pieces.
#
# **Planning for the hard moment works.** The best-supported technique in this notebook is the
# *if–then plan* — researchers call it an *implementation intention*: "If *situation*, then I will
# *action*." Across 94 tests, if–then plans had a medium-to-large effect on reaching goals (d = 0.65;
# Gollwitzer & Sheeran, 2006, *Advances in Experimental Social Psychology*). Because the decision is
# made in advance, when the moment comes you don't have to find the idea and the courage at once.
# So plan *your* hardest moment — arriving, joining a group, leaving a conversation — and let the
# "then" say exactly what you'll do or say.
#
# **Networking can be learned — especially if you're not naturally outgoing.** An online networking
# training for 491 unemployed job seekers raised how much they networked and their confidence in
# doing it, most for less extraverted people; the quality of the jobs they found improved only
# indirectly, through that confidence (Wanberg et al., 2020, *Personnel Psychology*).
#
# **The contacts who matter are often not close ones.** In Granovetter's survey of 282 professional,
# technical and managerial workers, more than half had found their job through a personal contact;
# of 54 of them interviewed, most had seen that contact only occasionally or rarely (Granovetter,
# 1974, *Getting a Job*; the weak-ties argument is in Granovetter, 1973, *American Journal of
# Sociology*).
# The study says nothing about events; that events are a good place to meet such contacts is our
# practice guidance.
#
# **Practice guidance, not research:** an introduction of around 30–60 seconds; fifteen minutes of
# preparation; arriving in the first fifteen minutes, while groups are still small; asking the host
# whom you should meet. Also practice guidance, the calls this course makes:
#
# - **A goal comes with a leaving time.** Decide before you go when you'll leave, met or not:
#   "stay until I've had two conversations" turns a slow evening into an endurance test.
# - **If you need something, put the ask in the goal.** "Ask two people whether I may send my CV"
#   is yours, though the answer is theirs; a goal that only gathers information leaves the ask to
#   a later you, who rarely makes it.
# - **Research: two or three people, one reason each, then stop.** A reason is something they said
#   or are working on now. Their career, their employer's news and a background you share (the
#   same university, say) are facts that lead to reminiscing.
# - **Short of time? Research first.** One name and one question do more than a goal with nobody
#   in it, an early arrival or a polished introduction.
# - **Block follow-up time before you go**, within two days: the checklist's fifth item.
# - **Introduction: where you're heading, one thing done, a question about them.** If you're
#   looking for work, say so in one plain clause: people can only help with what they know. Ask
#   about their work, not your prospects.
# - **One if–then plan, for your one hardest moment.** Its cue is something you'll see or hear
#   (your badge in your hand, a pause), not a feeling, which comes too late or not at all; its
#   "then" is the words or the first step.
# - **The plan gets you started.** If a conversation turns to something they care about more than
#   your question, follow it and don't steer back; the question can wait for an e-mail.

# %% [markdown]
# ## Worked example: Sam's event preparation {core}
#
# Meet Sam Rivera, the course's sample persona: a product designer moving into health-tech, with
# about a year of networking behind them. Sam is invented — every name in the sample is made up — so
# you can explore freely.
#
# Sam keeps a five-item checklist for each event: *goal set*, *attendees researched*, *introduction
# prepared*, *questions prepared* and *follow-up time blocked*. The next cell counts how often Sam
# ticked all five, and how often each item on its own.

# %% tags=["nbval-check-output"]
from netlearn import metrics

net = netlearn.sample_network()
today = net.today()
prep = metrics.preparation_rate(net, today)

print(f"Sam went to {prep.events} events and was fully prepared for {prep.fully_prepared} of them"
      f" ({prep.rate:.0%}).")
print(f"On average Sam ticked {prep.mean_items:.1f} of the 5 checklist items.")
print()
labels = {
    "goal_set": "Goal set",
    "attendees_researched": "Attendees researched",
    "intro_prepared": "Introduction prepared",
    "questions_prepared": "Questions prepared",
    "followup_blocked": "Follow-up time blocked",
}
for item, share in prep.item_shares.items():
    print(f"{labels.get(item, item):<24} {share:>4.0%} of events")

# %% [markdown]
# The chart shows each event Sam went to as a bar, oldest on the left; each coloured block is one
# checklist item Sam ticked, so a bar's height counts items done (0–5), not how well. Only a bar of
# all five, follow-up time included, counts as fully prepared. Events still to come are not
# counted, and on your own chart imported events are left out, not counted as unprepared, until
# you answer their one-minute look back.

# %%
from netlearn import charts

netlearn.show_chart(charts.event_preparation, net, today=today)

# %% [markdown]
# **What it tells us.** Sam nearly always sets a goal — the easy part. Researching who will be there
# and preparing an introduction happen far less often, yet those are what give you someone to look
# for and something to say. The bars also tend to grow from left to right: over the year Sam
# prepared more, one small habit at a time. And none of it needs long: a goal, two names and an
# opening question can take ten minutes.

# %% [markdown]
# ## Now you try {optional}
#
# Now the same on your own data. `my_network()` returns what you've imported or logged — or, if you
# have nothing yet, Sam's sample again, so the cells always work. The first line of output says which
# you are looking at.

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")

mine_prep = metrics.preparation_rate(mine, mine.today())
mine_waiting = metrics.awaiting_retro(mine, mine.today())
if mine_prep.events:
    print(f"Events attended: {mine_prep.events}")
    print(f"Fully prepared (all five items): {mine_prep.fully_prepared} ({mine_prep.rate:.0%})")
    print(f"Checklist items ticked, on average: {mine_prep.mean_items:.1f} of 5")
if mine_waiting:
    print(f"{len(mine_waiting)} imported past events are waiting for a one-minute look back below"
          " (not counted until you answer).")
if not mine_prep.events and not mine_waiting:
    print("Events attended so far: 0. Log one in the next cells, then run this cell again.")

# %%
from netlearn import charts

netlearn.show_chart(charts.event_preparation, mine, today=mine.today())

# %% [markdown]
# Your chart needs events. From LinkedIn they come only in the complete archive (its `Events.csv`,
# e-mailed within about a day; the quick download of a few files has none); a calendar file (`.ics`,
# notebook 00) or an event you log below counts at once.
#
# Events you imported arrive without a checklist. For each one that is over, take a minute: what did
# you do beforehand? Upcoming ones get the preparation checklist. Save, then run the two cells above
# again.

# %%
netlearn.event_retro()

# %% [markdown]
# No events of your own yet? Log the last one you went to — a meetup, a conference, a careers fair,
# a big meeting with other teams — ticking honestly what you did beforehand. Then run the two cells
# above again. One event is enough to start.
# <!-- task: 1 min, run the two cells above again and look at your own chart -->

# %%
netlearn.log_event()

# %% [markdown]
# ## Practice {optional}
#
# Preparation comes down to four steps, each a few minutes' work. Go through them with a real
# event in mind — a meetup, a conference, a team away-day. If nothing is planned, pick one you'd like
# to go to, or your next big meeting at work.

# %% [markdown]
# ### 1. Decide what you want from the event
# <!-- tip: prep-tip-goals -->
# <!-- task: 1.5 min, pick a real event and decide a goal you can check -->
#
# Before each event, decide what you want from it — specifically enough that on the way home you
# can say whether it happened. "Network more" fails that test. So does "get a job": that isn't
# yours to decide in one evening.
#
# A good event goal is:
#
# - **within your control** — about what you do, not what others decide;
# - **checkable** — afterwards, you can answer yes or no;
# - **about depth, not volume** — a few real conversations beat a pocket full of business cards.
#
# Some goals that pass the test:
#
# - "Ask the speaker the question I've had since reading their blog post."
# - "Learn how three people got into user research, and leave with one name to follow up."
# - "Stay for an hour, have one conversation I enjoy, then go home without guilt."
#
# The last one is a perfectly good goal: if crowds wear you out, planning your energy is part of
# preparing, not an excuse.

# %% [markdown]
# ### 2. Find out who will be there — and why you'd like to meet them
# <!-- tip: prep-tip-research -->
# <!-- task: 5 min, look at the event page and pick two or three people, a reason for each -->
#
# Find out who is likely to be there, pick two or three people you would like to meet, and note one
# reason for each. Good places to look:
#
# - the event page: speakers, panellists, organisers, sponsors;
# - the attendee list or the event's online group, if there is one;
# - the public profiles of the few people you picked — what they're working on, what they've
#   written or said lately.
#
# You're looking for a *reason to talk*, not a file on someone. "I liked your point about…" opens a
# conversation; reciting someone's career history back to them does not. Stop when you have one
# genuine question per person.
#
# Check the timetable too: breaks, lunch and the reception are when most conversations happen. And
# don't overlook the hosts — "Is there anyone here you think I should meet?" is a question most
# organisers are glad to be asked (practice guidance).

# %% [markdown]
# ### 3. Prepare a short introduction and a few talking points
# <!-- tip: prep-tip-talking-points -->
# <!-- task: 2 min, two or three talking points for the people you picked -->
#
# "So, what do you do?" is the one question you can count on. A good answer is short — around 30–60
# seconds is common practice guidance, not a research finding — and does three things:
#
# 1. **Says who you are and what you do**, in words a stranger understands. Skip a job title that
#    means nothing outside your organisation.
# 2. **Gives one concrete detail** the other person can pick up: a project, a problem you're working
#    on, something you've just learned.
# 3. **Ends with a question** that hands the conversation over.
#
# Changing careers? Lead with where you're heading and one thing you've already done to get there,
# not with what you're leaving. New to the field? Your curiosity is your concrete detail: what
# you're trying to learn, and why.
#
# Then prepare **two or three talking points** for the people you picked in step 2: a question about
# their work, a short example from your own in case it's relevant, and a question about what they're
# working on next — which often shows how you could help them (notebook 02).
#
# Draft your introduction in the pitch builder below. It counts your words, estimates how long they
# take to say, and saves your draft. Then read it out loud: spoken, it will sound different.

# %%
netlearn.pitch_builder()

# %% [markdown]
# ### 4. Plan for your hardest moment
#
# Many people have a moment at events they dread: walking in alone, joining a group, leaving a
# conversation that has gone on too long. Pick the one you dread most and decide now what you'll
# do, as an if–then plan whose cue you'll see or hear:
#
# - *If I arrive and don't know anyone, then I'll ask the person at the registration desk who they
#   think I should meet.*
# - *If the other person checks their phone, then I'll say "It's been good to talk — I'm going to
#   find another coffee", and shake hands.*
# - *If it's an hour since I arrived, then I'll step outside for five minutes and decide calmly
#   whether to stay or go.*
#
# You'll write your own in the reflection at the end of this notebook.

# %% [markdown]
# ### Put it together for your next event
#
# The checklist below brings the habits together for one real event — plus one more item, blocking
# time afterwards to follow up (notebook 03 explains why). Give the event's name and date, untick
# *I went* (you haven't been yet), tick what you've done so far and save: it goes into your
# networking log, so once the event has passed it shows up in your own chart above.

# %%
netlearn.log_event()

# %% [markdown]
# ## Core task: your event plan {core}
#
# Now plan a real event, with your own goal, people and if–then plan. Write it first, then compare it with a model answer and tick what your draft
# does; revise it if you like, and save. On Sam's sample, or on a shared screen, write for the
# invented person the task offers. Nothing is ever sent: copy it into a message when you're ready.

# %%
netlearn.core_task("01-preparation")

# %% [markdown]
# ## Branching scenario {core}
#
# Now try it where nothing can go wrong: you arrive at a conference reception with a goal and a plan.
# Every choice changes what happens next and comes with feedback, and there is more than one ending.
# Play it once the way you would really act; then replay it and try what you normally wouldn't.

# %%
netlearn.scenario("01-preparation")

# %% [markdown]
# ## Quiz {core}
#
# Short questions on goals, research, introductions and if–then plans. Some have one best answer,
# some several; some ask you to rate responses to a tricky situation, where more than one can be
# reasonable. Every choice gets feedback. Your first answer to each question is the one that counts;
# after it, try again as often as you like, as practice. Your results appear in the course map in
# notebook 06.

# %%
netlearn.quiz("01-preparation")

# %% [markdown] netlearn:questions

# %% [markdown]
# ## Reflection {core}
#
# To finish, look back and look ahead. Write a few honest sentences — nobody reads them unless you
# choose to share them. They are saved on your computer and go into the action plan you can
# download in notebook 06.

# %%
netlearn.reflection("01-preparation")

# %% [markdown]
# ## Key points {core}
#
# - **Preparation is a habit, not a personality trait.** Fifteen minutes before an event is often
#   enough (practice guidance).
# - **Set a goal you can check** — "two real conversations with people working on X", not "network
#   more". Keep it within your control, give it a leaving time, and if you need something, put the
#   ask in it.
# - **Research gives you reasons to talk to people** — a talk you liked, a project you share — which
#   makes opening a conversation easier and more genuine.
# - **Keep your introduction short and end it with a question.** Around 30–60 seconds is common
#   practice guidance, not a research finding; what matters is leaving room for the other person.
# - **Short of time? Research first**, and block follow-up time before you go (practice guidance).
# - **Plan the moment you dread.** If–then plans had a medium-to-large effect on reaching goals
#   across 94 tests (Gollwitzer & Sheeran, 2006). One plan, with a cue you'll see or hear.
# - **Prepare to be flexible, not scripted.** Your plan is there to get you started; the best
#   conversations often go somewhere you didn't expect.
#
# **Next:** preparation gets you into good conversations. Notebook 02 is about what makes people
# glad they had one with you — giving, not just taking.

# %%
netlearn.progress_bar("01-preparation")

# %% [markdown] netlearn:navigation
