"""Access: who may see which part of a record, and when (policy), and what each audience sees
(views)."""
