"""``newsgraph serve``: a REST API and a web interface over a corpus database.

>>> from newsgraph.serve import create_app        # doctest: +SKIP
>>> app = create_app("demo.duckdb")               # doctest: +SKIP
"""

from newsgraph.serve.api import create_app

__all__ = ["create_app"]
