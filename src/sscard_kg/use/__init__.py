"""Using a store: queries, exports, the SPARQL server and the quality report."""
