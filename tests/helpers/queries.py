"""Random query text for the fuzz tests: any string, and strings built from
pieces of the query syntax so that the parser's corners are hit."""

from hypothesis import strategies as st

# Pieces of the syntax, so random strings hit the parser's corners, not just letters.
PIECES = ["AND", "OR", "NOT", "TO", "+", "-", "(", ")", "[", "]", "{", "}", '"', "'", "~",
          "~2", "^", "^2", "*", "?", ":", "date:", "title:", "people:", "source:", "place:",
          "body:", "author:", "path:", "foo:", "2001", "2001-11", "2001-11-22", "Nov",
          "nato", "Putin", "O'Neill", "RFE/RL", "ITAR-TASS", " ", " ", "\t", ">", "<", "=",
          "\\", "/", "ngdate0", "the", "what", "é", "\x00", "\u200b"]
QUERIES = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=10).map(" ".join),
)
