"""Helpers shared by the test tiers: paths, hostile input, synthetic corpora, a WARC crawl."""
