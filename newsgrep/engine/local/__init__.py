"""What an index in a folder keeps beside its engine's files: the file
manifest (SQLite) and the writer lock (a file lock). The Whoosh engine
serves them; an index on a cluster keeps its own in the cluster."""
