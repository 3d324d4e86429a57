"""The engine contract: what any search engine behind newsgrep must do."""
