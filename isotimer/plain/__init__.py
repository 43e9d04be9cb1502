"""``isotimer run SESSION --plain``: the same session as lines of text, for any terminal or none."""
