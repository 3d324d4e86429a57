"""End-to-end tests: a corpus indexed, then searched, by the command or the library."""
