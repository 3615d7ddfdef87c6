"""The alumni section's views: the directory, a member's own profile, introductions, and the staff admin."""
