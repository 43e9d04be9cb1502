"""Session files: loading with line-precise validation, writing, drafts."""
