# %% [markdown] netlearn:header

# %% [markdown]
# ## Welcome {core}
#
# Welcome! This course is about professional networking — and about the five mistakes that most
# often get in its way.
#
# If the word "networking" makes you wince, you're in good company: it can bring to mind name
# badges, forced small talk and business cards handed out like flyers. That's not what this course
# means. Here, networking means **building relationships in which people help each other**:
# swapping advice, passing on an opportunity, introducing people who should know each other, and
# staying in touch over the years.
#
# Seen that way, networking isn't a talent you either have or don't. It's a handful of habits — most
# of them quiet ones, like preparing, listening and following up — and habits can be learned. In one
# study, an online networking training for 491 unemployed job seekers raised how much they
# networked and their confidence in doing it, most for less extraverted people; the quality of the
# jobs they found improved only indirectly, through that confidence (Wanberg et al., 2020,
# *Personnel Psychology*). It also goes with career success: among employees followed over three
# years, networking behaviour predicted both salary level and salary growth (Wolff & Moser, 2009,
# *Journal of Applied Psychology* — a study that followed people, not an experiment).
#
# The course is for you whether you're a student, changing careers, new to a country's working
# culture, returning after a break, or would simply rather stay at home than go to a mixer. And it's
# not only about job hunting: networking is how people find advice, collaborators and help with the
# job they already have.
#
# ### Where the five mistakes come from
#
# The five mistakes — **lack of preparation**, **focusing solely on personal gain**, **neglecting
# follow-up**, **overlooking online networking** and **failing to maintain relationships** — come
# from a short practitioner blog post with sensible advice but no evidence. This course adds research
# where it exists, always with author, year and journal, and labels everything else as *practice
# guidance*. Hold it to that.

# %% [markdown]
# ## How the course works {core}
#
# There are eight notebooks: this one sets you up, 01–05 take one mistake each, 06 turns what
# you've learned into a plan for the next 30 days, and 07 is a short check-in two to four weeks
# later. Work through them in order, in as many sittings as you like; the next cell lists them with
# their timings.
#
# Every section is marked **Core** or **Optional**, with its minutes, just under its heading. Short
# of time? Do the core sections now and come back for the optional ones. The timings count
# everything a section asks of you — reading, quiz items, writing, the practice tools — so they are
# honest estimates, not the reading time alone.
#
# Every mistake notebook has the same shape, so you always know where you are:
#
# 1. **Where am I?** — a quick self-check on the habit.
# 2. **The mistake** and **what the research says** — the short teaching part.
# 3. **Worked example** — a number and a chart from Sam, the sample persona.
# 4. **Now you try** — the same number and chart for your own network.
# 5. **Practice** — a tool that turns the advice into something you can use this week.
# 6. **Quiz**, **reflection** and **key points** — to check and keep what you've learned.
#
# **Running cells.** Click a cell and press <kbd>Shift</kbd>+<kbd>Enter</kbd> to run it and move on.
# Start each notebook from the top: its first code cell loads the course helpers. **Your work saves
# as you go** — each rating, answer and reflection when you submit it — so you can stop at any time
# and pick up where you left off.

# %%
import netlearn
%matplotlib inline

course = netlearn.course()
for topic in course.topics:
    core = topic.core_minutes or topic.minutes
    print(f"{topic.id[:2]}  {topic.title:<32} about {topic.minutes:>2} minutes"
          f" ({core} for the core sections)")
print(f"\nIn all, about {course.minutes} minutes.")

# %% [markdown]
# ## Your data stays with you {core}
#
# The course asks you to rate yourself honestly and, if you like, to look at your own contacts. Here
# is exactly where all of that goes.
#
# - **Everything is stored on this computer, in one folder.** The next cell shows you which. The
#   course has no accounts and no analytics, and it sends nothing anywhere.
# - **You choose the folder.** By default it's your system's usual place for application data. To
#   keep it somewhere else — an encrypted drive, say — set the environment variable `NETLEARN_HOME`
#   to that folder before you start Jupyter.
# - **Nothing is written inside the course folder**, so you can update or share the course without
#   sharing your data.
# - **On Binder**, "this computer" is a temporary machine in the cloud, and it disappears — with
#   your answers — when your session ends. Download what you want to keep before you leave.

# %%
from netlearn.plumbing.paths import data_home

print(f"Your answers, ratings and networking log are kept in:\n{data_home()}")

# %% [markdown]
# **Where is "this computer"?** The next cell checks. On Binder or on a JupyterHub run by your
# school or employer, the course runs on someone else's server, and the cell says so plainly.
# There, use the sample persona or a log you type in; import real exports in a copy of the course
# on your own computer. It also shows the course's version, which your facilitator may ask for.

# %%
netlearn.hosting_notice()

# %% [markdown]
# **Take your data with you.** Notebook 06 has a button to download your action plan, reminders and
# data — contacts, interactions, events, answers, ratings and reflections — as files you can keep.
#
# **Delete it all.** When you've finished, or if you change your mind, the **Delete my data** button
# at the end of notebook 06 deletes every file the course has stored about you. It offers you a
# backup first, and deletes only once you confirm.
#
# **Coming back from another session?** If you downloaded a backup last time (notebook 06), restore
# it here. Restoring adds its records to yours, never twice; a backup that disagrees with what is
# already here changes nothing and says why.

# %%
netlearn.backup_widget()

# %% [markdown]
# **In a workshop**, your facilitator never sees your data. At the end, notebook 06 lets you
# download an anonymised summary — numbers only, no names and no notes — which you can choose to
# hand in.

# %% [markdown]
# **May the course measure your time?** Only if you agree, it notes when you save something in each
# notebook, so that you can see about how many minutes each one took you. You're asked once; change
# your answer here or in notebook 06 at any time.

# %%
netlearn.time_consent()

# %% [markdown]
# ## Where are you starting from? {core}
#
# Below are short statements about networking habits, a few for each of the five mistakes. Rate
# each one from 1 (*not at all like me*) to 5 (*very much like me*). It takes the minutes shown under
# the heading above.
#
# Rate what you actually do, not what you'd like to do. A low rating isn't a failure; it shows where
# the course can help most. Only you see these ratings, and you'll rate the same statements again in
# notebook 06 to see what has changed.

# %%
netlearn.self_assessment(None, "before")

# %% [markdown]
# When you've finished, look back over your ratings. Which mistake got your lowest scores? That is
# probably the notebook to give the most time to — and a good place to set yourself a goal for the
# course.

# %% [markdown]
# ## Sample persona or your own network? {optional}
#
# Every mistake notebook draws charts of networking data — whom you met, how soon you followed up,
# whom you haven't spoken to in a while. You can use your own data or borrow someone else's.
#
# **Option 1: use the sample persona.** Sam Rivera is an invented product designer moving into
# health-tech, with a year of events, contacts and messages; everyone in Sam's network is made up. If
# you do nothing, the course uses Sam — the quickest start, and the usual choice in workshops or on a
# shared computer.
#
# **Option 2: import your own data.** The import tool below reads:
#
# - **your LinkedIn data export** — on LinkedIn, go to **Settings & Privacy → Data privacy → Get a
#   copy of your data**. To start today, tick just *Connections*, *Messages* and *Invitations*:
#   LinkedIn e-mails those within minutes, and most charts work with them. Then ask for the
#   complete archive (*Download larger data archive*), which arrives within about a day: 01's
#   events, 02's endorsements and 04's participation chart need it. Carry on with Sam while you
#   wait, and import each zip file as it is when it comes — importing adds only what is new;
#   <!-- task: 2 min, ask LinkedIn for your data -->
# - **a vCard file** (`.vcf`) exported from your phone's or e-mail program's address book;
# - **a calendar file** (`.ics`) with the events and meetings you want to count;
# - **a CSV file** in the course's template, if you keep contacts in a spreadsheet.
#
# Importing the same file twice is safe: nothing is duplicated. These files hold other people's
# details as well as yours — one more reason everything stays on your own computer.

# %%
netlearn.import_widget()

# %% [markdown]
# **Option 3: keep a log by hand.** Add a few people and recent conversations yourself; a handful is
# enough to make the charts your own. From now on, take twenty seconds to log each time you meet or
# contact someone — notebooks 03 and 05 get more useful the more you log.

# %%
netlearn.log_contact()

# %%
netlearn.log_interaction()

# %% [markdown]
# **Switching.** Once you have data of your own, the exercises use it automatically. To use Sam
# anyway — say you're sharing your screen in a workshop — click *Sam's sample* below; click *My own
# data* to switch back. The line under the buttons tells you which the exercises will use.

# %%
netlearn.data_choice()

# %% [markdown]
# ## The course at a glance {optional}
#
# Here's the whole course with your progress so far. You'll see this map again in notebook 06,
# filled in.

# %%
netlearn.course_overview()

# %% [markdown]
# ## Reflection {core}
#
# Before the first mistake, spend a few minutes on these prompts. There are no wrong answers, and
# what you write is for you alone; it goes into the action plan you download in notebook 06.

# %%
netlearn.reflection("00-start-here")

# %% [markdown]
# ## Key points {core}
#
# - **Networking means building relationships in which people help each other.** It is not selling
#   yourself, and it is not a talent you either have or don't.
# - **It can be learned.** A networking training helped unemployed job seekers network more and with
#   more confidence — less extraverted people most of all (Wanberg et al., 2020).
# - **It goes with career success.** Networking behaviour predicted salary level and growth over
#   three years (Wolff & Moser, 2009).
# - **The course takes five common mistakes, one notebook each**, and ends with a 30-day plan of your
#   own.
# - **The self-check has no wrong answers.** It is your starting point, and only you see it.
# - **Your data stays on your computer.** If you'd rather not use your own contacts, the sample
#   persona makes every exercise work.
#
# **Next:** the first mistake happens before you even arrive — turning up unprepared.

# %% [markdown] netlearn:navigation
