"""Templates: finding, listing and copying them; the compiled template; template checks."""
