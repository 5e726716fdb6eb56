"""What the learner keeps: reminders, the action plan, exports, the anonymised
summary, backups, imports into the store.
"""
