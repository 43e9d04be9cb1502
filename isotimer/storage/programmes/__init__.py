"""Programme files: loading with line-precise problems, and the running programme's state."""
