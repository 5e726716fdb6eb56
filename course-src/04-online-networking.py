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

netlearn.openers("04-online-networking")

# %% [markdown]
# ## Where am I? {core}
#
# A quick self-check first. Rate each statement below from 1 (not at all like me) to 5 (very much
# like me). There are no right answers — plenty of people do very little online, for good reasons —
# and nobody else sees your ratings. You'll rate the same statements again in notebook 06.
#
# Click the cell and press <kbd>Shift</kbd>+<kbd>Enter</kbd> to run it. It also loads the course
# helpers, so start there.

# %%
import netlearn
%matplotlib inline

netlearn.self_assessment("04-online-networking", "check")

# %% [markdown]
# ## Warm-up questions {core}
#
# Before you read on, two questions on what this notebook teaches. Guess if you don't know: they
# are never scored, and having tried helps the answers stick when you meet them below. After the
# quiz you'll see which of them you now get right.

# %%
netlearn.pre_questions("04-online-networking")

# %% [markdown]
# ## The mistake {core}
#
# You meet someone interesting at an event. On the train home they look you up. What do they find?
# For many people: a profile last updated two jobs ago, with no sign of what they know or care
# about. Or nothing at all.
#
# That is the mistake this notebook is about: treating online platforms as an afterthought, or using
# them only for personal life, when they've become one of the main places where professional
# relationships start and are kept alive. The blog post behind the five mistakes names LinkedIn,
# Twitter and industry forums, but the point is broader: wherever your field gathers online — a
# professional network, a forum, a Slack or Discord community, an open-source project, a mailing list
# — is part of your network, whether you take part or not.
#
# - **The neglected profile** describes who you were, not who you are.
# - **The silent member** joined the right groups years ago and has read them ever since, but nobody
#   there knows their name.
# - **The blank invitation** goes to someone with no idea why you're getting in touch.
# - **The crisis account** comes to life during a job search and goes quiet again afterwards.
#
# ### Why it costs you
#
# Online is where many of your *weak ties* live: former colleagues, people you see a few times a
# year, friends of friends. As you'll see in a moment, ties like these can bring new information and
# opportunities. Ignoring the places where they gather means hearing less, later.
#
# It also limits you to people you can physically reach. If you live far from your industry's hubs,
# work unusual hours, have caring responsibilities or find crowded rooms exhausting, online is where
# a thoughtful answer reaches people in other cities and countries, on your schedule. For many
# quieter people it's simply the easier way in — a first-class option, not a second-best one.
#
# ### The opposite mistake
#
# The fix is not to chase numbers. Thousands of connections you never talk to, daily
# self-promotion or a hundred identical invitations won't build relationships. That blog post talks
# about becoming a "thought leader"; this course sets a more achievable goal: **become known as
# someone helpful** where your field talks. That's open to anyone, at any career stage.
#
# Helpful isn't quiet, either (practice guidance): go deep in one community; put a correction in
# the thread that needs it, not in a private message, because the people who read the mistake read
# the thread; and when someone asks for exactly what you do, say so plainly.
#
# Starting out in a community, go in this order (practice guidance): read for a week or two; then
# thank someone whose answer helped you, or reply where you have real experience; then ask something
# of your own, saying what you've already tried. You don't have to answer others before you may
# ask. A reaction only shows you read a post: people learn your name from your comments and
# answers. And when you share a link or slides, add a line on why they matter: that line is your
# contribution.

# %% [markdown]
# ## What the research says {core}
#
# **Job leads often come through weaker ties.** In a classic survey of 282 professional, technical
# and managerial workers, 56 % had found their job through a personal contact. Of 54 of them who
# were interviewed, most had seen that contact only occasionally — more than once a year but less
# than twice a week (about 56 %) — or rarely (about 28 %); only about 17 % saw them often
# (Granovetter, 1974, *Getting a Job*). The argument behind it — close friends mostly know what you
# know, acquaintances hear about other things — is set out in Granovetter (1973, *American Journal
# of Sociology*).
#
# **It holds up in a huge experiment — on LinkedIn.** Researchers analysed randomised experiments in
# LinkedIn's "People You May Know" feature: more than 20 million people over five years, about 2
# billion new ties and 600,000 new jobs. Measured by mutual connections, *moderately* weak ties
# increased job mobility the most, an inverted U; measured by how much people interacted, the
# weakest ties helped most. Weak ties mattered more in more digital industries, strong ties in less
# digital ones (Rajkumar et al., 2022, *Science*). The ties were the platform's own suggestions, not
# ones people chose, and the outcome was moving to the new contact's company. Because the
# suggestions were randomised, this is strong evidence that weak ties help *cause* such moves.
#
# **Online doesn't enlarge your inner circle.** In two UK surveys, online friend networks had about
# the same size and core structure as offline ones (Dunbar, 2016, *Royal Society Open Science*); in a
# study of 117 adults, using social media did not go with larger or closer offline networks (Pollet,
# Roberts & Dunbar, 2011, *Cyberpsychology, Behavior and Social Networking*). That online is good
# for finding people, staying visible and keeping weak ties warm is practice guidance, not these
# findings; closeness still takes time and real conversations.
#
# **Face to face beat email for simple requests to strangers.** In one set of experiments, such
# requests made face to face were about 34 times more effective than the same requests by email
# (Roghanizad & Bohns, 2017, *Journal of Experimental Social Psychology*), so don't treat the number
# as a general rule. Phone calls were not tested. Our advice (practice guidance): use online contact
# to become familiar; for the ask that matters, ask in person if you can meet in time, even if a
# call would be sooner or easier. A call is for when you can't meet before it's too late.
#
# **You can learn this.** An online networking training for 491 unemployed job seekers raised how
# much they networked and their confidence in doing it, most of all for less extraverted people;
# the quality of their re-employment improved only indirectly, through that confidence (Wanberg et
# al., 2020, *Personnel Psychology*).
#
# **Practice guidance, not research:** how often to post and how long a connection note should be.
# A few thoughtful contributions a month in the right place is plenty; you don't need to post daily,
# or even weekly.

# %% [markdown]
# ## Worked example: Sam's online mix {core}
#
# Let's look at Sam Rivera, the course's invented sample persona: a product designer moving into
# health-tech. Sam has a LinkedIn account, is active in a couple of online communities, and goes to
# in-person events too.
#
# The next cell looks at three things: how much of Sam's networking over the last year happened
# online, how many of the people Sam met in person are also connected online, and how often Sam's
# invitations to connect came with a personal note.

# %% tags=["nbval-check-output"]
from netlearn import metrics

net = netlearn.sample_network()
today = net.today()
mix = metrics.online_mix(net, today)
met_and_online = metrics.in_person_also_online(net)
notes = metrics.invitation_note_share(net)

print(f"In the year up to {today.day} {today:%B %Y}, {mix.online} of Sam's {mix.total}"
      f" interactions were online ({mix.share:.0%}).")
print(f"Of the {met_and_online.whole} people Sam met in person, {met_and_online.part}"
      f" are also connected online ({met_and_online.share:.0%}).")
print(f"Of the {notes.whole} invitations Sam sent, {notes.part} had a personal note"
      f" ({notes.share:.0%}).")

# %% [markdown]
# The chart breaks the same year down by channel: online channels in blue, in-person ones and calls
# in orange and hatched.

# %%
from netlearn import charts

netlearn.show_chart(charts.channel_mix, net, today=today, days=365)

# %% [markdown]
# **E-mail is counted apart.** The bar for e-mail (light blue, dotted) is not in the online share:
# this notebook asks how much of your *networking* happens online, and e-mail, where most people do
# everything, would swamp it — all the more with a mailbox imported. The share is LinkedIn, forums,
# posts and video against meetings, events and calls.

# %% [markdown]
# **What it tells us.** Sam does most networking online, but not *only* online: many relationships
# start at events and meetings, and online channels keep them going in between. That's a healthy
# mix.
#
# The other two numbers point to easy wins. Quite a few people Sam has met in person aren't
# connected online, so they're harder to keep in touch with. They come first (practice guidance):
# a request with one line to someone you already see costs a minute now, and once one of you moves
# on it becomes a cold request; people further away will still be there next week. And about half
# of Sam's invitations went out with no note — each one a missed chance to say why.
#
# There's no "right" online share: a fully remote field may be almost all online, a local trade
# hardly at all. The question is whether your mix is a choice.

# %% [markdown]
# ## Now you try {optional}
#
# Now the same on your own data. `my_network()` returns what you've imported or logged; if you have
# nothing yet, it gives you Sam's sample again, clearly labelled, so the cells always work. The
# first line of output tells you which you're looking at. (You can import your LinkedIn data in the
# Practice section below, then come back and run these cells again.)
#
# Which LinkedIn files each chart needs: the channel mix, your *Messages* and *Invitations*; the
# participation chart, your posts, comments and reactions, which come only in the complete archive
# (e-mailed within about a day); the growth of your connections further down, *Connections*.
# <!-- task: 2 min, after importing, run these cells again and look at your charts -->

# %%
from netlearn import metrics

mine = netlearn.my_network()
print(f"Using: {mine.label}")

mine_mix = metrics.online_mix(mine, mine.today())
if not mine_mix.total:
    print(f"No interactions in the last {mine_mix.days} days in this data yet.")
else:
    print(f"In the last year, {mine_mix.online} of your {mine_mix.total} interactions were online"
          f" ({mine_mix.share:.0%}).")
if mine_mix.email:
    print(f"E-mails, counted apart (not in the online share): {mine_mix.email}.")
mine_met = metrics.in_person_also_online(mine)
if mine_met.whole:
    print(f"Of the {mine_met.whole} people you've met in person, {mine_met.part} are also"
          " connected online.")
mine_notes = metrics.invitation_note_share(mine)
if mine_notes.whole:
    print(f"Invitations you sent with a personal note: {mine_notes.part} of {mine_notes.whole}"
          f" ({mine_notes.share:.0%}).")
mine_part = metrics.participation_by_month(mine, mine.today())
print(f"Posts, comments and reactions in the last 12 months: "
      f"{sum(m.posts for m in mine_part)}, {sum(m.comments for m in mine_part)},"
      f" {sum(m.reactions for m in mine_part)}"
      + ("" if any(m.posts or m.comments or m.reactions for m in mine_part)
         else " (they come only in LinkedIn's complete archive, not in the quick download)."))

# %%
from netlearn import charts

netlearn.show_chart(charts.channel_mix, mine, today=mine.today(), days=365)

# %%
netlearn.show_chart(charts.participation, mine, today=mine.today())

# %% [markdown]
# Is your mix the one you'd choose? If nearly everything is in person, which relationships could you
# keep alive more easily online? If nearly everything is online, which one deserves a call or a
# coffee?

# %% [markdown]
# ## Practice {optional}
#
# Bring in your data and tidy your profile, then practise the three habits that blog post recommends:
# share useful things, take part in groups, and reach beyond your usual circle. You don't need to do
# all of it today.

# %% [markdown]
# ### 1. Bring in your LinkedIn data (optional)
#
# If you use LinkedIn, you can download your own data and import it here. On LinkedIn, go to
# **Settings & Privacy → Data privacy → Get a copy of your data**. It offers two downloads:
#
# - **a few files you pick**, e-mailed within minutes. Tick *Connections*, *Messages* and
#   *Invitations*: enough for the channel mix above, the growth of your connections below, and
#   notebooks 03 and 05;
# - **the complete archive** (*Download larger data archive*), e-mailed within about a day. Only it
#   has your posts, comments and reactions (the participation chart above), your events (notebook
#   01) and your endorsements (notebook 02).
#
# Asked for them in notebook 00? They're in your e-mail. If not, ask for the few files now, import
# them, and then ask for the complete archive; importing it when it arrives adds only what is new.
# Choose the `.zip` file below.
# <!-- task: 2 min, ask LinkedIn for your data, or download what you asked for in notebook 00 -->
#
# The file is read on this computer and saved only in your own course data; nothing is sent
# anywhere. Not on LinkedIn, or would rather not? Contacts (vCard) and calendar (iCalendar) files
# work too, the widget can show you what a sample export contains, and everything else here works
# on Sam's sample.

# %%
netlearn.import_widget()

# %% [markdown]
# Once you've imported, run the next cell to see how your connections have grown over the years. It
# reloads your data first, so it picks up what you just imported.

# %%
from netlearn import charts

mine = netlearn.my_network()
print(f"Using: {mine.label}")
netlearn.show_chart(charts.connections_growth, mine)

# %% [markdown]
# Most people's curves come in bursts: a new job, a course, a conference, a job search. Who did you
# connect with in your steepest stretch, and how many of them have you spoken to since? A connection
# is an open door, not a relationship; notebook 05 is about walking back through some of those
# doors.

# %% [markdown]
# ### 2. Check your profile
#
# When someone looks you up, your profile has a few seconds to answer two questions: *what does this
# person do*, and *what are they interested in*? Open your own profile (LinkedIn, or whichever
# network you use most) in another tab and tick what it already has in the self-audit below. It
# shows your score and a hint for each missing item. Save it, fix one thing, and come back to tick
# it off.
#
# If you fix only one thing, make it the headline: it follows you into every search result, comment
# and invitation. Changing careers? Say where you're heading, not only where you've been.
# <!-- task: 3 min, fix one thing on your profile, then tick it off -->

# %%
netlearn.profile_audit()

# %% [markdown]
# ### 3. Share what you learn
# <!-- tip: online-tip-share -->
#
# Share useful content — something you learned, read or made — with a line or two on why it matters.
# That line is the value: it tells people why the link deserves their time, and shows how you think.
# It doesn't need to be original research:
#
# - a tool or template that saved you time, and who else it would help;
# - what you took from a course, a book or a podcast, in three sentences;
# - a round-up of a few good links on a topic you follow.
#
# What to avoid: posting only about yourself, sharing links without saying why, and advertising your
# services in other people's threads. Contribute before you promote.

# %% [markdown]
# ### 4. Join a few groups — and take part
# <!-- tip: online-tip-groups -->
#
# Join a small number of relevant groups or forums and actually take part. Depth beats breadth: one
# community where people recognise your name is worth more than ten where you've never posted.
#
# If posting in public feels uncomfortable, go gently: read for a week or two to get a feel for the
# tone and the regulars; then thank someone whose answer helped you, or add a short reply where you
# have real experience; then ask something of your own, saying what you've already tried. Your
# experience counts, whatever your job title.

# %% [markdown]
# ### 5. Reach beyond your usual circle — with a note
# <!-- tip: online-tip-reach -->
#
# Use online platforms to reach people beyond where you live and work: a speaker whose talk you
# watched online, the maintainer of a tool you rely on, someone doing the job you'd like in another
# country. Always add a personal note saying why you're getting in touch; without one, people have
# no idea who you are, and many ignore such requests.
#
# Two or three sentences are enough: what you appreciated or have in common, and — if anything — a
# small, optional next step. The LinkedIn experiments tested the platform's suggestions, not
# requests you choose, so they are only a pointer here: by mutual connections, ties sharing a
# moderate number helped most with job moves; by how much people interacted, the weakest did.
# Either way, people outside your close circle are worth a note (practice guidance).
#
# The next cell shows how many of the invitations in your data carried a personal note.

# %%
from netlearn import metrics

mine = netlearn.my_network()
mine_notes = metrics.invitation_note_share(mine)
print(f"Using: {mine.label}")
if not mine_notes.whole:
    print("No sent invitations in this data yet. LinkedIn's export includes them, in"
          " Invitations.csv.")
else:
    print(f"Of the {mine_notes.whole} invitations you sent, {mine_notes.part} had a personal note"
          f" ({mine_notes.share:.0%}).")

# %% [markdown]
# Whatever your number, the next invitation is the one that counts. Think of one person you'd like
# to connect with this week, write the note now, and send it. The drafter below builds a first
# version from three short answers and checks how personal it is, as the follow-up drafter in
# notebook 03 does; LinkedIn allows 300 characters.
# <!-- task: 1.5 min, send the note on LinkedIn -->

# %%
netlearn.connection_note_drafter()

# %% [markdown]
# ## Core task: your connection note {core}
#
# Now write the note for an invitation you really mean to send. Write it first, then compare it with a model answer and tick what your draft
# does; revise it if you like, and save. On Sam's sample, or on a shared screen, write for the
# invented person the task offers. Nothing is ever sent: copy it into a message when you're ready.

# %%
netlearn.core_task("04-online-networking")

# %% [markdown]
# ## Quiz {core}
#
# A few short questions on profiles, taking part in online communities, reaching new people and
# knowing when to move offline. Some have one best answer, some have several, and some ask you to
# rate responses to a tricky situation, where more than one can be reasonable. Every choice gets
# feedback. Your first answer to each question is the one that counts; after it, try again as often
# as you like, as practice.

# %%
netlearn.quiz("04-online-networking")

# %% [markdown] netlearn:questions

# %% [markdown]
# ## Reflection {core}
#
# Two prompts: one about where your field talks online, one about something you could share. Short,
# concrete answers are best — the aim is something you could act on this week. Your answers are
# saved on your computer and nobody reads them unless you share them.

# %%
netlearn.reflection("04-online-networking")

# %% [markdown]
# ## Key points {core}
#
# - **Online platforms are where many of your weak ties live — and weak ties matter.** Of 54
#   professional workers Granovetter interviewed who found a job through a contact, most saw that
#   contact only occasionally or rarely (Granovetter, 1974).
# - **Weak ties helped with job moves.** In randomised experiments on LinkedIn's own suggestions with
#   over 20 million people, ties with a moderate number of mutual connections did most for moving to
#   the contact's company; measured by interaction, the weakest ties did (Rajkumar et al., 2022).
# - **Online networking doesn't enlarge your inner circle.** Online networks have about the same core
#   structure as offline ones (Dunbar, 2016); that it widens your reach is practice guidance.
# - **Contribute before you promote.** A helpful answer or a thoughtful comment builds more trust
#   than a post about yourself.
# - **You don't need to post every day, or even every week, or become an influencer.** A few
#   thoughtful contributions a month in the right place is plenty (practice guidance).
# - **For a request that matters, ask face to face where you can** (practice guidance). In one set
#   of experiments, simple requests to strangers were about 34 times more effective face to face than
#   by email (Roghanizad & Bohns, 2017). Calls were not tested; a call as second best is practice
#   guidance too.
# - **If you fix one thing on your profile, fix the headline** (practice guidance): it follows you
#   into every search result, comment and invitation. It says what you do now, then what you're
#   interested in or heading for.
# - **A connection note is two or three sentences** (practice guidance): why you're writing, and at
#   most a small, optional next step. Questions and background can wait for a reply.
#
# **Next:** online or in person, a connection only stays useful if it's kept alive. Notebook 05 is
# about maintaining relationships — before you need something.

# %%
netlearn.progress_bar("04-online-networking")

# %% [markdown] netlearn:navigation
