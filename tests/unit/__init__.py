"""Unit tests: pure functions, no index (readers, extraction, dates, dedup, safety, parser)."""
