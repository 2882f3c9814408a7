"""Building a store: which articles to extract, extracting them in batches (here, in worker
processes or on a Dask cluster), and loading their graphs."""
