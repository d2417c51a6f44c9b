"""Records to triples: :func:`kg.rdf.mapping.document_triples` and the one Graph builder.

Mapping functions yield ``(subject, predicate, object)`` tuples of rdflib terms;
:func:`kg.rdf.graph.build_graph` is the only place an rdflib ``Graph`` is made.
"""
