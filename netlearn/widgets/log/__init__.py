"""The forms a learner logs their networking with: contacts, interactions, events, commitments."""
