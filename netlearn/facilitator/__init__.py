"""The facilitator's tools: cohort reports, agendas, Binder and hub links,
content copies, the notebook builder.
"""
