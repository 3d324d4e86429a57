"""One module per command; each adds itself to the click group in newsgrep.cli."""
