"""A run as a FIT strength activity: its sets and laps (``activity``) and which FIT
exercise each hold is filed under (``exercises``)."""
