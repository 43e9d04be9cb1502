"""Today's target for each hold: the coach's rules (``progression``) and today's harder
variation (``swaps``)."""
