"""An index on an OpenSearch cluster: newsgrep's engine for ``--index http(s)://…``.

``client.py`` reaches the cluster, ``mapping.py`` says how stories are
indexed, ``index.py`` is the Engine; opensearch-py is imported only once a
cluster is really used.
"""
