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

netlearn.openers("03-following-up")

# %% [markdown]
# ## Where am I? {core}
#
# First, a quick self-check. Rate each statement below from 1 (not at all like me) to 5 (very much
# like me), thinking about what you actually do rather than what you mean to do. Nobody else sees
# your ratings, and you'll rate the same statements again in notebook 06.
#
# Click the cell and press <kbd>Shift</kbd>+<kbd>Enter</kbd> to run it. It also loads the course
# helpers, so start there.

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment("03-following-up", "check")

# %% [markdown]
# ## Warm-up questions {core}
#
# Before you read on, two questions on what this notebook teaches. Guess if you don't know: they
# are never scored, and having tried helps the answers stick when you meet them below. After the
# quiz you'll see which of them you now get right.

# %%
netlearn.pre_questions("03-following-up")

# %% [markdown]
# ## The mistake {core}
#
# You had a genuinely good conversation. You swapped details, one of you said "let's stay in touch",
# and you both meant it. Then Monday happened. A week later you weren't sure what to write. A month
# later it felt too late. The card is still in your coat pocket.
#
# That is the mistake this notebook is about. As the blog post behind the five mistakes says,
# networking doesn't end when you exchange business cards or connect online. A conversation is the
# *start* of a relationship, and a follow-up is what turns it into one. It has two halves:
#
# - **Not following up** — never getting back in touch, or sending something so generic ("Great to
#   meet you, let's stay in touch!") that it could have gone to anyone.
# - **Not following through** — promising to send an article, make an introduction or share a
#   template, and then not doing it.
#
# The other person can't see your good intentions, only what arrives. Silence after a warm
# conversation can read as a lack of interest, and a broken small promise as unreliability — small
# promises are often the only evidence people have of what you're like to work with (practice
# guidance, not a research finding). Meanwhile the person who could have mentioned you for a role
# next year doesn't, because they've forgotten your name.
#
# ### Why people don't follow up
#
# Almost nobody skips it because they don't care. The usual reasons are more human:
#
# - **"It will seem pushy."** Especially with someone more senior.
# - **"They won't remember me."** So the message feels presumptuous before it's written.
# - **"I don't know what to say."** A blank message box is easy to put off.
# - **"It's too late now."** The delay itself becomes the reason not to write.
#
# If any of these sound familiar, the research below is for you: in studies of reaching out and of
# thank-you letters, senders expected a cooler reception than they got.

# %% [markdown]
# ## What the research says {core}
#
# **People appreciate being contacted more than we expect.** Across studies with more than 5,900
# participants, people who got in touch with someone out of the blue underestimated how much the
# other person appreciated it — and the gap was larger for weaker ties, such as acquaintances (Liu,
# Rim, Min & Min, 2023, *Journal of Personality and Social Psychology*). The studies weren't about
# follow-ups after events, but the worry they measured is the same one: that your message will be
# unwelcome. On average, in those studies, it wasn't.
#
# **Thanks lands better than it feels to send.** People who wrote letters of gratitude to someone who
# had mattered to them underestimated how positive the recipients would feel and overestimated how
# awkward the recipients would feel (Kumar & Epley, 2018, *Psychological Science*).
#
# Neither was a study of follow-ups, so take them as a pointer, not proof: the follow-up you hesitate
# over is probably more welcome than you think, and a specific thank-you is a good way to open it.
#
# **What about timing?** You'll often hear "follow up within 24–48 hours". That is **practice
# guidance** from career advisers, not a research finding; we know of no peer-reviewed study of
# follow-up timing. There are sensible reasons for it — details are fresh for both of you — but it
# is not a cliff edge. A late, personal follow-up is far better than none.
#
# **Following through** is about reliability rather than any single study: people learn whether they
# can count on you from what you do with small commitments. Writing your promises down is practice
# guidance, and the simplest way we know to make sure you deliver.

# %% [markdown]
# ## Worked example: Sam's follow-up times {core}
#
# Let's look at how Sam Rivera, the course's invented sample persona, does at following up. Sam is a
# product designer moving into health-tech, and met a lot of new people at events this year.
#
# For each person Sam met, the next cell looks for the first message, call or meeting Sam started
# afterwards, and measures the time in between. It then counts how many got a follow-up within 48
# hours (practice guidance, as above), within a week, or never.

# %% tags=["nbval-check-output"]
from netlearn import metrics

net = netlearn.sample_network()
today = net.today()
follow = metrics.follow_up(net, today)

print(f"In the year up to {today.day} {today:%B %Y}, Sam met {follow.new_contacts} new people"
      f" and followed up with {follow.followed_up} of them.")
print(f"Within 48 hours: {follow.within_48h.part} of {follow.within_48h.whole}"
      f" ({follow.within_48h.share:.0%}).")
print(f"Within a week:   {follow.within_7d.part} of {follow.within_7d.whole}"
      f" ({follow.within_7d.share:.0%}).")
print(f"Typical (median) time to follow up: {follow.median_hours:.0f} hours.")
print(f"Never followed up: {follow.never_followed_up}.")

# %% [markdown]
# The chart shows every follow-up as a count of days from meeting to first message. Bars left of the
# dashed line came within 48 hours; the dotted line marks a week. The legend says how many people
# never heard from Sam at all.

# %%
from netlearn import charts

netlearn.show_chart(charts.follow_up_latency, net, today=today)

# %% [markdown]
# **What it tells us.** When Sam follows up, Sam is usually quick: most follow-ups come within a
# couple of days. The tail to the right is a handful of people Sam wrote to a week or two later —
# which still counts.
#
# The number that matters most isn't on the bars, though. It's the people in the legend who *never*
# got a follow-up. Sam's reasons are probably familiar: a busy evening, someone Sam liked but had no
# obvious reason to write to, a message put off until it felt too late. A short, specific message
# needs a reason no bigger than "I enjoyed our conversation about X".
#
# **What the chart counts.** A follow-up is the first message, e-mail or call *you* send after your
# first meeting. Their message to you isn't one, and nor is meeting them again, say at the next
# session of a monthly meetup: if you haven't written, write. "Never" counts
# people met a week or more ago; anyone met in the last week is still in their first week and not
# counted against you yet. The median covers only people who got a follow-up, so a quick median
# can sit next to a long "never" count.

# %% [markdown]
# ## Now you try {optional}
#
# Now the same on your own data. `my_network()` returns what you've imported or logged; if you have
# nothing yet, it gives you Sam's sample again, clearly labelled, so the cells always work. The
# first line of output tells you which you're looking at.
#
# With people you met (a contact with a "met on" date, or an interaction logged as a meeting) the
# clock starts at the meeting. With a LinkedIn import alone, it starts when you connected — the
# invitation accepted — and stops at your first message. Both shares below count the same people:
# those whose first week is over, plus anyone you already wrote to. From LinkedIn, the chart needs
# *Connections* and *Messages*: both come in the quick download of a few files (within minutes) as
# well as in the complete archive.
#
# **With your mailbox and calendar imported** (notebook 00), this is measured from real data: the
# calendar gives your *first* meeting with each person (later meetings in a recurring series don't
# restart the clock), and the first e-mail you sent them afterwards is the follow-up. Both are put
# on your own clock, so time zones don't skew the hours.

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")

mine_follow = metrics.follow_up(mine, mine.today())
mine_since = "meeting"
if not mine_follow.new_contacts:  # no meetings logged: measure from connecting on LinkedIn
    mine_follow = metrics.connection_follow_up(mine, mine.today())
    mine_since = "connecting"
if not mine_follow.new_contacts:
    print("No one met or connected with in the last year in this data: log a meeting below.")
else:
    met = "met" if mine_since == "meeting" else "connected with"
    print(f"In the last year you {met} {mine_follow.new_contacts} new people and followed up"
          f" with {mine_follow.followed_up} of them.")
    if mine_follow.within_48h.whole:
        print(f"Within 48 hours: {mine_follow.within_48h.part} of {mine_follow.within_48h.whole};"
              f" within 7 days: {mine_follow.within_7d.part} of {mine_follow.within_7d.whole}.")
    if mine_follow.median_hours is not None:
        print(f"Typical (median) time to follow up: {mine_follow.median_hours:.0f} hours.")
    print(f"Never followed up: {mine_follow.never_followed_up};"
          f" still in your first week: {mine_follow.awaiting}.")

# %%
from netlearn import charts

netlearn.show_chart(charts.follow_up_latency, mine, today=mine.today(), result=mine_follow,
                    since=mine_since)

# %% [markdown]
# Whatever your chart shows, don't treat it as a grade. A long tail or a big "never" count is
# useful: it is a list of people who would probably still be glad to hear from you. Here they are
# by name (people you met or connected with in the last year and never wrote to): one click adds a
# follow-up to your commitments, due in two days.

# %%
netlearn.follow_up_gaps()

# %% [markdown]
# ## Practice {optional}
#
# Following up well takes three habits: make it personal, say thank you with a next step, and do
# what you said you'd do. Each takes minutes, not hours.

# %% [markdown]
# ### 1. Make it personal
# <!-- tip: follow-tip-personal -->
#
# After each event or meeting, send a follow-up that mentions something specific you talked about.
# That one detail tells the person who you are, shows that the conversation mattered to you, and
# gives them something to reply to.
#
# It doesn't need to be clever: "I've been thinking about what you said about onboarding new nurses"
# is plenty. What doesn't work is a template that could have gone to anyone, however polished.
#
# A practical trick: on the way home, jot one line per person — their name, what you talked about,
# anything you promised. Details fade fast, and that note is what makes a personal message possible
# two days later.

# %% [markdown]
# ### 2. Say thank you, and suggest one small next step
# <!-- tip: follow-tip-thanks -->
#
# Thank the person for their time and say that you'd like to stay in touch — ideally with something
# concrete, because "let's stay in touch" on its own usually means you won't. A small, specific next
# step is easy to say yes to: the link you mentioned, one question you'd value their view on, or a
# short call at a time that suits them.
#
# Keep it short enough to read on a phone screen, and keep your CV out of it unless someone asked
# for it: a thank-you that turns into an application stops being a thank-you. And if there's no
# reply, don't read it as a verdict — busy people miss messages.

# %% [markdown]
# ### Draft a follow-up
#
# Try it now with someone real: a person you met recently, or someone from the last few months who
# never heard from you. (If nobody comes to mind, invent one.)
#
# Fill in all the fields of the drafter below first — changing a field rebuilds the draft — then
# edit the draft in your own voice. As you type, it checks that the message uses their name, refers
# to the detail you discussed, proposes a next step or an offer, stays short and avoids stock
# phrases such as "just touching base". The checks are prompts, not rules: read the message once
# more before you send it.
#
# The drafter never sends anything; copy your message into your email or messaging app. Not sending
# it today? Press *Remind me to send it* and it's saved as a commitment due in two days.
# <!-- task: 1 min, copy the message into your e-mail and send it -->

# %%
netlearn.followup_drafter()

# %% [markdown]
# ### 3. Do what you said you would
# <!-- tip: follow-tip-commitments -->
#
# "I'll send you that link." "I should introduce you to my colleague." Promises made in conversation
# are easy to make and easy to forget. Kept promptly, together they tell people you can be relied
# on.
#
# - **Write commitments down on the day,** with a due date.
# - **Check before you introduce.** Ask both people before connecting them, so nobody is put on the
#   spot (practice guidance, and good manners).
# - **If you can't deliver, say so** — promptly, with a new date or an alternative. Silence does
#   more harm than an honest delay.
#
# The next cell lists the commitments in your data that are past their due date, oldest first.

# %%
from netlearn import metrics

mine = netlearn.my_network()
overdue = metrics.overdue_commitments(mine, mine.today())
print(f"Using: {mine.label}")
if not overdue:
    print("Nothing overdue. Every commitment in this data is done or not yet due.")
for item in overdue:
    print(f"- {item.commitment.text} (due {item.commitment.due:%d %b %Y},"
          f" {item.days_overdue} days overdue)")

# %% [markdown]
# On Sam's sample, notice what has slipped: small things — a recording, an article, a tool
# recommendation — that each take minutes, and that the other person remembers anyway. If it's your
# own list, pick the oldest item and deal with it today: deliver it, or send a line saying when you
# will. Made a promise that isn't on the list? Log it below with a due date.
# <!-- task: 2 min, deliver your oldest overdue promise, or write when you will -->

# %%
netlearn.log_commitment()

# %% [markdown]
# ### Put reminders in your calendar
# <!-- task: 1.5 min, import reminders.ics into your calendar -->
#
# Good intentions fade; calendar entries don't. The course can turn your own networking log (never
# the sample) into reminders for any calendar app that imports `.ics` files: a **follow-up**
# reminder a couple of days after meeting someone you haven't written to yet, one on the **due date
# of each open commitment**, and **keep-in-touch** reminders for contacts with a cadence (notebook
# 05).
#
# Click the button below. It writes your data as CSV files, together with `reminders.ics`, and
# gives you links to download them — import `reminders.ics` into your calendar. Reminders keep the
# same ID from one export to the next, so many calendar apps update them instead of adding
# duplicates.

# %%
netlearn.export_widget()

# %% [markdown]
# ## Core task: your follow-up message {core}
#
# Now write a follow-up you really owe someone. Write it first, then compare it with a model answer and tick what your draft
# does; revise it if you like, and save. On Sam's sample, or on a shared screen, write for the
# invented person the task offers. Nothing is ever sent: copy it into a message when you're ready.

# %%
netlearn.core_task("03-following-up")

# %% [markdown]
# ## Branching scenario {core}
#
# Following up well can earn you a second conversation — and then you have to make good use of it.
# In this scenario you meet Sofia for the coffee your follow-up led to. Every choice changes what
# happens next and comes with feedback, and there's more than one ending. Play it once the way you'd
# really act, then replay it and try what you normally wouldn't.

# %%
netlearn.scenario("03-following-up")

# %% [markdown]
# ## Quiz {core}
#
# A few short questions on writing follow-ups, timing, keeping commitments and handling the awkward
# cases — the late follow-up, the message that gets no reply. Some have one best answer, some have
# several, and some ask you to rate responses to a tricky situation, where more than one can be
# reasonable. Every choice gets feedback. Your first answer to each question is the one that counts;
# after it, try again as often as you like, as practice.

# %%
netlearn.quiz("03-following-up")

# %% [markdown] netlearn:questions

# %% [markdown]
# ## Reflection {core}
#
# Two prompts: one practical, one about what makes following up hard for you. If the first one
# leads you to a message you could send today, send it — you've just read why it's likely to be
# welcome. Your answers are saved on your computer and nobody reads them unless you share them.

# %%
netlearn.reflection("03-following-up")

# %% [markdown]
# ## Key points {core}
#
# - **The conversation is the beginning, not the end.** A follow-up is what turns a contact into
#   a relationship.
# - **Personal beats polished.** One specific detail from your own conversation, not from their
#   talk (Q&A included) or profile, does more than a perfect template; add thanks and one small,
#   clear next step. Give your most personal messages to the conversations that mattered most,
#   not to the most senior people, and still send everyone else a line. Short of time? Start with
#   the people you promised something: delivering it is a follow-up in itself (practice
#   guidance).
# - **Reaching out is often more welcome than it feels.** People underestimated how much others
#   appreciated being contacted out of the blue, especially weaker ties (Liu et al., 2023), and
#   writers of thank-you letters to people who had mattered to them underestimated how positively
#   they were received (Kumar & Epley, 2018).
# - **Soon is good; late is fine.** Following up within a day or two, while the conversation is
#   fresh, is common practice guidance — not a research finding. A late follow-up is still far
#   better than none. When it delivers something you promised, put the thing first and one light
#   line about the delay after it; a late hello that owes nothing needs no apology: open with the
#   detail (practice guidance).
# - **Keep every promise, however small — or don't make it.** Write promises down on the day,
#   with a date. Deliver what you said, as you said it; if you can't, say so promptly, with a new
#   date or an alternative. A promise made without a date, "I'll see what I can do" included,
#   gets one: a week from the day you made it. Rather than "ask me again later", offer a smaller
#   promise with a date you can keep. Ask people before you introduce them. Reliability is what
#   people remember (practice guidance).
# - **Promises run both ways.** When someone offered you something — help, an introduction, to
#   pass on your CV — send what they asked for and say plainly what you're looking for; a short
#   reminder is a follow-up, not pushiness. Otherwise keep your CV and your search out of it
#   (practice guidance).
# - **No reply is not a rejection.** One friendly nudge 7–14 days after your message is
#   reasonable, as a short reply in the same thread; if they are away (a conference, an
#   out-of-office), count from their return. After that, let it rest. A new reason to write, such
#   as news of theirs or the thing they wanted, is a fresh start, not a chase: send it as a new
#   message that doesn't mention the unanswered ones (practice guidance).
#
# **Next:** many of the people you follow up with will become online connections. Notebook 04 is
# about using online platforms on purpose — to reach people, not just to collect them.

# %%
netlearn.progress_bar("03-following-up")

# %% [markdown] netlearn:navigation
