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

netlearn.openers("02-giving-not-just-taking")

# %% [markdown]
# ## Where am I? {core}
#
# Start with a quick, honest look at how you approach other people today. Rate each statement below
# from 1 (not at all like me) to 5 (very much like me). Nobody else sees your ratings; you'll meet
# the same statements again in notebook 06, so you can see what changed.
#
# Click the cell and press <kbd>Shift</kbd>+<kbd>Enter</kbd> to run it. It also loads the course
# helpers, so start there.

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment("02-giving-not-just-taking", "check")

# %% [markdown]
# ## Warm-up questions {core}
#
# Before you read on, two questions on what this notebook teaches. Guess if you don't know: they
# are never scored, and having tried helps the answers stick when you meet them below. After the
# quiz you'll see which of them you now get right.

# %%
netlearn.pre_questions("02-giving-not-just-taking")

# %% [markdown]
# ## The mistake {core}
#
# You've probably been on the receiving end of this one. A message arrives from someone you met
# once, two years ago. No "how are you", no reference to anything you talked about — just a request:
# could you refer them for a job, introduce them to your manager? You may well help. But you
# remember how it felt.
#
# That is the mistake this notebook is about: treating networking as a way to *get* things, with the
# other person as the route to what you want — the "What's in it for me?" mentality the blog post
# behind the five mistakes warns against. Most people who make it aren't selfish. They're busy,
# anxious or job hunting under pressure, and the request is the only thing on their mind.
#
# It shows up in everyday ways:
#
# - **Waiting for your turn to talk** — half-listening while you rehearse your own introduction.
#   People can tell.
# - **Steering every conversation to your need** — someone mentions a problem their team has, and
#   you ask whether they're hiring.
# - **Only getting in touch when you want something** (notebook 05 is about this one).
# - **Keeping a ledger** — helping only people who have helped you, or soon might.
#
# The cure is listening. Say back *in your own words* what you heard (not their exact words, nor
# how they must feel), so they can correct you, and listen hardest for problems mentioned in
# passing. The order (practice guidance): reflect back first, so they can confirm it is the
# problem; then ask about it; offer last. That order is for a problem you pick up: once they have
# said plainly what they need, or asked outright, skip it and offer at once.
#
# One-sided networking works badly for you, too. People who feel used tend to give a polite, minimal
# response (practice guidance). And while you wait to make your pitch, you miss what the other person
# is telling you — including the problems you could help with, which are the best openings a
# relationship can have.
#
# If the word "networking" makes you wince, this is probably the version you're picturing.
# Networking as mutual help — finding out what people are working on and being useful to each other
# — is a different activity, and a far more pleasant one.
#
# ### "But I have nothing to give"
#
# This belief keeps many people in taking mode, especially students, career changers and people
# early in their careers. But value isn't only money or influence. Anyone can offer:
#
# - **information** — an article, a tool, an event you heard about;
# - **an introduction** — to a classmate, a former colleague, someone in your community;
# - **feedback** — an honest outsider's reaction to a talk, a product or a draft;
# - **a fresh perspective** — what your generation, previous field or country sees that theirs
#   doesn't;
# - **attention** — full, curious listening, which is rarer than it should be.
#
# Career changers are often especially well placed: you can connect two worlds that rarely talk.
# Offer only what you can deliver: a small offer kept beats a big one that depends on others. Lead
# with what you can give on your own (your view, your feedback, what you know); an introduction
# needs the other person's yes first, so it comes second, as does anything else that waits on
# someone else (practice guidance).
#
# ### The opposite mistake
#
# There is a second way to get this wrong, and conscientious people are prone to it: giving without
# limits — saying yes to every coffee, CV review and "quick favour" until your own work slips. As
# you'll see in the research, that doesn't end well either. The goal here is *deliberate* giving:
# chosen, bounded and sustainable. A limit is a budget, not a reason to refuse: spend it on the help
# only you can give, pass on the rest, and say yes to small requests that fit. For each request,
# ask in this order (practice guidance): is someone else as well placed? Then pass it on, even if
# you have time left. If not, does it fit what is left of your budget? Then say yes, even in a busy
# week. Only if it does not fit, offer a lighter version rather than a no.
#
# ### Asking plainly is not the mistake
#
# The mistake is a relationship made only of requests, not the request itself. When you need
# something — advice, an introduction, work — a plain ask is kinder than a hidden one. How to make
# one (practice guidance, not a research finding):
#
# - **Say what you're looking for in one sentence**: "I'm looking for my next role in user
#   research, ideally in health." People can only think of you for a lead if they know.
# - **Ask for what the relationship can carry.** Someone you met once, or never, can tell you how
#   their team hires or whom to talk to: ask for what fits in a reply, not a call, unless they
#   offered one. Put the question itself in the first message, not a request to ask one.
#   A referral vouches for your work, so ask it of someone who has seen that work, even after a
#   quiet spell: a former manager, yes; a close friend who has never worked with you, not yet.
# - **Remind them who you are** if you met only once: a line on where you met.
# - **Don't disguise it.** A "catch-up" with the real request saved for the end, or a favour done to
#   warm someone up first, is usually noticed, and costs more trust than the ask would have.
# - **Don't pay in advance.** A small ask needs no lunch, gift or promise of a return.
# - **Fit it to their time, make it easy to say no**, and take an interest in them too.
#
# Saying it is not the same as asking a stranger for a job. "Is your company hiring?" in the first
# minute puts someone on the spot; "I'm looking for my next role in logistics — what brings you
# here?" does not.

# %% [markdown]
# ## What the research says {core}
#
# **Generosity went with status — but not always with output.** Francis Flynn studied engineers at
# work and how they exchanged favours with colleagues. Those who gave more help than they received
# had higher status. Those who exchanged favours often were more productive, while those who gave
# generously but exchanged rarely were less productive (Flynn, 2003, *Academy of Management
# Journal*). It was a study of people at work, not an experiment, so it shows what goes together
# rather than what causes what.
#
# **Givers end up at both extremes.** In *Give and Take* (Grant, 2013, Viking), Adam Grant draws
# together research on "givers" (who help without expecting an equal return), "takers" (who try to
# get more than they give) and "matchers" (who keep things even). Givers are over-represented among
# the *worst* performers as well as among the *best*; takers and matchers tend to land in the
# middle. Grant's explanation — the givers who struggle help everyone with everything and neglect
# their own work, while the givers who thrive choose where and how they give — is the book's argument
# rather than a tested finding.
#
# So Flynn shows generosity going with standing, and a limit (rare, one-sided giving went with less
# output); Grant shows givers at both extremes, and argues why. Together they give this notebook its
# shape: be generous, and be deliberate about it.
#
# **Practice guidance, not research:** keeping favours small (a five-minute link rather than a
# weekend project), checking with both people before making an introduction, and making requests
# specific and easy to decline. These are widely shared rules of thumb; no study we know of has
# tested them directly.

# %% [markdown]
# ## Worked example: Sam's gives and asks {core}
#
# Let's look at Sam Rivera, the course's sample persona: a product designer moving into health-tech.
# Sam is invented, as is everyone in Sam's network, so you can look as closely as you like.
#
# Sam's networking log records a *purpose* for each message, call or meeting Sam starts. Two of
# those purposes matter here: **give** (sending a resource, making an introduction, offering
# feedback) and **ask** (requesting advice, a referral, a favour). The next cell counts both over
# the last 90 days, and then compares the first and second halves of the year.

# %% tags=["nbval-check-output"]
from netlearn import metrics

net = netlearn.sample_network()
today = net.today()
give_ask = metrics.give_ask_ratio(net, today)

print(f"In the {give_ask.days} days up to {today.day} {today:%B %Y}, Sam gave {give_ask.gives}"
      f" times and asked {give_ask.asks} times: {give_ask.ratio:.1f} gives for every ask.")

first_half, second_half = give_ask.by_month[:6], give_ask.by_month[6:]
for label, months in (("First six months", first_half), ("Last six months", second_half)):
    gives = sum(month.gives for month in months)
    asks = sum(month.asks for month in months)
    print(f"{label}: {gives} gives, {asks} asks.")

# %% [markdown]
# The chart shows the same two counts month by month: gives in green, asks in red and hatched.

# %%
from netlearn import charts

netlearn.show_chart(charts.give_vs_ask, net, today=today)

# %% [markdown]
# **What it tells us.** Early in the year, asks outnumbered gives: Sam was trying to break into a
# new field and got in touch mostly when there was something to request. Over the year that shifted.
# Sam began passing on articles that fitted what people had mentioned, introducing contacts to each
# other and giving feedback on prototypes. The asks didn't disappear; they stopped being the only
# reason Sam got in touch.
#
# Two cautions about charts like this:
#
# - **It is not a score to maximise.** Ten gives to every ask might mean you're generous — or that
#   you never ask for the help you need, which is a problem too.
# - **It only counts what was logged.** Some of the most valuable giving — twenty minutes of careful
#   listening, remembering someone's project — never becomes a log entry. Use the chart as a prompt
#   for reflection, not a verdict.
# - **It counts only what you start.** Gives and asks are messages, calls and meetings *you*
#   started with that purpose, plus conversations you tag; requests other people make of you are
#   not asks, and appear nowhere. A tagged conversation counts once, however many messages it
#   holds (*both* adds one give and one ask). The sentence counts the last 90 days; the bars, twelve
#   months.

# %% [markdown]
# ## Now you try {optional}
#
# Now the same on your own data. `my_network()` returns what you've imported or logged; if you have
# nothing yet, it gives you Sam's sample again, clearly labelled, so the cells always work. The
# first line of output tells you which you're looking at.
#
# Gives and asks come from what you logged with a purpose of *give* or *ask*, from the
# endorsements you gave (only in LinkedIn's complete archive, e-mailed within about a day) and the
# recommendations you wrote, and from the conversations you tag in the list of recent conversations
# below the chart (from LinkedIn's messages, in the quick download of a few files too).

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")

mine_give_ask = metrics.give_ask_ratio(mine, mine.today())
if mine_give_ask.gives + mine_give_ask.asks == 0:  # a quiet quarter: look at the whole year
    mine_give_ask = metrics.give_ask_ratio(mine, mine.today(), days=365)
if mine_give_ask.gives + mine_give_ask.asks == 0:
    print(f"Gives and asks counted in the last {mine_give_ask.days} days: 0 — tag your recent"
          " conversations below to count them.")
elif mine_give_ask.asks == 0:
    print(f"In the last {mine_give_ask.days} days you gave {mine_give_ask.gives} times"
          " and asked for nothing. Generous — is there help you need that you aren't asking for?")
else:
    print(f"In the last {mine_give_ask.days} days you gave {mine_give_ask.gives} times and asked"
          f" {mine_give_ask.asks} times: {mine_give_ask.ratio:.1f} gives for every ask.")

# %%
from netlearn import charts

netlearn.show_chart(charts.give_vs_ask, mine, today=mine.today())

# %% [markdown]
# Look at your chart for a moment before moving on. Is there a month where you only asked? What was
# going on then? For many people the ask-heavy months are the stressful ones — a job search, a
# deadline — which is exactly when a network built in calmer months pays off.
#
# Your recent LinkedIn conversations are listed below: who, when and how many messages — never what
# was written. For each, click whether you were mainly giving, asking, both, or neither. The tags
# count as gives and asks: run the two cells above again to see them.
# <!-- task: 1 min, run the two cells above again and look at your chart -->

# %%
netlearn.triage_list()

# %% [markdown]
# Something that didn't happen on LinkedIn? Log it below, choosing the purpose that fits best: were
# you mainly offering something, or asking for something?

# %%
netlearn.log_interaction()

# %% [markdown]
# ## Practice {optional}
#
# Giving well comes down to three habits. None of them requires seniority, money or an outgoing
# personality.

# %% [markdown]
# ### 1. Listen first, and listen for a way to help
# <!-- tip: give-tip-listen -->
#
# Ask about the other person's work and challenges before talking about your own. Then listen to the
# answer — not for a gap where your story fits, but for what they care about and what's in their
# way.
#
# - **Open questions** invite a story rather than a yes or no: "What are you working on at the
#   moment?" "What's been the hardest part?"
# - **Reflecting back** — saying briefly, in your own words, what you heard — shows you were
#   listening and often prompts more: "So the tool works, but nobody on the ward has time to learn
#   it?"
#
# Listen especially for problems mentioned in passing: "our new tool isn't catching on", "I'm
# hiring for the first time", "I've just moved here". Those throwaway lines are invitations.
#
# If you're a quieter person, this is your strength. People tend to remember who was genuinely
# interested in them longer than who was impressive (practice guidance, not a research finding).

# %% [markdown]
# ### 2. Offer something concrete
# <!-- tip: give-tip-offer -->
#
# When you hear a way to help, offer it — specifically, and without waiting to be asked. "Let me
# know if I can help" is kind, but it hands the other person the work of inventing a request. "I
# read a good piece on exactly that — shall I send it to you?" is easy to say yes to.
#
# Keep offers small and real. A link, an introduction, twenty minutes of feedback, a name to look
# up. Small offers are easier to keep, and they add up. (Introductions have one rule of their own:
# ask both people before connecting them, so nobody is put on the spot — practice guidance, and good
# manners.)
#
# Then deliver, promptly. An offer you forget to keep does more harm than no offer at all; notebook
# 03 is about following through.

# %% [markdown]
# ### 3. Let it be mutual — without keeping score
# <!-- tip: give-tip-mutual -->
#
# Replace "What's in it for me?" with genuine interest in the other person, and let reciprocity grow
# over time instead of trading favour for favour. In practice, help in a network rarely comes back one
# for one. It comes back slowly and indirectly: someone you helped mentions you to a colleague, who
# thinks of you when something comes up (practice guidance, not a research finding).
#
# Not keeping score is different from having no limits. Decide roughly how much time you can give in
# a month, where your help is most useful, and what lighter options you can offer when you can't do
# the whole thing — comments on one chapter instead of the whole draft, a twenty-minute call instead
# of an afternoon. Limits are what let you keep giving for years.
#
# And ask, too: a two-way street has traffic in both directions. A good request is specific (two
# questions, not "a quick chat"), bounded (twenty minutes, not open-ended) and easy to decline.

# %% [markdown]
# ### Plan your next three gives
# <!-- task: 3 min, think of three people, and plan the second and third gives -->
#
# The give-first planner turns this into action. Think of three people — someone you met recently,
# someone you admire, someone you've lost touch with — and what each is working on. Pick them from
# your contacts (or type a name), choose how you'll give, write a one-line plan and set a date. Keep
# it small.
#
# Each plan is saved as a commitment, so it sits with your other promises (notebook 03) and in your
# calendar reminders if you export them. Once you've done it, log it as an interaction with the
# purpose *give* — that's what the chart counts. Can't think what someone needs? Then your next step
# is a conversation where you mostly listen.

# %%
netlearn.give_planner()

# %% [markdown]
# ## Core task: your offer {core}
#
# Now make a real offer to someone in your network. Write it first, then compare it with a model answer and tick what your draft
# does; revise it if you like, and save. On Sam's sample, or on a shared screen, write for the
# invented person the task offers. Nothing is ever sent: copy it into a message when you're ready.

# %%
netlearn.core_task("02-giving-not-just-taking")

# %% [markdown]
# ## Quiz {core}
#
# A few short questions on listening, offering, asking and setting limits. Some have one best
# answer, some have several, and some ask you to rate responses to a tricky situation, where more
# than one can be reasonable. Every choice gets feedback. Your first answer to each question is the
# one that counts; after it, try again as often as you like, as practice.

# %%
netlearn.quiz("02-giving-not-just-taking")

# %% [markdown] netlearn:questions

# %% [markdown]
# ## Reflection {core}
#
# Two prompts to finish: one to take stock of what you can offer, and one to remember what it was
# like to be on the receiving end. A few honest sentences are plenty. Your answers are saved on your
# computer, and nobody reads them unless you choose to share them.

# %%
netlearn.reflection("02-giving-not-just-taking")

# %% [markdown]
# ## Key points {core}
#
# - **Networking is a two-way street.** People tend to remember whether you were interested and
#   useful more than how polished your introduction was (practice guidance).
# - **Everyone has something to give** — students and career changers included. An article, an
#   introduction, careful feedback or your full attention all count.
# - **Generosity went with status.** Engineers who gave more help than they got had higher status,
#   but generous, infrequent exchange went with lower productivity (Flynn, 2003) — a correlation.
# - **Giving without limits may backfire.** Givers are over-represented among both the best and the
#   worst performers (Grant, 2013); the book argues that limits make the difference, so choose where
#   and how much you give.
# - **Listening is a form of giving** — and the only way to find out what help would actually
#   matter.
# - **Asking is fine.** Make your request specific, small and easy to decline, and make it part of a
#   relationship rather than the reason for one. Someone you met once gets a question that fits in
#   a reply, unless they offered a call; someone who knows your work can be asked for a referral,
#   even after a quiet spell (practice guidance).
# - **The order of listening** (practice guidance): reflect back a problem you pick up, in your own
#   words, then ask, then offer; once someone says plainly what they need, or asks, offer at once.
# - **The order of giving** (practice guidance): lead with what you can give on your own; an
#   introduction waits on someone's yes, so it comes second. For each request, first ask whether
#   someone else is as well placed (then pass it on, even with time left), then whether it fits your
#   budget (then yes, even in a busy week); offer a lighter version only when it does not fit.
# - **The give–ask chart counts only what you start**, plus conversations you tag, each once:
#   requests others make of you appear nowhere.
#
# **Next:** an offer only counts once it's delivered, and a good conversation only becomes a
# relationship if someone gets back in touch. Notebook 03 is about following up and following
# through.

# %%
netlearn.progress_bar("02-giving-not-just-taking")

# %% [markdown] netlearn:navigation
