# %% [markdown] netlearn:header

# %% [markdown]
# You've worked through the five mistakes. This last notebook turns what you've learned into a plan
# you can carry out: a few actions for the next 30 days, each with an if–then plan and a reminder in
# your calendar, and a way to tell whether it's working.
#
# Small and specific beats big and vague. You don't need to fix all five mistakes at once. Choose the
# one or two that matter most to you right now and leave the rest for later — the notebooks will
# still be here.

# %% [markdown]
# ## How have your habits changed? {core}
#
# Rate the same statements you rated in notebook 00. Rate what you do *now*: your rating from
# before the course appears under a statement only once you've re-rated it, with the change.

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment(None, "after")

# %% [markdown]
# When you've submitted your ratings, run the next cell. It compares your average rating for each
# mistake at the start of the course with today's.

# %%
from netlearn import charts

netlearn.show_chart(charts.self_assessment_change, netlearn.self_assessment_means())

# %% [markdown]
# **How to read it.** These are self-ratings, so treat them as a mirror rather than a measurement. A
# higher bar means you now see yourself doing the habit more often. A lower one isn't necessarily bad
# news: it can mean you now see more clearly what the habit involves, and rate yourself more
# strictly.
#
# For your plan, look for two things: the mistake with the lowest rating today, and the one that
# matters most for what you want in the next few months. Often they're the same. If not, go with the
# one that matters most.

# %% [markdown]
# ## Your quiz results {optional}
#
# The course map shows how far you got in each notebook and how you did in its quiz on the first
# try, with what you reached after retries beside it. If a score surprises you, the key points at the
# end of that notebook make a two-minute refresher; retaking a quiz is good practice, and the first
# try still counts.

# %%
netlearn.course_overview()

# %% [markdown]
# ## Your numbers today {optional}
#
# Each of the five habits leaves a trace in your network that you can count. Here is one number for
# each, on your own data if you have any (or on Sam's sample if not — the first line says which).
# Two have a direction: more events fully prepared, fewer close contacts gone quiet. The other three
# describe how you network, and no value of them is right: gives and asks are not a score
# (notebook 02), 48 hours is a habit, not a finding (notebook 03), and there is no right online
# share (notebook 04). Read them against what you mean to do. Run the cell again in a week or a
# month to see what has moved.

# %%
from netlearn import metrics
from netlearn.keep.numbers_today import habit_numbers_text

mine = netlearn.my_network()
today = mine.today()
print(f"Using: {mine.label}\n")
print(habit_numbers_text(mine, today))

# %% [markdown]
# ## Your commitments {core}
#
# Start with promises you've already made. Notebook 03 showed why: doing what you said you would is
# what makes people trust you. Here are the commitments in your log that are past their due date.

# %%
overdue = metrics.overdue_commitments(mine, today)
if mine.is_sample:
    print("(These are Sam's, from the sample persona.)\n")
if overdue:
    for item in overdue:
        print(f"- {item.commitment.text} (due {item.commitment.due:%d %b}, {item.days_overdue} days"
              " ago)")
else:
    print("Nothing overdue. Well done.")

# %% [markdown]
# Deal with these before taking on anything new: do it this week and mark it done, or send a short,
# honest message ("I said I'd send you that introduction and haven't managed it — sorry") — far
# better than silence.
#
# Now add the actions for your next 30 days. Three is a good number; five is plenty. Make each one:
#
# - **specific** — who, what, by when;
# - **small** — something you could do in a normal, busy week;
# - **within your control** — "send two catch-up messages", not "get two replies".
#
# Some examples, one per mistake:
#
# - *01 Preparation:* "Before the design meetup on the 12th, spend fifteen minutes choosing two
#   people to talk to."
# - *02 Giving:* "Send Ana the article on onboarding research by Friday."
# - *03 Follow-up:* "Block half an hour the morning after each event for follow-up messages."
# - *04 Online:* "Add one thoughtful comment a week in the accessibility group."
# - *05 Maintaining:* "Get back in touch with two former colleagues this month."
#
# Log each action below with a due date. Each one becomes a reminder in the calendar file you can
# download at the end of this notebook.
# <!-- task: 4.5 min, choose three actions and log the second and third -->

# %%
netlearn.log_commitment()

# %% [markdown]
# ## Turn your actions into if–then plans {core}
#
# Good intentions are easy to make and easy to forget. An if–then plan ties an action to a moment you
# will recognise: "If *situation*, then I will *action*." Researchers call these *implementation
# intentions*. Across 94 tests, they had a medium-to-large effect on reaching goals (d = 0.65;
# Gollwitzer & Sheeran, 2006, *Advances in Experimental Social Psychology*).
#
# Because you decide in advance, you don't need to find the motivation and the idea when the moment
# comes: the situation itself is the cue.
#
# A good if–then plan has:
#
# - **a cue you will actually notice** — a time, a place or something that happens: "If it's Friday
#   at 4 pm…", "If I've just left an event…", "If someone mentions a problem I know something
#   about…";
# - **a small action you can take straight away** — "then I'll send one message", not "then I'll
#   network more";
# - **a plan for your usual obstacle.** If you know what tends to stop you — tiredness, shyness,
#   forgetting — write a plan for that moment too.
#
# A few examples:
#
# - *If I get home from an event, then before I open anything else I'll send a short message to the
#   two people I talked to most.*
# - *If it's the first Monday of the month, then I'll look at my reconnect list and message one
#   person.*
# - *If I read something that would help someone I know, then I'll send it to them that day, with
#   one line on why.*
# - *If I sign up for an event, then I'll put fifteen minutes in my calendar the day before to
#   prepare.*
#
# Write at least three if–then plans of your own in the reflection below — one for each of your
# actions, plus one for whatever is most likely to get in your way. They go into the action plan you
# download next.

# %%
netlearn.reflection("06-action-plan")

# %% [markdown]
# ## Book your check-in {core}
#
# Come back once more, two to four weeks from now, for notebook 07: a short quiz from memory, your
# self-ratings a third time, and a look at these commitments. Testing yourself after a gap helps you
# keep what you learned (more on why in notebook 07). Pick a day below and book it: it goes into
# the calendar file you download next.

# %%
netlearn.checkin_date()

# %% [markdown]
# ## Take your plan with you {core}
# <!-- task: 1.5 min, import reminders.ics into your calendar -->
#
# The button below writes your data into a new folder on this computer and offers each file for
# download:
#
# - **`action-plan.md`** — your ratings, quiz results, actions, if–then plans and reflections in one
#   readable document. Print it, pin it, or paste it into your notes app.
# - **`reminders.ics`** — calendar reminders for your commitments, for keeping in touch and for your
#   check-in. Import it into the calendar you already use.
# - **CSV files** — everything you logged, one table per file, for a spreadsheet or a backup.
#
# On Binder, download them now: the session, and everything in it, disappears when you close it.

# %%
netlearn.export_widget()

# %% [markdown]
# ### Continue in another session
#
# A **backup** is one zip file with everything the course keeps for you. Download it at the end of
# a session — on Binder, before you close the tab — and restore it at the start of the next one,
# here or in notebook 00, on any computer. Restoring adds the backup's records to yours and never
# duplicates them. The backup holds your contacts' names, so keep it somewhere private.

# %%
netlearn.backup_widget()

# %% [markdown]
# ## For your facilitator {optional}
#
# If you're taking the course in a workshop, your facilitator may ask for an anonymised summary, to
# see how the group is doing and to improve the course. It holds numbers only — average ratings, quiz
# scores, counts from your log — and no names, messages, notes or reflection text. The button below
# tells you exactly what is in it. Download it, and hand it in only if you want to.
#
# Studying on your own? Skip this.

# %%
netlearn.summary_widget()

# %% [markdown]
# ## What next {core}
#
# - **Put your first reminder in your calendar today**, while the plan is fresh.
# - **Review once a week.** Ten minutes with your log and the "Your numbers today" cell above shows
#   what is working and what to adjust. Put the review itself in your calendar — it's an if–then
#   plan too.
# - **Keep logging.** Twenty seconds after each conversation keeps your charts honest.
# - **Expect some silence.** Some messages will go unanswered. That's normal, not a verdict on you;
#   judge yourself on what you did, not on how others responded.
# - **Come back for your check-in.** Open notebook 07 on the day you booked above.
# - **Come back to a notebook whenever a situation calls for it** — notebook 01 before a big event,
#   notebook 05 when you realise you've lost touch with people.
# - **When you're done with the data**, export what you want to keep and delete the rest with
#   **Delete my data**, at the end of this notebook.
#
# Networking isn't a project you finish. It's a way of working with people: prepare a little, be
# generous, follow up, use the online tools on purpose, and stay in touch before you need anything.
# Do that, and the relationships take care of much of the rest.

# %% [markdown]
# ## Key points {core}
#
# - **Pick one or two habits, not five.** Small changes you keep beat a big plan you drop.
# - **Write each action as an if–then plan** ("If it's Friday at 4 pm, then I'll send two catch-up
#   messages"). Plans in this form had a medium-to-large effect on reaching goals (Gollwitzer &
#   Sheeran, 2006).
# - **Make every action specific and checkable** — who, what, by when.
# - **Build in a review.** A quick weekly look at your log shows what's working and what to adjust.
# - **Expect some messages to go unanswered.** That's normal, not a verdict on you.
# - **Networking is ongoing.** Come back to any notebook whenever a new situation calls for it.

# %% [markdown]
# ## Your data {optional}
#
# **Time you spent.** If you agreed in notebook 00 to have your time measured, the cell below shows
# about how many minutes you spent in each notebook. You can change your answer there at any time;
# choosing No deletes the minutes recorded.

# %%
netlearn.time_consent()

# %% [markdown]
# **Delete my data.** When you've finished with the course, or if you change your mind, the button
# below deletes everything the course has stored about you. It lists what it deletes and what it
# leaves, offers you a backup first, and deletes only once you tick that you understand it cannot be
# undone.

# %%
netlearn.delete_data_widget()

# %% [markdown] netlearn:navigation
