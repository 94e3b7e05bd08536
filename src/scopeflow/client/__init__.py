"""Sessions: the only callers of runtime/."""
