"""Metadata extraction: a raw story to an Article (``article.build_article``).

The modules here are imported one by one: the query language needs only
``sources`` (agency names as stored), and a search must not pay for loading
the people and place rules.
"""
