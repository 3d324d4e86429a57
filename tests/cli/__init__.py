"""Command-line tests: through click's runner or the newsgrep command."""
