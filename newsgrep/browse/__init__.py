"""``newsgrep browse``: a browser in the terminal, built with Textual.

Textual is imported by this package only, and this package only by the
browse command when it runs: no other command pays for it at start-up.
"""
