"""The Whoosh engine's own parts: postings, segments, merging."""
