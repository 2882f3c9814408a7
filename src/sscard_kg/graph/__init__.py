"""The graph: an extraction as RDF, checked against the shapes, kept in the Oxigraph store."""
