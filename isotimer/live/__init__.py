"""The live second screen: a page a phone beside the mat opens to follow the running session."""
